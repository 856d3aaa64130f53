"""Surveys in the follow mails (projektudvalg/survey_digest.py): a survey that opened in the
window and results published in it, for the followed areas or the whole municipality,
once per mail; drafts, planned and closed surveys never."""

import datetime

from lokalfora.digest_sections import DigestWindow
from lokalfora.models import LocalArea
from projektudvalg.models import Survey, SurveyStatus
from projektudvalg.survey_digest import survey_lines
from tests.projektudvalg.survey_helpers import CLOSES, OPENS, build_survey

WEEK = datetime.timedelta(days=7)


def window(now, since=None):
    return DigestWindow(now=now, since=since or now - WEEK, until=now + WEEK)


def areas(*slugs):
    return dict(LocalArea.objects.filter(slug__in=slugs).values_list("slug", "pk"))


def test_a_survey_that_opened_is_told_about_in_its_areas_only(reference_data):
    survey = build_survey()  # Tølløse and Undløse, opened 1 March
    ids = areas("tollose", "jyderup")
    lines = survey_lines(set(ids.values()), window(OPENS + datetime.timedelta(days=1)))
    (line,) = lines[ids["tollose"]]
    assert line.url == survey.get_absolute_url()
    assert "Stier" in str(line.text)
    assert "31-03-2027" in str(line.text)
    assert not lines.get(ids["jyderup"])
    # A week later it opened before the window: nothing new to tell.
    assert not survey_lines(set(ids.values()), window(OPENS + 2 * WEEK, OPENS + WEEK))


def test_published_results_are_told_about_and_drafts_never(
    reference_data, django_assert_num_queries
):
    survey = build_survey()
    published = OPENS + datetime.timedelta(days=40)
    Survey.objects.filter(pk=survey.pk).update(
        status=SurveyStatus.PUBLISHED, closes_at=CLOSES, results_published_at=published
    )
    Survey.objects.create(
        title="Kladde", purpose="x", whole_municipality=True, opens_at=OPENS,
        closes_at=CLOSES, retention_until=datetime.date(2027, 9, 1),
    )  # fmt: skip
    ids = areas("tollose", "undlose", "jyderup")
    with django_assert_num_queries(2):
        lines = survey_lines(set(ids.values()), window(published + datetime.timedelta(hours=1)))
    assert [str(line.text) for line in lines[ids["tollose"]]] == [
        "Resultaterne af »Stier« er offentliggjort."
    ]
    assert lines[ids["tollose"]][0].once_key == lines[ids["undlose"]][0].once_key
    assert not lines.get(ids["jyderup"])
