"""The newsletters' pages in a real browser: axe on the list, the form (with errors), the
recipients, the send log and the unsubscribe page."""

import pytest

from tests.browser.checks import assert_accessible
from tests.browser.test_forum_editing import staff_page

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
STAFF = "sekretariat@example.org"


def _check(page, axe_source, path):
    response = page.goto(path)
    assert response.status == 200, path
    assert response.request.redirected_from is None, page.url
    assert_accessible(page, axe_source)


def test_the_newsletter_pages_are_accessible(new_context, live_server, demo_data, axe_source):
    # Test data for the browser's pages, made before the pages are opened.
    from lokalfora.models import LocalArea
    from projektudvalg.newsletter_mails import unsubscribe_url
    from projektudvalg.newsletter_tokens import AREA
    from projektudvalg.services.newsletter_sending import newsletters_send_batch
    from tests.projektudvalg.newsletter_helpers import draft, follower, queue

    area = LocalArea.objects.get(slug="tollose")
    follower("anna@example.org", area)
    follower("bo@example.org", area)
    preview = draft(areas=[area], subject="Kladde")
    sent = draft(areas=[area], subject="Sendt")
    queue(sent, 2)
    newsletters_send_batch()
    page = staff_page(new_context, live_server, STAFF)
    for path in [
        "/nyhedsbreve/",
        "/nyhedsbreve/ny/",
        f"/nyhedsbreve/{preview.pk}/rediger/",
        f"/nyhedsbreve/{preview.pk}/modtagere/",
        f"/nyhedsbreve/{sent.pk}/",
    ]:
        _check(page, axe_source, path)
    page.goto("/nyhedsbreve/ny/")
    page.get_by_role("button", name="Gem og se modtagerne").click()
    page.wait_for_load_state()
    assert page.locator("[data-module='error-summary']").is_visible()
    assert_accessible(page, axe_source)

    link = unsubscribe_url(email="anna@example.org", kind=AREA, pk=area.pk)
    path = "/" + link.split("//", 1)[1].split("/", 1)[1]
    _check(page, axe_source, path)
    page.get_by_role("button", name="Ja, afmeld").click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", level=1).inner_text() == "Du er afmeldt"
    assert_accessible(page, axe_source)
