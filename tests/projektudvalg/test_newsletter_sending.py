"""Sending newsletters: in batches, never twice to an address after a crash, failed rows,
the RFC 8058 headers on every mail, and the one-click unsubscribe (B1(d) check 5)."""

import re

import pytest
from django.core import mail as outbox
from django.test import Client

from lokalfora.models import Subscription
from projektudvalg import newsletter_delivery
from projektudvalg.models import (
    MunicipalNews,
    NewsletterOptOut,
    NewsletterSettings,
    NewsletterStatus,
    OptOutRole,
    RecipientStatus,
)
from projektudvalg.selectors.newsletters import recipients
from projektudvalg.services.newsletter_sending import newsletter_log_purge, newsletters_send_batch
from projektudvalg.services.newsletters import newsletter_cancel, newsletter_test_send
from tests.projektudvalg.newsletter_helpers import (
    contact,
    draft,
    follower,
    mails_to,
    published_item,
    queue,
    three_areas,
    topic,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def areas(reference_data):
    return three_areas()


def _queued(areas, count=5, **segment):
    for number in range(count):
        follower(f"f{number}@example.org", areas[0])
    newsletter = draft(areas=areas[:1], **segment)
    queue(newsletter, len(recipients(newsletter)))
    return newsletter


def _statuses(newsletter):
    return sorted(newsletter.recipients.values_list("status", flat=True))


def _header_url(message):
    return re.fullmatch(r"<(.+)>", message.extra_headers["List-Unsubscribe"]).group(1)


def test_it_sends_in_batches_and_the_newsletter_ends_sent(areas, clock):
    clock.set("2026-12-10 09:00")
    newsletter = _queued(areas)
    assert newsletters_send_batch(batch_size=2, batches=1)["sent"] == 2
    assert len(outbox.outbox) == 2
    newsletter.refresh_from_db()
    assert newsletter.status == NewsletterStatus.QUEUED
    newsletters_send_batch(batch_size=2, batches=1)
    result = newsletters_send_batch(batch_size=2, batches=1)
    assert result["sent"] == 1
    assert result["finished"] == 1
    newsletter.refresh_from_db()
    assert newsletter.status == NewsletterStatus.SENT
    assert newsletter.finished_at is not None
    assert _statuses(newsletter) == [RecipientStatus.SENT] * 5
    assert sorted(m.to[0] for m in outbox.outbox) == [f"f{n}@example.org" for n in range(5)]
    assert newsletters_send_batch(batch_size=2, batches=1)["sent"] == 0


def test_every_mail_has_the_one_click_headers(areas):
    contact("kontakt@example.org", areas[0])
    _queued(areas, to_contacts=True)
    newsletters_send_batch()
    assert len(outbox.outbox) == 6
    for message in outbox.outbox:
        assert message.extra_headers["List-Unsubscribe"].startswith("<http")
        assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
        assert message.extra_headers["Precedence"] == "bulk"
        assert message.extra_headers["List-Id"].startswith("<nyhedsbrev.")
        assert "Afmeld med ét klik" in message.body
        assert message.to[0] not in _header_url(message)  # no address in the link


def test_a_crash_between_claim_and_send_never_sends_those_rows_again(areas, clock, monkeypatch):
    clock.set("2026-12-10 09:00")
    newsletter = _queued(areas)

    def crash(messages):
        raise RuntimeError("the worker died")

    real_deliver_each = newsletter_delivery.deliver_each
    monkeypatch.setattr(newsletter_delivery, "deliver_each", crash)
    with pytest.raises(RuntimeError):
        newsletters_send_batch(batch_size=3, batches=1)
    assert outbox.outbox == []
    assert _statuses(newsletter).count(RecipientStatus.SENDING) == 3
    monkeypatch.setattr(newsletter_delivery, "deliver_each", real_deliver_each)

    newsletters_send_batch(batch_size=10, batches=1)  # the restart: only the two never taken
    assert len(outbox.outbox) == 2
    newsletter.refresh_from_db()
    assert newsletter.status == NewsletterStatus.QUEUED  # three still "sending"
    clock.shift(hours=2)
    result = newsletters_send_batch(batch_size=10, batches=1)
    assert result == {"sent": 0, "failed": 0, "unknown": 3, "finished": 1}
    assert len(outbox.outbox) == 2
    assert _statuses(newsletter) == [RecipientStatus.SENT] * 2 + [RecipientStatus.UNKNOWN] * 3
    newsletter.refresh_from_db()
    assert newsletter.status == NewsletterStatus.SENT


def test_refused_mails_are_failed_and_not_sent_again(areas, monkeypatch):
    newsletter = _queued(areas, count=3)
    refused, sent = newsletter_delivery.REFUSED, newsletter_delivery.SENT
    monkeypatch.setattr(
        newsletter_delivery, "deliver_each", lambda messages: [refused, sent, refused]
    )
    result = newsletters_send_batch()
    assert (result["sent"], result["failed"]) == (1, 2)
    assert _statuses(newsletter) == [RecipientStatus.FAILED] * 2 + [RecipientStatus.SENT]
    monkeypatch.undo()
    newsletters_send_batch()
    assert outbox.outbox == []
    newsletter.refresh_from_db()
    assert newsletter.status == NewsletterStatus.SENT


def test_it_is_enqueued_when_the_rows_are_committed(areas, django_capture_on_commit_callbacks):
    follower("anna@example.org", areas[0])
    newsletter = draft(areas=areas[:1])
    with django_capture_on_commit_callbacks(execute=True):
        queue(newsletter, 1)
    assert [m.to for m in outbox.outbox] == [["anna@example.org"]]  # the immediate backend ran it


def test_the_mail_has_the_items_and_says_why(areas, monkeypatch):
    monkeypatch.setattr(MunicipalNews, "get_absolute_url", lambda item: f"/nyheder/{item.pk}/")
    item = published_item()
    follower("anna@example.org", areas[0])
    newsletter = draft(areas=areas[:1], items=[item], intro="Kære borger.")
    queue(newsletter, 1)
    newsletters_send_batch()
    (message,) = outbox.outbox
    assert message.subject == "Nyt fra kommunen"
    assert "Kære borger." in message.body
    assert "Ny cykelsti" in message.body
    assert f"/nyheder/{item.pk}/" in message.body
    assert f"følger {areas[0].name}" in message.body
    assert f"Stop med at følge {areas[0].name}" in message.body


def test_the_test_send_is_marked_and_makes_no_rows(areas, clock):
    clock.set("2026-12-10 09:00")
    newsletter = draft(areas=areas[:1])
    assert newsletter_test_send(newsletter=newsletter, to="sekr@example.org")
    (message,) = outbox.outbox
    assert message.subject.startswith("[PRØVE]")
    assert message.to == ["sekr@example.org"]
    assert newsletter.recipients.count() == 0
    newsletter.refresh_from_db()
    assert newsletter.last_test_at is not None
    assert newsletter.status == NewsletterStatus.DRAFT


def test_cancelling_keeps_the_log_honest(areas):
    newsletter = _queued(areas, count=4)
    newsletters_send_batch(batch_size=1, batches=1)
    assert newsletter_cancel(newsletter=newsletter) == 3
    newsletters_send_batch()
    assert len(outbox.outbox) == 1
    assert _statuses(newsletter) == [RecipientStatus.CANCELLED] * 3 + [RecipientStatus.SENT]
    newsletter.refresh_from_db()
    assert newsletter.status == NewsletterStatus.CANCELLED


def test_old_logs_lose_their_addresses_and_keep_their_rows(areas, clock):
    clock.set("2026-01-10 09:00")
    newsletter = _queued(areas, count=2)
    newsletters_send_batch()
    NewsletterSettings.objects.update_or_create(pk=1, defaults={"log_months": 6})
    clock.set("2026-07-09 09:00")
    assert newsletter_log_purge() == 0
    clock.set("2026-07-11 09:00")
    assert newsletter_log_purge() == 2
    assert (
        list(newsletter.recipients.values_list("email", "status"))
        == [("", RecipientStatus.SENT)] * 2
    )


# --- One click (B1(d) check 5) ---------------------------------------------------------


def _one_click(url):
    """What a mail program does: a POST without cookies or a CSRF token."""
    return Client(enforce_csrf_checks=True).post(
        url, data="List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded"
    )


def test_a_one_click_post_unsubscribes_from_that_area_only(areas):
    a, b, _c = areas
    follower("anna@example.org", a)
    follower("anna@example.org", b)
    follower("bo@example.org", a)
    newsletter = draft(areas=[a, b])
    queue(newsletter, 2)
    newsletters_send_batch()
    (message,) = mails_to("anna@example.org")
    row = newsletter.recipients.get(email="anna@example.org")
    url = _header_url(message)

    assert Client().get(url).status_code == 200  # a GET (a mail scanner) changes nothing
    assert Subscription.objects.filter(email="anna@example.org").count() == 2

    response = _one_click(url)
    assert response.status_code == 200
    assert "Du er afmeldt" in response.content.decode()
    left = Subscription.objects.filter(email="anna@example.org")
    assert [s.area for s in left] == [b if row.area == a else a]
    assert Subscription.objects.filter(email="bo@example.org").count() == 1
    assert _one_click(url).status_code == 200  # again: nothing more happens
    assert Subscription.objects.filter(email="anna@example.org").count() == 1


def test_a_topic_newsletters_one_click_drops_the_topic_only(areas):
    trafik, politik = topic("trafik"), topic("politik")
    subscription = follower("anna@example.org", areas[0], trafik, politik)
    newsletter = draft(areas=areas[:1], topics=[trafik])
    queue(newsletter, 1)
    newsletters_send_batch()
    assert _one_click(_header_url(outbox.outbox[0])).status_code == 200
    subscription.refresh_from_db()
    assert list(subscription.topics.all()) == [politik]


def test_a_contact_persons_one_click_opts_out_of_that_area(areas):
    a, b, _c = areas
    contact("Kontakt@Example.org", a)
    contact("kontakt@example.org", b)
    newsletter = draft(areas=[a], to_followers=False, to_contacts=True)
    queue(newsletter, 1)
    newsletters_send_batch()
    assert _one_click(_header_url(outbox.outbox[0])).status_code == 200
    assert list(NewsletterOptOut.objects.values_list("email", "area", "role")) == [
        ("kontakt@example.org", a.pk, OptOutRole.CONTACTS)
    ]
    again = draft(areas=[a, b], to_followers=False, to_contacts=True)
    assert [r.reasons[0].pk for r in recipients(again)] == [b.pk]


def test_a_forged_or_changed_token_is_refused_with_a_page(areas, client):
    follower("anna@example.org", areas[0])
    newsletter = draft(areas=areas[:1])
    queue(newsletter, 1)
    newsletters_send_batch()
    url = _header_url(outbox.outbox[0])
    for bad in (url[:-3] + "xyz/", "/nyhedsbreve/afmeld/abc/"):
        path = bad.split("//", 1)[-1].split("/", 1)[-1]
        assert client.get(f"/{path}").status_code == 400
        assert _one_click(f"/{path}").status_code == 400
    assert Subscription.objects.filter(email="anna@example.org").count() == 1
