"""Pool applications in a real browser: axe on the form, status page, queue and case page."""

import pytest

from tests.browser.checks import assert_accessible
from tests.browser.test_forum_editing import staff_page

pytestmark = pytest.mark.django_db(transaction=True)

CITIZEN = "borger@example.org"  # has the demo's applications


def test_the_public_pool_pages_are_accessible(page, demo_data, axe_source):
    for path in ["/puljer/rum-til-faellesskab/", "/puljer/bevillinger/", "/lokalomraader/tollose/"]:
        page.goto(path)
        assert_accessible(page, axe_source)
    assert "(Demo) Shelter og bålplads" in page.locator("main").inner_text()


def test_the_applicant_fills_in_saves_and_submits(
    new_context, login_as, demo_data, axe_source, tmp_path
):
    from projektudvalg.models import Application

    context = new_context()
    login_as(context, CITIZEN)
    page = context.new_page()
    page.goto("/ansoegninger/")
    assert_accessible(page, axe_source)
    draft = Application.objects.get(status="draft")
    page.goto(f"/ansoegninger/{draft.pk}/rediger/")
    assert_accessible(page, axe_source)
    # A bad amount: refused in Danish, the typed text kept, the page still accessible.
    page.get_by_label("Ansøgt beløb (kr.)").fill("75 tusind")
    with page.expect_navigation():
        page.get_by_role("button", name="Gem kladde").click()
    assert "Skriv beløbet i kroner med tal" in page.locator("main").inner_text()
    assert page.get_by_label("Ansøgt beløb (kr.)").input_value() == "75 tusind"
    assert_accessible(page, axe_source)
    # Enter in a field saves the draft; it never submits.
    page.get_by_label("Ansøgt beløb (kr.)").fill("75.000")
    with page.expect_navigation():
        page.get_by_label("Ansøgt beløb (kr.)").press("Enter")
    assert "Kladden er gemt" in page.locator("main").inner_text()
    draft.refresh_from_db()
    assert draft.status == "draft"
    with page.expect_navigation():
        page.get_by_role("button", name="Indsend ansøgningen").click()
    assert "Ansøgningen er indsendt med journalnummer" in page.locator("main").inner_text()
    assert_accessible(page, axe_source)
    page.goto(f"/ansoegninger/{draft.pk}/traek-tilbage/")
    assert_accessible(page, axe_source)


def test_the_staff_review_pages_are_accessible(new_context, live_server, demo_data, axe_source):
    from projektudvalg.models import Application

    page = staff_page(new_context, live_server, "sekretariat@example.org")
    page.goto("/puljer/behandling/")
    assert_accessible(page, axe_source)
    case = Application.objects.get(status="in_review")
    page.goto(f"/puljer/behandling/{case.pk}/")
    assert_accessible(page, axe_source)
    # A grant larger than applied for: refused, explained, accessible.
    page.get_by_label("Bevilget beløb (kr.)").fill("999.999")
    page.get_by_label("Bevilget", exact=True).check()
    with page.expect_navigation():
        page.get_by_role("button", name="Registrér afgørelsen").click()
    assert "Der kan højst bevilges det ansøgte beløb" in page.locator("main").inner_text()
    assert_accessible(page, axe_source)
    page.goto("/puljer/moeder/")
    assert_accessible(page, axe_source)
    page.goto("/puljer/runder/")
    assert_accessible(page, axe_source)
    granted = Application.objects.get(status="granted")
    page.goto(f"/puljer/behandling/{granted.pk}/")  # payouts, final report, lapse
    assert_accessible(page, axe_source)
    page.goto(f"/ansoegninger/{granted.pk}/brev/")
    assert_accessible(page, axe_source)
