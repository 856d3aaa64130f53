"""The surveys' archive and results pages in a real browser: axe on the archive (with and
without filters, and with a filter nothing matches), a survey's published results (every
kind of question, and one with small areas suppressed), the results of a survey run
elsewhere, the area page's survey section, and staff's live results. The pages have no
form but the archive's filter, which takes any value without an error."""

import pytest

from tests.browser.checks import assert_accessible
from tests.browser.test_forum_editing import staff_page

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

STAFF = "sekretariat@example.org"  # Udvalgssekretariat in the demo


def _surveys():
    from django.core.files.base import ContentFile

    from projektudvalg.models import SurveyExternalFile
    from tests.projektudvalg.survey_pages_helpers import (
        add_responses,
        answered_survey,
        every_kind_survey,
        external_survey,
        publish,
    )

    every = every_kind_survey()
    add_responses(every, 60)
    small = publish(answered_survey())
    elsewhere = external_survey()
    SurveyExternalFile.objects.create(
        survey=elsewhere, file=ContentFile(b"%PDF-1.4 test", name="resultater.pdf"),
        name="resultater.pdf", extension="pdf", content_type="application/pdf", size=13,
    )  # fmt: skip
    return every, small, elsewhere


def _check(page, axe_source, path):
    response = page.goto(path)
    assert response.status == 200, path
    assert_accessible(page, axe_source)


def test_the_public_survey_pages_are_accessible(page, demo_data, axe_source):
    every, small, elsewhere = _surveys()
    for path in [
        "/undersoegelser/",
        "/undersoegelser/?omraade=tollose&status=resultater",
        "/undersoegelser/?omraade=oro&status=aabne",  # nothing matches
        f"/undersoegelser/{every.pk}/resultater/",
        f"/undersoegelser/{small.pk}/resultater/",
        f"/undersoegelser/{elsewhere.pk}/resultater/",
        "/lokalomraader/tollose/",
    ]:
        _check(page, axe_source, path)


def test_the_live_results_are_accessible(new_context, live_server, demo_data, axe_source):
    every, small, _elsewhere = _surveys()
    page = staff_page(new_context, live_server, STAFF)
    for survey in (every, small):
        _check(page, axe_source, f"/undersoegelser/{survey.pk}/resultater/styring/")
