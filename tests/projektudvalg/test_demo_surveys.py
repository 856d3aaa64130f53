"""The issue's path, as the demo plays it (projektudvalg/demo_surveys.py): staff build a
survey for Tølløse and Undløse with a condition and open it; answers arrive by the open
link, by invitation and from Tølløse's forum; after closing, three questions are
published; the public results show Tølløse and hide Undløse; the CSV keeps æøå for
Danish Excel; on the retention date the nightly task deletes the raw answers and the
results stay."""

import datetime
import io
import json

import pytest
from django.core.management import call_command
from django.test import Client

from projektudvalg.demo_surveys import PATHS_TITLE
from projektudvalg.models import (
    Anonymity,
    ResponseChannel,
    Survey,
    SurveyAnswer,
    SurveyInvitation,
    SurveyResponse,
    SurveyStatus,
)
from projektudvalg.services.survey_retention import survey_answers_delete_due
from tests.factories import login
from tests.projektudvalg.news_helpers import staff_user

BOM = "\ufeff"


@pytest.fixture
def demo(db, clock):
    clock.set("2030-03-30")
    call_command("load_reference_data", stdout=io.StringIO())
    call_command("demo", force=True, stdout=io.StringIO())
    return Survey.objects.get(title=PATHS_TITLE)


def test_the_demo_survey_path(demo, clock):
    survey = demo
    assert survey.status == SurveyStatus.PUBLISHED
    assert sorted(survey.areas.values_list("slug", flat=True)) == ["tollose", "undlose"]
    assert survey.questions.filter(conditions__isnull=False).count() == 1
    assert survey.questions.filter(public=True).count() == 3
    responses = SurveyResponse.objects.filter(survey=survey)
    assert responses.count() == 22
    # Anonymous: no user, invitation, forum or time of day, whichever way it came.
    assert set(responses.values_list("channel", flat=True)) == {ResponseChannel.ONLINE}
    assert not responses.exclude(user=None, invitation=None, forum=None, submitted_at=None)
    assert survey.anonymity == Anonymity.ANONYMOUS
    assert SurveyInvitation.objects.filter(survey=survey, completed=True).count() == 2
    assert survey.participations.filter(forum__area__slug="tollose").count() == 1

    client = Client()
    page = client.get(f"/undersoegelser/{survey.pk}/resultater/").content.decode()
    assert "færre end 5 svar" in page
    assert "Har du andre forslag?" not in page  # free text is not published
    figures = json.loads(client.get(f"/undersoegelser/{survey.pk}/resultater.json").content)
    areas = {row["omraade"]: row["besvarelser"] for row in figures["omraader"]}
    assert areas == {"tollose": 14, "undlose": None}
    public_csv = client.get(f"/undersoegelser/{survey.pk}/resultater.csv").content.decode()
    assert public_csv.startswith(BOM)
    assert ";" in public_csv
    assert "Tølløse" in public_csv


def test_the_staff_export_keeps_the_danish_letters(demo, client):
    login(client, staff_user())
    response = client.get(f"/undersoegelser/{demo.pk}/eksport.csv")
    assert response.status_code == 200
    text = response.content.decode("utf-8")
    assert text.startswith(BOM)
    lines = text.lstrip(BOM).splitlines()
    assert len(lines) == 1 + 22  # a header and one row per response
    assert "Tølløse" in text
    assert "Undløse" in text


def test_the_retention_date_deletes_the_raw_answers_and_the_results_stay(demo, clock):
    survey = demo
    clock.set(survey.retention_until - datetime.timedelta(days=1))
    survey_answers_delete_due()
    assert SurveyResponse.objects.filter(survey=survey).count() == 22
    clock.set(survey.retention_until)
    survey_answers_delete_due()
    assert not SurveyResponse.objects.filter(survey=survey).exists()
    assert not SurveyAnswer.objects.filter(question__survey=survey).exists()
    assert set(SurveyInvitation.objects.filter(survey=survey).values_list("email", flat=True)) == {
        ""
    }
    figures = json.loads(Client().get(f"/undersoegelser/{survey.pk}/resultater.json").content)
    assert {row["omraade"]: row["besvarelser"] for row in figures["omraader"]} == {
        "tollose": 14,
        "undlose": None,
    }
