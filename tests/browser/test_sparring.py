"""The sparring pages, checked with axe in Chromium: the form, the thread and the inbox."""

import pytest

from faelles_skabere import mails
from faelles_skabere import sparring_tokens as tokens
from faelles_skabere.models import SparringRequest
from tests.browser.checks import assert_accessible
from tests.browser.test_forum_editing import staff_page
from tests.factories import SparringRequestFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_request_form_with_errors_and_by_keyboard(page, demo_data, axe_source):
    page.goto("/lokalomraader/tollose/")
    page.get_by_role("link", name="Bed om sparring").click()
    page.wait_for_load_state()
    assert page.get_by_label("Lokalområde").input_value() == "tollose"
    assert_accessible(page, axe_source)
    page.get_by_role("button", name="Send anmodning").click()
    page.wait_for_load_state()
    assert page.locator("[data-module='error-summary']").is_visible()
    assert_accessible(page, axe_source)
    page.get_by_label("Dit navn").fill("Karen Opdigtet")
    page.get_by_label("Din e-mailadresse").fill("karen@example.org")
    page.get_by_label("Forening").check()
    page.get_by_label("Emne").select_option("project_idea")
    page.get_by_label("Beskrivelse").fill("En naturlegeplads ved skolen.")
    page.get_by_label("E-mail", exact=True).check()
    page.wait_for_timeout(3100)  # people take longer than the form's minimum fill time
    page.get_by_role("button", name="Send anmodning").click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", level=1).inner_text() == "Tjek din e-mail"
    assert_accessible(page, axe_source)


def test_confirming_and_the_thread(page, demo_data, axe_source):
    request = SparringRequestFactory()
    page.goto(f"/sparring/bekraeft/{tokens.make(request, tokens.CONFIRM_SALT)}/")
    assert_accessible(page, axe_source)
    page.get_by_role("button", name="Ja, send anmodningen").click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", level=1).inner_text() == "Anmodningen er sendt"
    assert_accessible(page, axe_source)

    request.refresh_from_db()
    page.goto(mails.thread_url(request).split("8000", 1)[-1].replace("http://testserver", ""))
    assert_accessible(page, axe_source)
    page.get_by_role("button", name="Send besked").click()  # empty: an error, not a 500
    page.wait_for_load_state()
    assert page.locator("[data-module='error-summary']").is_visible()
    assert_accessible(page, axe_source)
    page.get_by_role("link", name="Slet mine oplysninger").click()
    assert_accessible(page, axe_source)

    page.goto("/sparring/traad/et-forkert-link/")
    assert "Linket er ikke gyldigt" in page.locator("main").inner_text()
    assert_accessible(page, axe_source)


def test_the_inbox_request_page_and_assignments(new_context, live_server, demo_data, axe_source):
    page = staff_page(new_context, live_server, "faelles-skaber@example.org")
    page.goto("/sparring/indbakke/")
    assert_accessible(page, axe_source)
    page.goto("/sparring/indbakke/?fane=alle")
    assert_accessible(page, axe_source)
    request = SparringRequest.objects.exclude(status="unconfirmed").first()
    page.goto(f"/sparring/indbakke/{request.pk}/")
    assert_accessible(page, axe_source)
    page.get_by_role("button", name="Overdrag").click()  # no reason: an error
    page.wait_for_load_state()
    assert page.locator("[data-module='error-summary']").is_visible()
    assert_accessible(page, axe_source)
    page.goto("/faelles-skabere/tildeling/")
    assert_accessible(page, axe_source)
    page.goto("/sparring/oversigt/")
    assert page.locator("figure.bar-chart svg[role=img]").count() == 3
    assert_accessible(page, axe_source)


def test_the_population_import_page(new_context, live_server, demo_data, axe_source, tmp_path):
    page = staff_page(new_context, live_server, "sekretariat@example.org")
    page.goto("/tilskud/befolkningstal/")
    assert_accessible(page, axe_source)
    bad = tmp_path / "tal.csv"
    bad.write_text("område;dato;antal\nAtlantis;2026-01-01;x\n", encoding="utf-8")
    page.get_by_label("CSV-fil med befolkningstal").set_input_files(bad)
    page.get_by_role("button", name="Kontrollér filen").click()
    page.wait_for_load_state()
    assert "Intet er importeret" in page.locator("main").inner_text()
    assert_accessible(page, axe_source)
