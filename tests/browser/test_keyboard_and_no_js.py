"""Keyboard use and pages without JavaScript."""

import pytest

from tests.browser.checks import DESKTOP, MOBILE, assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("path", ["/", "/lokalomraader/tollose/"])
def test_the_first_tab_reaches_the_skip_link_which_moves_focus_to_main(page, demo_data, path):
    page.goto(path)
    page.keyboard.press("Tab")
    focused = page.evaluate(
        "() => ({text: document.activeElement.textContent.trim(),"
        " href: document.activeElement.getAttribute('href')})"
    )
    assert focused == {"text": "Gå til sideindhold", "href": "#main-content"}
    assert page.locator("a.skipnav").is_visible()

    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main-content"
    page.keyboard.press("Tab")
    assert page.evaluate("document.getElementById('main-content').contains(document.activeElement)")


def test_focus_is_visible_on_links_and_buttons(page, demo_data):
    page.goto("/")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline not in ("", "none")


# Playwright cannot evaluate scripts in a page whose JavaScript is switched off, so
# these tests read the page through locators only. axe-core checks the no-JS
# layout in `test_the_layout_without_our_scripts_is_accessible`.


@pytest.mark.parametrize("viewport", [DESKTOP, MOBILE], ids=["desktop", "phone"])
def test_the_area_page_works_without_javascript(new_context, demo_data, viewport):
    page = new_context(java_script_enabled=False, viewport=viewport).new_page()
    page.goto("/lokalomraader/tollose/")
    assert page.get_by_role("heading", level=1).inner_text() == "Tølløse"
    assert page.get_by_role("heading", name="Kontaktpersoner").is_visible()
    assert page.get_by_text("Demo Kontaktperson Tølløse (opdigtet)").is_visible()
    nav = page.locator("nav.nav")
    assert nav.is_visible()
    assert nav.get_by_role("link", name="Lokalområder").is_visible()
    assert page.locator(".portal-user").get_by_role("link", name="Log ind").is_visible()


def test_the_search_form_works_without_javascript(new_context, demo_data):
    page = new_context(java_script_enabled=False).new_page()
    page.goto("/soeg/")
    page.locator("main").get_by_label("Søg efter et område, en by eller en nyhed").fill("Soderup")
    page.locator("main").get_by_role("button", name="Søg").click()
    page.wait_for_url("**/soeg/?q=Soderup")
    assert "resultat" in page.get_by_role("status").inner_text()
    assert page.locator("main").get_by_role("link", name="Tølløse").is_visible()


@pytest.mark.parametrize("viewport", [DESKTOP, MOBILE], ids=["desktop", "phone"])
def test_the_layout_without_our_scripts_is_accessible(new_context, demo_data, axe_source, viewport):
    """The page as a browser without JavaScript lays it out: our scripts never load."""
    page = new_context(viewport=viewport).new_page()
    page.route("**/*.js", lambda route: route.abort())
    page.goto("/lokalomraader/tollose/")
    assert page.evaluate("document.documentElement.classList.contains('js')") is False
    assert page.locator("nav.nav").get_by_role("link", name="Puljer").is_visible()
    assert_accessible(page, axe_source)


def test_the_header_search_works_without_javascript(new_context, demo_data):
    page = new_context(java_script_enabled=False).new_page()
    page.goto("/")
    page.get_by_role("search").get_by_role("searchbox").fill("Orø")
    page.get_by_role("search").get_by_role("button", name="Søg").click()
    page.wait_for_url("**/soeg/?q=*")
    results = page.locator("main .area-links")
    assert results.get_by_role("link", name="Orø hovedby Bybjerg").is_visible()


def test_the_language_can_be_switched_without_javascript(new_context, demo_data):
    page = new_context(java_script_enabled=False).new_page()
    page.goto("/lokalomraader/")
    switch = page.get_by_role("navigation", name="Sprog (Language)")
    assert switch.get_by_role("link", name="Dansk").get_attribute("aria-current") == "true"
    switch.get_by_role("link", name="English").click()
    page.wait_for_url("**/lokalomraader/")
    assert page.locator("html").get_attribute("lang") == "en"
    switch = page.get_by_role("navigation", name="Language (Sprog)")
    assert switch.get_by_role("link", name="English").get_attribute("aria-current") == "true"
