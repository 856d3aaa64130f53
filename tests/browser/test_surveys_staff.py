"""The survey staff's pages in a real browser: axe on the list, the survey's form (empty,
with errors, locked), a survey run elsewhere, the overview, the status steps and the
publishing page (with and without errors). The demo has no survey: the test makes them."""

import pytest

from tests.browser.checks import assert_accessible
from tests.browser.test_forum_editing import staff_page

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]

STAFF = "sekretariat@example.org"  # Udvalgssekretariat in the demo


def _surveys():
    from tests.projektudvalg.test_survey_staff_pages import answer, build_survey, closed

    locked = build_survey()
    answer(locked, "browser")
    return locked, closed(anonymity="pseudonymous")


def _check(page, axe_source, path):
    response = page.goto(path)
    assert response.status == 200, path
    assert response.request.redirected_from is None, page.url
    assert_accessible(page, axe_source)


def _with_errors(page, axe_source, path, button):
    page.goto(path)
    page.locator("main").get_by_role("button", name=button).click()
    page.wait_for_load_state()
    assert page.locator("main .form-error-message").count() >= 1
    assert_accessible(page, axe_source)


def test_the_survey_staff_pages_are_accessible(new_context, live_server, demo_data, axe_source):
    locked, done = _surveys()
    page = staff_page(new_context, live_server, STAFF)
    for path in [
        "/undersoegelser/styring/",
        "/undersoegelser/styring/?status=closed",
        "/undersoegelser/ny/",
        "/undersoegelser/andetsteds/ny/",
        f"/undersoegelser/{locked.pk}/rediger/",
        f"/undersoegelser/{locked.pk}/oversigt/",
        f"/undersoegelser/{locked.pk}/status/",
        f"/undersoegelser/{done.pk}/oversigt/",
        f"/undersoegelser/{done.pk}/offentliggoer/",
    ]:
        _check(page, axe_source, path)
    _with_errors(page, axe_source, "/undersoegelser/ny/", "Gem")
    _with_errors(page, axe_source, "/undersoegelser/andetsteds/ny/", "Offentliggør resultaterne")
    page.goto(f"/undersoegelser/{done.pk}/offentliggoer/")
    page.evaluate("document.querySelector('#id_used_summary').removeAttribute('maxlength')")
    page.locator("#id_used_summary").fill("x" * 2100)  # too long: refused by the form
    page.locator("main").get_by_role("button", name="Offentliggør resultaterne").click()
    page.wait_for_load_state()
    assert page.locator("main .form-error-message").count() >= 1
    assert_accessible(page, axe_source)
