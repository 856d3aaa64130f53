"""The grant's staff and forum pages in a real browser: axe, one h1, errors shown accessibly."""

import pytest
from django.utils import timezone

from tests.browser.checks import assert_accessible
from tests.browser.test_forum_editing import EDITOR, staff_page

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_staff_grant_pages_are_accessible(new_context, live_server, demo_data, axe_source):
    year = timezone.localdate().year - 1  # the demo's fictional year followed through
    page = staff_page(new_context, live_server, "sekretariat@example.org")
    for path in [
        f"/tilskud/{year}/",
        f"/tilskud/{year}/model/",
        "/tilskud/ny-model/",
        f"/tilskud/{year}/opfoelgning/",
        f"/tilskud/{year}/opfoelgning/tollose/",
        f"/tilskud/{year}/opfoelgning/oro/",
    ]:
        page.goto(path)
        assert_accessible(page, axe_source)
    page.goto(f"/tilskud/{year}/model/")
    page.get_by_label("Grundbeløb pr. område (kr.)").fill("tretten tusind")
    with page.expect_navigation():
        page.get_by_role("button", name="Gem modellen").click()
    assert page.locator("[data-module='error-summary']").first.is_visible()
    assert_accessible(page, axe_source)
    # Accounts waiting for review: four forms on one page, each with its own ids.
    from django.core.files.uploadedfile import SimpleUploadedFile

    from lokalfora.models import GrantScheme, LocalArea
    from lokalfora.services import grant_followup as followup

    followup.annual_accounts_submit(
        scheme=GrantScheme.objects.get(year=year), area=LocalArea.objects.get(slug="tollose"),
        uploaded=SimpleUploadedFile("r.pdf", b"%PDF-1.4"), no_wages=True, user=None,
    )  # fmt: skip
    page.goto(f"/tilskud/{year}/opfoelgning/tollose/")
    assert page.get_by_role("button", name="Gem afgørelsen").is_visible()
    assert_accessible(page, axe_source)
    page.goto(f"/tilskud/{year}/opfoelgning/oro/")
    with page.expect_navigation():
        page.get_by_role("button", name="Gem aftalen").click()  # no date: an error
    assert "Skriv en dato" in page.locator("main").inner_text()
    assert_accessible(page, axe_source)


def test_an_editor_submits_accounts_by_keyboard(
    new_context, login_as, demo_data, axe_source, tmp_path
):
    year = timezone.localdate().year - 1  # Tølløse was paid in the demo; accounts are owed
    context = new_context()
    login_as(context, EDITOR)
    page = context.new_page()
    response = page.goto(f"/tilskud/{year}/opfoelgning/jyderup/")
    assert response.status == 403  # another forum's page
    page.goto(f"/tilskud/{year}/opfoelgning/tollose/")
    assert_accessible(page, axe_source)
    accounts = tmp_path / "regnskab.pdf"
    accounts.write_bytes(b"%PDF-1.4 regnskab")
    page.get_by_label("Regnskab", exact=True).set_input_files(accounts)
    page.get_by_role("button", name="Indsend regnskabet").focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "Bekræft, at tilskuddet ikke er brugt til løn" in page.locator("main").inner_text()
    assert_accessible(page, axe_source)
    page.get_by_label("Regnskab", exact=True).set_input_files(accounts)
    page.get_by_label("Vi erklærer, at tilskuddet ikke er brugt til løn.").focus()
    page.keyboard.press("Space")
    assert page.get_by_label("Vi erklærer, at tilskuddet ikke er brugt til løn.").is_checked()
    page.get_by_role("button", name="Indsend regnskabet").focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "Regnskabet er indsendt" in page.locator("main").inner_text()
    assert_accessible(page, axe_source)
