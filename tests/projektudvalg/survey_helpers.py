"""A small open survey for Tølløse and Undløse with a condition, for the survey tests."""

import datetime
from zoneinfo import ZoneInfo

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
from projektudvalg.survey_logic import Value

DK = ZoneInfo("Europe/Copenhagen")
OPENS = datetime.datetime(2027, 3, 1, 9, 0, tzinfo=DK)
CLOSES = datetime.datetime(2027, 3, 31, 23, 59, tzinfo=DK)
DURING = datetime.datetime(2027, 3, 10, 14, 37, tzinfo=DK)


def build_survey():
    survey = surveys.survey_save(
        survey=Survey(
            title="Stier", purpose="Hvor skal stien gå?", retention_until=datetime.date(2027, 9, 1),
            controller_notice="Holbæk Kommune er dataansvarlig …", opens_at=OPENS,
            closes_at=CLOSES, audience_public=True, audience_invited=True, audience_forums=True,
        ),
        areas=LocalArea.objects.filter(slug__in=["tollose", "undlose"]),
    )  # fmt: skip
    uses = SurveyQuestion.objects.create(
        survey=survey, position=1, kind=QuestionKind.SINGLE, text="Bruger du stien?"
    )
    SurveyOption.objects.create(question=uses, position=1, label="Ja")
    SurveyOption.objects.create(question=uses, position=2, label="Nej")
    how_often = SurveyQuestion.objects.create(
        survey=survey, position=2, kind=QuestionKind.SCALE, text="Hvor tit?"
    )
    SurveyCondition.objects.create(
        question=how_often, depends_on=uses, kind=ConditionKind.EQUALS,
        option=uses.options.get(label="Ja"),
    )  # fmt: skip
    SurveyQuestion.objects.create(survey=survey, position=3, kind=QuestionKind.AREA, text="Hvor?")
    return surveys.survey_open(survey=survey, now=DURING)


def survey_values(survey, answer="Ja", often=4, area="tollose"):
    uses, how_often, where = survey.questions.order_by("position")[:3]
    option = uses.options.get(label=answer)
    return {
        uses.pk: Value(options=(option.pk,)),
        how_often.pk: Value(number=often),
        where.pk: Value(area=LocalArea.objects.get(slug=area).pk),
    }
