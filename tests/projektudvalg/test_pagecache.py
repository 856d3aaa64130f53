"""The committee's writes that change a public page show there at once for an anonymous
visitor, though the page was served from the page cache (holbaek/pagecache/) before."""

import datetime
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from projektudvalg import services

pytestmark = pytest.mark.django_db

POOL = "/puljer/rum-til-faellesskab/"
PAGES = ["/puljer/bevillinger/", POOL, "/lokalomraader/tollose/"]


def fill(client, urls):
    for url in urls:
        client.get(url)


def test_a_grant_and_its_payout_show_at_once_where_granted_projects_are_listed(
    client, in_review, staff
):
    fill(client, PAGES)
    title = in_review.title
    assert all(title not in client.get(url).text for url in PAGES)
    services.decision_record(
        application=in_review, user=staff, outcome="granted", amount=Decimal(60000)
    )
    for url in PAGES:
        page = client.get(url).text
        assert title in page, url
        assert "60.000" in page, url
    services.payout_record(
        application=in_review,
        user=staff,
        paid_on=timezone.localdate(),
        amount=Decimal(30000),
        nemkonto_reference="NK-1",
    )
    assert title in client.get("/puljer/bevillinger/").text


def test_a_new_round_and_its_change_show_on_the_pool_pages(client, rtf):
    fill(client, ["/puljer/", POOL])
    opens = timezone.now() - datetime.timedelta(days=1)
    round_ = services.round_create(
        pool=rtf,
        name="Efterårsrunden",
        opens_at=opens,
        deadline=opens + datetime.timedelta(days=30),
        budget=Decimal(100000),
    )
    assert "Efterårsrunden" in client.get(POOL).text
    services.round_update(
        round_=round_,
        pool=rtf,
        name="Vinterrunden",
        opens_at=opens,
        deadline=opens + datetime.timedelta(days=30),
        budget=Decimal(100000),
        report_months=12,
    )
    assert "Vinterrunden" in client.get(POOL).text


def test_saving_a_draft_evicts_no_public_page(client, draft):
    """Drafts are saved as they are typed and no public page shows them."""
    fill(client, PAGES)
    services.application_save_draft(application=draft, values={"title": "Et nyt udkast"}, lines=[])
    for url in PAGES:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        assert len(queries) == 0, url  # still the stored page


def test_a_lapsed_grant_leaves_the_public_pages_at_once(client, in_review, staff):
    """A status moved by update() (projektudvalg/workflow.py), with no save to signal it."""
    services.decision_record(
        application=in_review, user=staff, outcome="granted", amount=Decimal(60000)
    )
    fill(client, PAGES)
    assert all(in_review.title in client.get(url).text for url in PAGES)
    services.application_lapse(application=in_review, user=staff, reason="Ikke brugt.")
    for url in PAGES:
        assert in_review.title not in client.get(url).text, url
