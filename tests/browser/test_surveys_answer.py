"""The survey answer pages in a real browser: axe on the survey's page, each answer page
(empty and with errors), the thank-you page, the forum's page and staff's paper entry."""

import datetime

import pytest

from tests.browser.checks import assert_accessible
from tests.browser.test_forum_editing import staff_page

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]

STAFF = "sekretariat@example.org"  # Udvalgssekretariat in the demo
EDITOR = "redaktoer@example.org"  # an editor of Tølløse's forum in the demo


def _survey():
    from django.utils import timezone

    from tests.projektudvalg.survey_answer_helpers import paged_survey

    now = timezone.now()
    return paged_survey(
        opened=now,
        opens_at=now - datetime.timedelta(days=1),
        closes_at=now + datetime.timedelta(days=30),
        audience_forums=True,
        anonymity="identified",
    )


def _check(page, axe_source, path):
    response = page.goto(path)
    assert response.status == 200, path
    assert_accessible(page, axe_source)


def test_answering_is_accessible_with_and_without_errors(new_context, demo_data, axe_source):
    survey = _survey()
    page = new_context().new_page()
    _check(page, axe_source, f"/undersoegelser/{survey.pk}/")
    _check(page, axe_source, f"/undersoegelser/{survey.pk}/svar/")
    page.locator("main").get_by_role("button", name="Næste").click()
    page.wait_for_load_state()
    assert page.locator("main .form-error-message").count() == 1
    assert_accessible(page, axe_source)
    page.locator("main").get_by_label("Ja").check()
    page.locator("main").get_by_role("button", name="Næste").click()
    page.wait_for_load_state()
    assert "/svar/2/" in page.url
    assert_accessible(page, axe_source)
    page.locator("main").get_by_role("button", name="Næste").click()
    page.wait_for_load_state()
    assert page.locator("main .form-error-message").count() == 1  # "Hvor tit?" is required
    assert_accessible(page, axe_source)
    page.locator("main").get_by_label("3", exact=True).check()
    page.locator("main").get_by_role("button", name="Næste").click()
    page.wait_for_load_state()
    page.locator("main").get_by_label("Hvor bor du?").select_option(label="Tølløse")
    page.locator("main").get_by_role("button", name="Send svar").click()
    page.wait_for_load_state()
    assert "/tak/" in page.url
    assert_accessible(page, axe_source)
    _check(page, axe_source, f"/undersoegelser/{survey.pk}/svar/")  # "Du har allerede svaret"


def test_the_forum_and_paper_pages_are_accessible(
    new_context, live_server, login_as, demo_data, axe_source
):
    survey = _survey()
    context = new_context()
    login_as(context, EDITOR)
    editor = context.new_page()
    _check(editor, axe_source, f"/undersoegelser/{survey.pk}/lokalforum/tollose/")
    page = staff_page(new_context, live_server, STAFF)
    _check(page, axe_source, f"/undersoegelser/{survey.pk}/indtast/")
    page.locator("main").get_by_role("button", name="Gem svaret").click()
    page.wait_for_load_state()
    assert page.locator("main .form-error-message").count() >= 1
    assert_accessible(page, axe_source)
