"""Following an area, confirming and unsubscribing, by keyboard and without violations."""

import pytest

from tests.browser.checks import assert_accessible
from tests.factories import SubscriptionFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_following_an_area_from_its_page(page, demo_data, axe_source):
    page.goto("/lokalomraader/tollose/")
    # The area page links to the follow page (the area page holds no form: it is cached).
    page.get_by_role("link", name="Følg området").click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", level=1).inner_text() == "Følg Tølløse"
    assert_accessible(page, axe_source)
    page.locator("main form").get_by_role("button", name="Følg området").click()
    page.wait_for_load_state()
    # No address: the form page shows the error.
    assert page.locator("[data-module='error-summary']").is_visible()
    assert_accessible(page, axe_source)
    field = page.get_by_label("Din e-mailadresse")
    field.fill("borger@example.org")
    field.press("Enter")
    page.wait_for_load_state()
    assert page.get_by_role("heading", level=1).inner_text() == "Tjek din e-mail"
    assert_accessible(page, axe_source)


def test_confirming_and_unsubscribing_pages(page, demo_data, axe_source):
    from lokalfora import follow_tokens
    from lokalfora.models import LocalArea, Subscription

    area = LocalArea.objects.get(slug="tollose")
    subscription = SubscriptionFactory(area=area, email="borger@example.org", unconfirmed=True)
    page.goto(f"/foelg/bekraeft/{follow_tokens.confirm_token(subscription)}/")
    assert_accessible(page, axe_source)
    page.get_by_role("button", name="Ja, jeg vil følge området").click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", level=1).inner_text() == "Tilmeldingen er bekræftet"
    assert_accessible(page, axe_source)

    token = follow_tokens.unsubscribe_token([subscription], everything=False)
    page.goto(f"/foelg/afmeld/{token}/")
    assert_accessible(page, axe_source)
    page.get_by_role("button", name="Ja, afmeld").click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", level=1).inner_text() == "Du er afmeldt"
    assert_accessible(page, axe_source)
    assert not Subscription.objects.filter(email="borger@example.org").exists()

    page.goto("/foelg/afmeld/forkert-link/")
    assert "Linket er ikke gyldigt" in page.locator("main").inner_text()
    assert_accessible(page, axe_source)
