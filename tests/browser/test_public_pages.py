"""Every public page passes axe-core's WCAG 2.1 A/AA rules and our structure checks."""

import pytest

from tests.browser.checks import MOBILE, assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PUBLIC_PAGES = [
    ("/", 200),
    ("/om-dialogmodellen/", 200),
    ("/tilgaengelighedserklaering/", 200),
    ("/lokalomraader/", 200),
    ("/lokalomraader/tollose/", 200),
    ("/lokalomraader/holbaek-by/", 200),
    ("/nyheder/", 200),
    ("/nyheder/?side=2", 200),
    ("/soeg/", 200),
    ("/soeg/?q=Soderup", 200),
    ("/soeg/?q=" + "x" * 101, 200),
    ("/faelles-skabere/", 200),
    ("/puljer/", 200),
    ("/puljer/rum-til-faellesskab/", 200),
    ("/puljer/landsbyfornyelse/", 200),
    ("/saerlige-indsatser/", 200),
    ("/udvalget/", 200),
    ("/udvalget/moeder/", 200),
    ("/udvalget/beslutninger/", 200),
    ("/udvalget/beslutninger/?aar=abc", 200),
    ("/lokalomraader/tollose/beslutninger/", 200),
    ("/findes-ikke/", 404),
    ("/konto/login/", 200),
    ("/konto/signup/", 200),
    ("/konto/password/reset/", 200),
    ("/konto/confirm-email/", 200),
]


@pytest.mark.parametrize(("path", "status"), PUBLIC_PAGES, ids=[path for path, _ in PUBLIC_PAGES])
def test_public_page_is_accessible(page, demo_data, axe_source, path, status):
    response = page.goto(path)
    assert response.status == status
    assert_accessible(page, axe_source)


@pytest.mark.parametrize("path", ["/", "/lokalomraader/tollose/", "/soeg/?q=Soderup"])
def test_page_is_accessible_on_a_phone(new_context, demo_data, axe_source, path):
    page = new_context(viewport=MOBILE).new_page()
    page.goto(path)
    assert_accessible(page, axe_source)


def test_the_mobile_menu_opens_and_is_accessible(new_context, demo_data, axe_source):
    page = new_context(viewport=MOBILE).new_page()
    page.goto("/lokalomraader/tollose/")
    page.get_by_role("button", name="Menu").click()
    drawer = page.locator(".mobile-drawer")
    assert drawer.is_visible()
    link = drawer.get_by_role("link", name="Lokalområder")
    assert link.is_visible()
    assert link.get_attribute("aria-current") == "true"
    assert_accessible(page, axe_source)
    page.keyboard.press("Escape")
    assert not drawer.is_visible()


def test_search_results_are_announced(page, demo_data, axe_source):
    page.goto("/soeg/?q=Soderup")
    status = page.get_by_role("status").filter(has_text="resultat")
    assert "Soderup" in status.inner_text()
    assert page.get_by_role("link", name="Tølløse").first.is_visible()


def test_a_too_long_search_shows_the_error_summary(page, demo_data, axe_source):
    page.goto("/soeg/?q=" + "x" * 101)
    summary = page.locator("[data-module='error-summary']")
    assert "højst 100 tegn" in summary.inner_text()
    field = page.locator("#id_q")
    assert field.get_attribute("aria-invalid") == "true"
    assert "id_q_error" in field.get_attribute("aria-describedby")
    summary.get_by_role("link").first.click()
    assert page.evaluate("document.activeElement.id") == "id_q"


def test_a_news_post_is_accessible(page, demo_data, axe_source):
    from lokalfora.models import NewsPost

    post = NewsPost.objects.published().select_related("forum__area").first()
    page.goto(post.get_absolute_url())
    assert page.get_by_role("heading", level=1).inner_text() == post.title
    assert page.locator("main h2").count() >= 1  # the demo's Markdown subheading
    assert_accessible(page, axe_source)


def test_the_grant_pages_are_accessible(page, demo_data, axe_source):
    from django.utils import timezone

    year = timezone.localdate().year
    page.goto("/tilskud/")
    assert_accessible(page, axe_source)
    page.get_by_role("link", name=f"Tilskud {year}").click()
    page.wait_for_load_state()
    assert page.locator("figure.bar-chart svg[role=img]").count() == 1
    assert "illustrative" in page.locator("main").inner_text()
    assert_accessible(page, axe_source)
