"""The counts that outlive the raw answers: per option (not per combination), per value,
per area, only counted responses, in a constant number of queries, and kept when the
answers are deleted."""

import datetime

import pytest

from lokalfora.models import LocalArea
from projektudvalg.models import (
    QuestionKind,
    ReviewState,
    Survey,
    SurveyAnswer,
    SurveyOption,
    SurveyQuestion,
    SurveyResponse,
    SurveyTally,
)
from projektudvalg.services.survey_tallies import count, responses_total, stored, tallies_refresh

DAY = datetime.date(2027, 3, 1)


@pytest.fixture
def survey(reference_data):
    survey = Survey.objects.create(
        title="Trafik", purpose="At høre jer", retention_until=datetime.date(2027, 12, 31)
    )
    several = SurveyQuestion.objects.create(
        survey=survey, position=1, kind=QuestionKind.MULTIPLE, text="Hvad bruger du?"
    )
    for position, label in enumerate(["Bus", "Cykel", "Bil"], 1):
        SurveyOption.objects.create(question=several, position=position, label=label)
    SurveyQuestion.objects.create(survey=survey, position=2, kind=QuestionKind.SCALE, text="Hvor")
    return survey


def _respond(survey, area, chosen, scale, review=ReviewState.COUNTED):
    response = SurveyResponse.objects.create(
        survey=survey, anonymity="anonymous", channel="online", submitted_on=DAY, area=area,
        review=review,
    )  # fmt: skip
    several, scale_question = survey.questions.order_by("position")
    for label in chosen:
        option = several.options.get(label=label)
        SurveyAnswer.objects.create(response=response, question=several, option=option)
    SurveyAnswer.objects.create(response=response, question=scale_question, number=scale)
    return response


def test_counts_each_option_each_value_and_each_area(survey):
    tollose = LocalArea.objects.get(slug="tollose")
    undlose = LocalArea.objects.get(slug="undlose")
    _respond(survey, tollose, ["Bus", "Cykel"], 4)
    _respond(survey, tollose, ["Bus"], 5)
    _respond(survey, undlose, ["Bil"], 4)
    _respond(survey, undlose, ["Bil", "Bus"], 2, review=ReviewState.HELD)  # not counted
    several, scale = survey.questions.order_by("position")
    bus, cykel, bil = several.options.order_by("position")

    counted = count(survey)

    assert responses_total(counted) == 3
    assert responses_total(counted, tollose.pk) == 2
    per_option = {o.label: counted[(several.pk, o.pk, None, "", None)] for o in (bus, cykel, bil)}
    assert per_option == {"Bus": 2, "Cykel": 1, "Bil": 1}  # three bars, counted per option
    assert counted[(several.pk, bus.pk, None, "", tollose.pk)] == 2
    assert counted[(several.pk, bus.pk, None, "", undlose.pk)] == 0
    assert counted[(scale.pk, None, None, "4", None)] == 2
    assert counted[(several.pk, None, None, "", None)] == 3  # answered the question


def test_constant_queries(survey, django_assert_num_queries):
    tollose = LocalArea.objects.get(slug="tollose")
    for _ in range(3):
        _respond(survey, tollose, ["Bus"], 3)
    with django_assert_num_queries(4):
        count(survey)
    for _ in range(20):
        _respond(survey, tollose, ["Bus", "Bil"], 1)
    with django_assert_num_queries(4):
        count(survey)


def test_stored_counts_survive_the_answers(survey):
    tollose = LocalArea.objects.get(slug="tollose")
    _respond(survey, tollose, ["Cykel"], 3)
    _respond(survey, tollose, ["Cykel", "Bil"], 3)
    before = count(survey)

    rows = tallies_refresh(survey=survey)
    SurveyResponse.objects.filter(survey=survey).delete()

    assert rows == len(before) == SurveyTally.objects.filter(survey=survey).count()
    assert stored(survey) == before
    assert responses_total(count(survey)) == 0
    tallies_refresh(survey=survey)  # a second refresh replaces, never adds
    assert SurveyTally.objects.filter(survey=survey, question__isnull=True).count() == 0
