"""The bench's surveys (holbaek/bench: `make bench`): a published survey of 40 questions for
Tølløse and Undløse whose anonymous answers grow with the bench (`ANSWERS_PER_COPY` per
copy), its counts stored as at closing, and an open survey of the same questions for the
answer pages. Written directly, as the bench writes its copies; nobody is mailed."""

import datetime
import itertools

from django.utils import timezone

from lokalfora.models import LocalArea
from projektudvalg.models import (
    Anonymity,
    QuestionKind,
    ResponseChannel,
    Survey,
    SurveyAnswer,
    SurveyKind,
    SurveyOption,
    SurveyQuestion,
    SurveyResponse,
    SurveyStatus,
)
from projektudvalg.services.survey_tallies import tallies_refresh

ANSWERS_PER_COPY = 100
PUBLISHED_TITLE = "Stier og mødesteder i Tølløse og Undløse (bench)"
OPEN_TITLE = "Hvad skal den gamle skole bruges til? (bench)"
NOTICE = "Holbæk Kommune er dataansvarlig. Svarene bruges til udvalgets arbejde."
# 40 questions: a section, the area, and the rest in turn.
KINDS = [QuestionKind.SINGLE, QuestionKind.MULTIPLE, QuestionKind.SCALE, QuestionKind.NUMBER,
         QuestionKind.SHORT_TEXT]  # fmt: skip
LABELS = ["Ja", "Nej", "Ved ikke"]


def _survey(title, status, *, published) -> Survey:
    now = timezone.now()
    survey = Survey.objects.create(
        title=title, purpose="Hvad mener du?", controller_notice=NOTICE, status=status,
        opens_at=now - datetime.timedelta(days=40),
        closes_at=now + datetime.timedelta(days=-10 if published else 20),
        retention_until=timezone.localdate() + datetime.timedelta(days=365),
        results_published_at=now - datetime.timedelta(days=5) if published else None,
        locked_at=now - datetime.timedelta(days=39) if published else None,
        anonymity=Anonymity.ANONYMOUS, audience_public=True,
    )  # fmt: skip
    survey.areas.set(LocalArea.objects.filter(slug__in=["tollose", "undlose"]))
    _questions(survey, public=published)
    return survey


def _questions(survey, *, public) -> None:
    rows = [SurveyQuestion(survey=survey, position=1, kind=QuestionKind.SECTION, text="Om dig"),
            SurveyQuestion(survey=survey, position=2, kind=QuestionKind.AREA, text="Hvor bor du?",
                           public=public)]  # fmt: skip
    for position, kind in zip(range(3, 41), itertools.cycle(KINDS), strict=False):
        rows.append(SurveyQuestion(
            survey=survey, position=position, kind=kind, text=f"Spørgsmål {position}",
            min_value=0 if kind == QuestionKind.NUMBER else None,
            max_value=100 if kind == QuestionKind.NUMBER else None,
            public=public and kind != QuestionKind.SHORT_TEXT,
        ))  # fmt: skip
    questions = SurveyQuestion.objects.bulk_create(rows)
    SurveyOption.objects.bulk_create(
        SurveyOption(question=question, position=number, label=label)
        for question in questions
        if question.kind in (QuestionKind.SINGLE, QuestionKind.MULTIPLE)
        for number, label in enumerate(LABELS, start=1)
    )


def _answers(survey, count: int) -> None:
    """`count` anonymous answers: two in three from Tølløse, the rest from Undløse."""
    questions = list(survey.questions.prefetch_related("options").order_by("position"))
    areas = dict(
        LocalArea.objects.filter(slug__in=["tollose", "undlose"]).values_list("slug", "pk")
    )
    day = timezone.localdate(survey.closes_at) - datetime.timedelta(days=1)
    responses = SurveyResponse.objects.bulk_create(
        SurveyResponse(survey=survey, anonymity=Anonymity.ANONYMOUS, submitted_on=day,
                       channel=ResponseChannel.ONLINE,
                       area_id=areas["tollose" if n % 3 else "undlose"])
        for n in range(count)
    )  # fmt: skip
    SurveyAnswer.objects.bulk_create(
        answer for n, response in enumerate(responses) for question in questions
        for answer in _answer(response, question, n)
    )  # fmt: skip


def _answer(response, question, n):
    options = list(question.options.all())
    kind = question.kind
    if kind == QuestionKind.AREA:
        return [SurveyAnswer(response=response, question=question, area_id=response.area_id)]
    if kind in (QuestionKind.SINGLE, QuestionKind.MULTIPLE):
        chosen = options[: 2 if kind == QuestionKind.MULTIPLE and n % 2 else 1]
        return [SurveyAnswer(response=response, question=question, option=o) for o in chosen]
    if kind == QuestionKind.SCALE:
        return [SurveyAnswer(response=response, question=question, number=n % 5 + 1)]
    if kind == QuestionKind.NUMBER:
        return [SurveyAnswer(response=response, question=question, number=n % 100)]
    if kind == QuestionKind.SHORT_TEXT and n % 4 == 0:
        return [SurveyAnswer(response=response, question=question, text="Flere bænke")]
    return []


def grow(*, copies: int) -> dict[str, int]:
    published = Survey.objects.filter(title=PUBLISHED_TITLE).first()
    if published is None:
        published = _survey(PUBLISHED_TITLE, SurveyStatus.PUBLISHED, published=True)
        _survey(OPEN_TITLE, SurveyStatus.OPEN, published=False)
    _answers(published, ANSWERS_PER_COPY * (copies + 1))
    tallies_refresh(survey=published)
    return {
        "undersøgelser": Survey.objects.count(),
        "besvarelser": SurveyResponse.objects.count(),
        "svar i undersøgelser": SurveyAnswer.objects.count(),
    }


def page_values() -> dict[str, str]:
    """{survey}: the published bench survey's id (else the newest published one of the portal's
    own, else 0);
    {survey_open}: the open bench survey's (else the newest open one)."""
    surveys = Survey.objects.filter(kind=SurveyKind.PORTAL).order_by("-id")
    published = (
        surveys.filter(title=PUBLISHED_TITLE).first()
        or surveys.filter(status=SurveyStatus.PUBLISHED).first()
    )
    open_ = (
        surveys.filter(title=OPEN_TITLE).first() or surveys.filter(status=SurveyStatus.OPEN).first()
    )
    return {
        "survey": str(published.pk if published else 0),
        "survey_open": str(open_.pk if open_ else 0),
    }
