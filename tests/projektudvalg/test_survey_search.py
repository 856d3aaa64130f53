"""Surveys in the portal's search (projektudvalg/search_kinds.py): found from planned on,
never as a draft."""

import datetime

from django.core.cache import caches
from django.test import Client

from projektudvalg.models import Survey, SurveyStatus
from tests.projektudvalg.survey_helpers import build_survey


def test_an_open_survey_is_found_and_a_draft_is_not(reference_data):
    survey = build_survey()  # "Stier": "Hvor skal stien gå?", open
    Survey.objects.create(
        title="Hemmelige stiplaner", purpose="Stier endnu i kladde.", whole_municipality=True,
        retention_until=datetime.date(2027, 9, 1), status=SurveyStatus.DRAFT,
    )  # fmt: skip
    page = Client().get("/soeg/", {"q": "stien"}).content.decode()
    assert survey.get_absolute_url() in page
    assert "Hemmelige stiplaner" not in page
    Survey.objects.filter(pk=survey.pk).update(status=SurveyStatus.DRAFT)
    for cache in caches.all():  # the update sent no signal: drop the stored search page
        cache.clear()
    page = Client().get("/soeg/", {"q": "stien"}).content.decode()
    assert survey.get_absolute_url() not in page
