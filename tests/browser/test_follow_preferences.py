"""The follower's preferences page in a real browser: axe with nothing followed yet, with
two areas, after a save with an error, after a save and after stopping one area."""

import pytest

from tests.browser.checks import assert_accessible
from tests.factories import SubscriptionFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_preferences_page_is_accessible_in_every_state(page, demo_data, axe_source):
    from lokalfora import follow_tokens
    from lokalfora.models import LocalArea

    tolloese = LocalArea.objects.get(slug="tollose")
    waiting = SubscriptionFactory(area=tolloese, email="ny@example.org", unconfirmed=True)
    page.goto(f"/foelg/indstillinger/{follow_tokens.manage_token([waiting])}/")
    assert "Adressen følger ingen områder endnu" in page.locator("main").inner_text()
    assert_accessible(page, axe_source)

    first = SubscriptionFactory(area=tolloese, email="borger@example.org")
    SubscriptionFactory(area=LocalArea.objects.get(slug="jyderup"), email="borger@example.org")
    page.goto(f"/foelg/indstillinger/{follow_tokens.manage_token([first])}/")
    assert page.get_by_role("heading", level=1).inner_text() == "Vælg hvad og hvor ofte"
    assert_accessible(page, axe_source)

    section = page.locator("section", has=page.get_by_role("heading", name="Tølløse"))
    for box in section.get_by_role("checkbox").all():
        box.uncheck()
    section.get_by_role("button", name="Gem valg for Tølløse").click()
    page.wait_for_load_state()
    assert page.locator("[data-module='error-summary']").is_visible()
    assert_accessible(page, axe_source)

    section = page.locator("section", has=page.get_by_role("heading", name="Tølløse"))
    section.get_by_label("med det samme").check()
    section.get_by_label("høringer").check()
    section.get_by_role("button", name="Gem valg for Tølløse").click()
    page.wait_for_load_state()
    assert "Dine valg for Tølløse er gemt." in page.locator("main").inner_text()
    assert_accessible(page, axe_source)

    page.get_by_role("button", name="Stop med at følge Jyderup").click()
    page.wait_for_load_state()
    assert "Du følger ikke længere Jyderup." in page.locator("main").inner_text()
    assert_accessible(page, axe_source)
