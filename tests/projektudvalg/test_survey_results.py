"""Results from the counts: one bar per option, and areas under 5 responses suppressed."""

import pytest

from lokalfora.models import LocalArea
from projektudvalg.models import QuestionKind, SurveyOption, SurveyQuestion
from projektudvalg.selectors.survey_results import (
    area_counts,
    chart,
    hidden_areas,
    option_counts,
)
from projektudvalg.services.survey_responses import response_store
from projektudvalg.services.survey_tallies import count
from projektudvalg.survey_logic import Value
from tests.projektudvalg.survey_helpers import DURING, build_survey, survey_values


@pytest.fixture
def answered(reference_data):
    survey = build_survey()
    several = SurveyQuestion.objects.create(
        survey=survey, position=4, kind=QuestionKind.MULTIPLE, text="Hvad savner du?"
    )
    labels = ["Bænke", "Lys", "Skilte"]
    options = [SurveyOption.objects.create(question=several, position=i, label=label)
               for i, label in enumerate(labels, 1)]  # fmt: skip
    for n in range(6):  # six from Tølløse, three from Undløse
        values = survey_values(survey) | {several.pk: Value(options=(options[0].pk, options[1].pk))}
        response_store(survey=survey, values=values, channel="link", session_token=f"t{n}",
                       now=DURING)  # fmt: skip
    for n in range(3):
        response_store(survey=survey, values=survey_values(survey, area="undlose"),
                       channel="link", session_token=f"u{n}", now=DURING)  # fmt: skip
    return survey, several


def test_one_bar_per_option_zeros_included(answered):
    survey, several = answered
    counted = count(survey)
    several = SurveyQuestion.objects.prefetch_related("options").get(pk=several.pk)
    assert option_counts(several, counted) == [("Bænke", 6), ("Lys", 6), ("Skilte", 0)]
    assert len(chart(several, counted).bars) == 3


def test_an_area_under_five_is_suppressed_everywhere(answered):
    survey, several = answered
    counted = count(survey)
    several = SurveyQuestion.objects.prefetch_related("options").get(pk=several.pk)
    tollose, undlose = (LocalArea.objects.get(slug=s) for s in ("tollose", "undlose"))
    assert option_counts(several, counted, area_id=undlose.pk) is None
    assert chart(several, counted, area_id=undlose.pk) is None
    # 9 in all minus Tølløse's 6 would give Undløse's 3: Tølløse is hidden too.
    rows = {row.area.slug: row.count for row in area_counts(counted, [tollose, undlose])}
    assert rows == {"tollose": None, "undlose": None}
    hidden = hidden_areas(counted, [tollose, undlose])
    assert option_counts(several, counted, area_id=tollose.pk, hidden=hidden) is None
    assert option_counts(several, counted, area_id=tollose.pk)[0] == ("Bænke", 6)


def test_areas_over_the_threshold_are_shown(answered):
    survey, _several = answered
    for n in range(2):
        response_store(survey=survey, values=survey_values(survey, area="undlose"),
                       channel="link", session_token=f"v{n}", now=DURING)  # fmt: skip
    counted = count(survey)
    tollose, undlose = (LocalArea.objects.get(slug=s) for s in ("tollose", "undlose"))
    rows = {row.area.slug: row.count for row in area_counts(counted, [tollose, undlose])}
    assert rows == {"tollose": 6, "undlose": 5}
