"""The counts that outlive a survey's raw answers (`SurveyTally`).

`count(survey)` counts the answers of the responses that are counted (not the held or
discarded ones) in four queries, whatever the number of questions or answers:
responses per area, chosen options (per matrix row), values (scale, number, consent,
rank positions) and how many answered each question. Each count is given for the whole
survey (`area` empty) and per area (the response's lokalområde). Staff's live counts read
`count` directly; `tallies_refresh` stores it, at closing and before the nightly task
deletes the raw answers, so the published results survive the deletion.

Per option, not per combination: a several-choices answer with two options chosen adds
one to each option (decidim#16421 counted combinations).
"""

from collections import Counter

from django.db import transaction
from django.db.models import Count

from projektudvalg.models import (
    QuestionKind,
    ReviewState,
    SurveyAnswer,
    SurveyResponse,
    SurveyTally,
)

VALUE_KINDS = (QuestionKind.SCALE, QuestionKind.NUMBER, QuestionKind.CONSENT)


def _add(counter: Counter, key: tuple, area_id, n: int) -> None:
    counter[(*key, None)] += n  # the whole survey
    if area_id is not None:
        counter[(*key, area_id)] += n


def count(survey) -> Counter:
    """(question_id, option_id, row_id, value, area_id) → count; question_id None is the
    number of responses."""
    counted = Counter()
    responses = SurveyResponse.objects.filter(survey=survey, review=ReviewState.COUNTED)
    for row in responses.values("area").annotate(n=Count("pk")).order_by():
        _add(counted, (None, None, None, ""), row["area"], row["n"])
    answers = SurveyAnswer.objects.filter(
        response__survey=survey, response__review=ReviewState.COUNTED
    )
    options = (
        answers.filter(option__isnull=False)
        .exclude(question__kind=QuestionKind.RANKING)
        .values("question", "option", "row", "response__area")
        .annotate(n=Count("pk"))
        .order_by()
    )
    for row in options:
        key = (row["question"], row["option"], row["row"], "")
        _add(counted, key, row["response__area"], row["n"])
    values = (
        answers.filter(question__kind__in=[*VALUE_KINDS, QuestionKind.RANKING])
        .exclude(number__isnull=True)
        .values("question", "option", "number", "response__area")
        .annotate(n=Count("pk"))
        .order_by()
    )
    for row in values:
        key = (row["question"], row["option"], None, str(row["number"]))
        _add(counted, key, row["response__area"], row["n"])
    answered = (
        answers.values("question", "response__area")
        .annotate(n=Count("response", distinct=True))
        .order_by()
    )
    for row in answered:
        _add(counted, (row["question"], None, None, ""), row["response__area"], row["n"])
    return counted


def responses_total(counted: Counter, area_id=None) -> int:
    return counted.get((None, None, None, "", area_id), 0)


@transaction.atomic
def tallies_refresh(*, survey) -> int:
    """Store the survey's counts in place of the stored ones; the number of rows."""
    counted = count(survey)
    SurveyTally.objects.filter(survey=survey).delete()
    SurveyTally.objects.bulk_create(
        SurveyTally(
            survey=survey,
            question_id=question_id,
            option_id=option_id,
            row_id=row_id,
            value=value,
            area_id=area_id,
            count=n,
        )
        for (question_id, option_id, row_id, value, area_id), n in counted.items()
    )
    return len(counted)


def stored(survey) -> Counter:
    """The stored counts, keyed as `count` keys them (one query)."""
    return Counter(
        {
            (t.question_id, t.option_id, t.row_id, t.value, t.area_id): t.count
            for t in SurveyTally.objects.filter(survey=survey)
        }
    )
