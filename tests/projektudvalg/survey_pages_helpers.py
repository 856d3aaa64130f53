"""Surveys with answers, closed and published, for the results pages' tests."""

import datetime

from django.utils import timezone

from lokalfora.models import LocalArea
from projektudvalg.models import (
    QuestionKind,
    Survey,
    SurveyOption,
    SurveyQuestion,
    SurveyStatus,
)
from projektudvalg.services import surveys
from projektudvalg.services.survey_responses import response_store
from projektudvalg.survey_logic import Value
from tests.projektudvalg.survey_helpers import CLOSES, DURING, build_survey, survey_values

AFTER = CLOSES + datetime.timedelta(days=2)
LABELS = ["Bænke", "Lys", "Skilte"]


def answered_survey(tollose=6, undlose=3):
    """build_survey's Tølløse and Undløse survey with a several-choices question (3
    options) and a free-text one; `tollose` answers from Tølløse choosing Bænke and Lys,
    `undlose` from Undløse choosing none."""
    survey = build_survey()
    several = SurveyQuestion.objects.create(
        survey=survey, position=4, kind=QuestionKind.MULTIPLE, text="Hvad savner du på stien?"
    )
    options = [SurveyOption.objects.create(question=several, position=i, label=label)
               for i, label in enumerate(LABELS, 1)]  # fmt: skip
    text = SurveyQuestion.objects.create(
        survey=survey, position=5, kind=QuestionKind.LONG_TEXT, text="Skriv en kommentar"
    )
    for n in range(tollose):
        values = survey_values(survey) | {
            several.pk: Value(options=(options[0].pk, options[1].pk)),
            text.pk: Value(text=f"Kommentar fra Tølløse nr. {n}"),
        }
        response_store(survey=survey, values=values, channel="link", session_token=f"t{n}",
                       now=DURING)  # fmt: skip
    for n in range(undlose):
        response_store(survey=survey, values=survey_values(survey, answer="Nej", area="undlose"),
                       channel="link", session_token=f"u{n}", now=DURING)  # fmt: skip
    return survey


def publish(survey, *, public=("Bruger du stien?", "Hvad savner du på stien?", "Hvor?")):
    """Close (the counts are stored) and publish the questions named."""
    if survey.status in (SurveyStatus.SCHEDULED, SurveyStatus.OPEN):
        survey = surveys.survey_close(survey=survey, now=AFTER)
    SurveyQuestion.objects.filter(survey=survey).update(public=False)
    SurveyQuestion.objects.filter(survey=survey, text__in=public).update(public=True)
    Survey.objects.filter(pk=survey.pk).update(
        status=SurveyStatus.PUBLISHED, results_published_at=AFTER
    )
    survey.refresh_from_db()
    return survey


def external_survey(status=SurveyStatus.PUBLISHED, title="Borgerpanel om kultur", **fields):
    published_at = timezone.now() if status == SurveyStatus.PUBLISHED else None
    return Survey.objects.create(
        kind="external", title=title, purpose="Hvad synes borgerne om kulturen?",
        retention_until=datetime.date(2028, 1, 1), status=status,
        results_published_at=published_at, external_source="Borgerpanelet i SurveyXact",
        external_summary="Tre ud af fire er glade for biblioteket.", **fields,
    )  # fmt: skip


def areas(*slugs):
    return LocalArea.objects.filter(slug__in=slugs)


# One of each kind the results show (the lokalområde question comes once, first).
KINDS = [QuestionKind.SINGLE, QuestionKind.MULTIPLE, QuestionKind.SCALE, QuestionKind.NUMBER,
         QuestionKind.RANKING, QuestionKind.MATRIX_SINGLE, QuestionKind.CONSENT,
         QuestionKind.LONG_TEXT, QuestionKind.DATE]  # fmt: skip


def _question(survey, position, kind):
    question = SurveyQuestion.objects.create(
        survey=survey, position=position, kind=kind, text=f"Spørgsmål {position}", public=True
    )
    if kind in (QuestionKind.SINGLE, QuestionKind.MULTIPLE, QuestionKind.RANKING,
                QuestionKind.MATRIX_SINGLE):  # fmt: skip
        for index, label in enumerate(LABELS, 1):
            SurveyOption.objects.create(question=question, position=index, label=label)
    if kind == QuestionKind.MATRIX_SINGLE:
        for index, label in enumerate(["Om dagen", "Om aftenen"], 1):
            SurveyOption.objects.create(question=question, position=index, label=label,
                                        is_row=True)  # fmt: skip
    return question


def every_kind_survey():
    """A published survey for Tølløse and Undløse with one question of each kind."""
    survey = Survey.objects.create(
        title="Alle slags", purpose="Test", retention_until=datetime.date(2028, 1, 1),
        controller_notice="Holbæk Kommune", opens_at=DURING - datetime.timedelta(days=1),
        closes_at=DURING, status=SurveyStatus.PUBLISHED, results_published_at=AFTER,
    )  # fmt: skip
    survey.areas.set(areas("tollose", "undlose"))
    _question(survey, 1, QuestionKind.AREA)
    for position, kind in enumerate(KINDS, 2):
        _question(survey, position, kind)
    return survey


def add_questions(survey, total):
    start = survey.questions.count()
    for position in range(start + 1, total + 1):
        _question(survey, position, KINDS[position % len(KINDS)])


def _answers(response, question, index, area):
    from projektudvalg.models import SurveyAnswer

    def answer(**fields):
        return SurveyAnswer(response=response, question=question, **fields)

    options = [o for o in question.options.all() if not o.is_row]
    rows = [o for o in question.options.all() if o.is_row]
    match question.kind:
        case QuestionKind.AREA:
            return [answer(area=area)]
        case QuestionKind.SINGLE:
            return [answer(option=options[index % 3])]
        case QuestionKind.MULTIPLE:
            return [answer(option=options[0]), answer(option=options[1 + index % 2])]
        case QuestionKind.SCALE | QuestionKind.NUMBER | QuestionKind.CONSENT:
            value = {QuestionKind.SCALE: 1 + index % 5, QuestionKind.CONSENT: 1}
            return [answer(number=value.get(question.kind, index % 97))]
        case QuestionKind.RANKING:
            return [answer(option=o, number=1 + (index + n) % 3) for n, o in enumerate(options)]
        case QuestionKind.MATRIX_SINGLE:
            return [answer(option=options[index % 3], row=row) for row in rows]
        case QuestionKind.DATE:
            return [answer(date=datetime.date(2027, 3, 1 + index % 28))]
    return [answer(text=f"Svar nummer {index}")]


def add_responses(survey, n, *, start=0):
    """n anonymous responses answering every question, by bulk, and the counts stored."""
    from projektudvalg.models import SurveyAnswer, SurveyResponse
    from projektudvalg.services.survey_tallies import tallies_refresh

    places = list(areas("tollose", "undlose"))
    questions = list(survey.questions.prefetch_related("options"))
    responses = SurveyResponse.objects.bulk_create(
        SurveyResponse(survey=survey, anonymity="anonymous", channel="online",
                       submitted_on=datetime.date(2027, 3, 10), area=places[i % 2])
        for i in range(start, start + n)
    )  # fmt: skip
    answers = [a for index, response in enumerate(responses, start) for q in questions
               for a in _answers(response, q, index, response.area)]  # fmt: skip
    SurveyAnswer.objects.bulk_create(answers, batch_size=5000)
    tallies_refresh(survey=survey)
