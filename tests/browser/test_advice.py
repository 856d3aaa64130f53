"""The fælles-skaber's account page and list of applications waiting for advice, under axe."""

import pytest

from tests.browser.checks import assert_accessible
from tests.browser.test_forum_editing import staff_page

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_advice_list_is_accessible(new_context, live_server, demo_data, axe_source):
    from lokalfora.models import LocalArea
    from projektudvalg.models import Application

    # The demo's application under review comes from Tølløse, which the demo fælles-skaber follows.
    tollose = LocalArea.objects.get(slug="tollose")
    Application.objects.filter(status="in_review").update(area=tollose)
    page = staff_page(new_context, live_server, "faelles-skaber@example.org")
    page.goto("/konto/")
    assert_accessible(page, axe_source)
    with page.expect_navigation():
        page.get_by_role("link", name="venter på din rådgivende bemærkning").click()
    assert_accessible(page, axe_source)
    assert "Ansøgninger, der venter på din rådgivning" in page.locator("h1").inner_text()
    assert page.locator("main tbody tr").count() >= 1
