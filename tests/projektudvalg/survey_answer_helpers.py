"""A survey of three pages for the answer pages' tests: "Bruger du stien?" (Ja/Nej) on the
first, two questions shown only for Ja on the second, the area and a comment on the third."""

import datetime

from django.urls import reverse

from lokalfora.models import LocalArea
from projektudvalg.models import (
    ConditionKind,
    QuestionKind,
    Survey,
    SurveyCondition,
    SurveyOption,
    SurveyQuestion,
)
from projektudvalg.services import surveys
from tests.projektudvalg.survey_helpers import CLOSES, DURING, OPENS


def _question(survey, position, kind, text, **fields):
    return SurveyQuestion.objects.create(
        survey=survey, position=position, kind=kind, text=text, **fields
    )


def _options(question, *labels, other=None):
    for n, label in enumerate(labels, start=1):
        SurveyOption.objects.create(question=question, position=n, label=label)
    if other:
        SurveyOption.objects.create(
            question=question, position=len(labels) + 1, label=other, is_other=True
        )


def paged_survey(*, opened=DURING, **fields):
    """Opened at `opened`. `fields` change the survey's (audience, anonymity, times …)."""
    data = {
        "title": "Stien ved søen",
        "purpose": "Hvor skal stien gå?",
        "retention_until": datetime.date(2027, 9, 1),
        "opens_at": OPENS,
        "closes_at": CLOSES,
        "controller_notice": "Holbæk Kommune er dataansvarlig.",
        "thank_you_text": "Tak! Vi læser alle svar.",
        "audience_public": True,
    } | fields
    survey = surveys.survey_save(
        survey=Survey(**data), areas=LocalArea.objects.filter(slug__in=["tollose", "undlose"])
    )
    uses = _question(survey, 1, QuestionKind.SINGLE, "Bruger du stien?", required=True)
    _options(uses, "Ja", "Nej")
    _question(
        survey, 2, QuestionKind.SECTION, "Om brugen", help_text="Kun for dem, der bruger den."
    )
    often = _question(
        survey,
        3,
        QuestionKind.SCALE,
        "Hvor tit?",
        required=True,
        scale_low_label="Sjældent",
        scale_high_label="Dagligt",
    )
    what = _question(survey, 4, QuestionKind.MULTIPLE, "Hvad bruger du den til?", max_choices=2)
    _options(what, "Gåtur", "Cykel", other="Andet")
    yes = uses.options.get(label="Ja")
    for question in (often, what):
        SurveyCondition.objects.create(
            question=question, depends_on=uses, kind=ConditionKind.EQUALS, option=yes
        )
    _question(survey, 5, QuestionKind.SECTION, "Om dig")
    _question(survey, 6, QuestionKind.AREA, "Hvor bor du?", required=True)
    _question(survey, 7, QuestionKind.LONG_TEXT, "Andre kommentarer")
    return surveys.survey_open(survey=survey, now=opened)


def q(survey, text) -> SurveyQuestion:
    return survey.questions.get(text=text)


def field(survey, text) -> str:
    return f"q{q(survey, text).pk}"


def option(survey, text, label) -> str:
    return str(q(survey, text).options.get(label=label).pk)


def page_url(survey, page=None) -> str:
    if page is None:
        return reverse("projektudvalg:survey-answer", kwargs={"pk": survey.pk})
    return reverse("projektudvalg:survey-answer-page", kwargs={"pk": survey.pk, "page": page})


def tollose() -> str:
    return str(LocalArea.objects.get(slug="tollose").pk)


def answer_all(client, survey, *, uses="Ja", page_one=None, **extra):
    """Posts the three pages (two for Nej) and returns the last response."""
    first = {field(survey, "Bruger du stien?"): option(survey, "Bruger du stien?", uses)}
    response = client.post(page_url(survey, 1), first | (page_one or {}) | {"action": "next"})
    assert response.status_code == 302, response.content.decode()[:2000]
    if uses == "Ja":
        second = {
            field(survey, "Hvor tit?"): "4",
            field(survey, "Hvad bruger du den til?"): [
                option(survey, "Hvad bruger du den til?", "Cykel")
            ],
        }
        response = client.post(page_url(survey, 2), second | {"action": "next"})
        assert response.status_code == 302, response.content.decode()[:2000]
    last = 3 if uses == "Ja" else 2
    third = {
        field(survey, "Hvor bor du?"): tollose(),
        field(survey, "Andre kommentarer"): "Fin sti",
    }
    return client.post(page_url(survey, last), third | extra | {"action": "send"})
