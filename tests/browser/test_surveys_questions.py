"""The survey question pages in a real browser: axe on the list, the editor (empty, with
more rows, with errors), the delete confirmation and the logic page."""

import pytest

from tests.browser.checks import assert_accessible
from tests.browser.test_forum_editing import staff_page

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]

STAFF = "sekretariat@example.org"  # Udvalgssekretariat in the demo


def _survey():
    from tests.projektudvalg.test_survey_question_pages import built

    survey = built(7)
    return survey, list(survey.questions.order_by("position"))


def _check(page, axe_source, path):
    response = page.goto(path)
    assert response.status == 200, path
    assert response.request.redirected_from is None, page.url
    assert_accessible(page, axe_source)


def test_the_question_pages_are_accessible(new_context, live_server, demo_data, axe_source):
    survey, questions = _survey()
    page = staff_page(new_context, live_server, STAFF)
    base = f"/undersoegelser/{survey.pk}"
    for path in [
        f"{base}/spoergsmaal/",
        f"{base}/spoergsmaal/ny/",
        f"{base}/spoergsmaal/ny/?type=matrix_single",
        f"{base}/spoergsmaal/ny/?type=number",
        f"{base}/spoergsmaal/{questions[0].pk}/",
        f"{base}/spoergsmaal/{questions[1].pk}/",
        f"{base}/spoergsmaal/{questions[0].pk}/slet/",
        f"{base}/spoergsmaal/{questions[1].pk}/slet/",
        f"{base}/logik/",
    ]:
        _check(page, axe_source, path)
    page.goto(f"{base}/spoergsmaal/ny/?type=single")
    main = page.locator("main")
    main.get_by_label("Spørgsmål", exact=True).fill("Hvilken sti?")
    main.get_by_role("button", name="Tilføj flere rækker").click()
    page.wait_for_load_state()
    assert page.locator("#id_options-6-label").count() == 1
    assert_accessible(page, axe_source)
    main.get_by_role("button", name="Gem spørgsmålet").click()
    page.wait_for_load_state()
    assert page.locator("main .error-summary").count() == 1
    assert_accessible(page, axe_source)
