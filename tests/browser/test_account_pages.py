"""The allauth pages in the portal's own layout: signed out, in the error state, and signed in."""

import re

import pytest

from holbaek.demo import DEMO_PASSWORD
from tests.browser.checks import assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

CITIZEN = "borger@example.org"


def test_signing_up_with_an_empty_form_shows_the_error_summary(page, demo_data, axe_source):
    page.goto("/konto/signup/")
    page.locator("main form").get_by_role("button", name="Opret konto").click()
    page.wait_for_load_state()

    summary = page.locator("[data-module='error-summary']")
    assert summary.is_visible()
    assert page.evaluate("document.activeElement.dataset.module") == "error-summary"
    email = page.locator("#id_email")
    assert email.get_attribute("aria-invalid") == "true"
    assert "id_email_error" in email.get_attribute("aria-describedby")
    assert page.locator(".form-group.form-error").count() >= 2
    assert_accessible(page, axe_source)


def test_signing_in_with_the_form_leads_to_the_account_page(page, demo_data, axe_source):
    page.goto("/konto/login/")
    page.get_by_label("E-mail").fill(CITIZEN)
    page.get_by_label("Adgangskode").fill(DEMO_PASSWORD)
    page.locator("main form.allauth-form").get_by_role("button", name="Log ind").click()
    page.wait_for_url("**/konto/")
    assert page.get_by_role("heading", level=1).inner_text() == "Min konto"
    assert_accessible(page, axe_source)


@pytest.mark.parametrize("path", ["/konto/2fa/totp/activate/", "/konto/2fa/webauthn/add/"])
def test_two_factor_setup_pages_are_accessible(new_context, login_as, demo_data, axe_source, path):
    """Setting up a second factor asks for the password again first; both pages are checked."""
    context = new_context()
    login_as(context, CITIZEN)
    page = context.new_page()
    page.goto(path)
    assert "/konto/reauthenticate/" in page.url
    assert_accessible(page, axe_source)

    page.get_by_label("Adgangskode").fill(DEMO_PASSWORD)
    page.locator("main form.allauth-form").get_by_role("button", name="Bekræft").click()
    page.wait_for_url(f"**{path}")
    assert_accessible(page, axe_source)


def test_a_wrong_password_is_reported_accessibly(page, demo_data, axe_source):
    page.goto("/konto/login/")
    page.get_by_label("E-mail").fill(CITIZEN)
    page.get_by_label("Adgangskode").fill("forkert-adgangskode")
    page.locator("main form.allauth-form").get_by_role("button", name="Log ind").click()
    page.wait_for_load_state()
    assert page.locator("[data-module='error-summary']").is_visible()
    assert_accessible(page, axe_source)


@pytest.mark.parametrize(
    "path", ["/konto/", "/konto/2fa/", "/konto/email/", "/konto/password/change/", "/konto/logout/"]
)
def test_signed_in_page_is_accessible(new_context, login_as, demo_data, axe_source, path):
    context = new_context()
    login_as(context, CITIZEN)
    page = context.new_page()
    response = page.goto(path)
    assert response.status == 200
    assert response.url.endswith(path)
    assert_accessible(page, axe_source)


def test_signing_out_works_from_the_header(new_context, login_as, demo_data):
    context = new_context()
    login_as(context, CITIZEN)
    page = context.new_page()
    page.goto("/konto/")
    page.locator(".portal-user").get_by_role("button", name="Log ud").click()
    page.wait_for_url(re.compile(r"/$"))
    assert page.locator(".portal-user").get_by_role("link", name="Log ind").is_visible()
