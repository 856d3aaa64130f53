"""Followers who chose "med det samme" get a mail soon after something new is published
for their area (lokalfora/services/digest_immediate.py, run every quarter of an hour):
what is new since that subscription's last mail, once, and only the kinds it wants."""

import datetime
import smtplib

import pytest
from django.core import mail
from django.core.mail.backends.locmem import EmailBackend
from django.utils import timezone

from lokalfora import digest_sections
from lokalfora.models import Frequency, Subscription
from lokalfora.services.digest_immediate import MARGIN, immediate_digest_send
from lokalfora.tasks import RECURRING, send_immediate_digest
from tests.factories import EventFactory, NewsPostFactory, SubscriptionFactory
from tests.lokalfora.follow_content import TEXTS, municipal_news, one_of_each

pytestmark = pytest.mark.django_db
MINUTES = datetime.timedelta(minutes=1)
IMMEDIATELY = Frequency.IMMEDIATELY


@pytest.fixture(autouse=True)
def _site_url(settings):
    settings.SITE_URL = "http://testserver"


@pytest.fixture
def follower(clock, area):
    clock.set("2026-12-01 08:00")
    return SubscriptionFactory(area=area, email="borger@example.org", frequency=IMMEDIATELY)


def test_a_news_post_reaches_the_immediate_follower_once(clock, area, follower):
    SubscriptionFactory(area=area, email="ugentlig@example.org")  # weekly: not from this task
    clock.set("2026-12-01 09:02")
    NewsPostFactory(forum=area.forum, title="Ny bænk ved søen", age=datetime.timedelta(0))
    sent_at = clock.set("2026-12-01 09:15", tick=False)
    assert send_immediate_digest.enqueue().return_value == 1
    (message,) = mail.outbox
    assert message.to == ["borger@example.org"]
    assert message.subject == "Nyt fra Tølløse"
    assert "Ny bænk ved søen" in message.body
    assert "siden vi sidst skrev" in message.body
    assert "Vælg hvad og hvor ofte" in message.body
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    follower.refresh_from_db()
    assert follower.last_digest_at == sent_at - MARGIN
    clock.set("2026-12-01 09:30")
    assert immediate_digest_send() == 0  # nothing new since
    assert len(mail.outbox) == 1


def test_what_was_there_before_the_confirmation_is_not_sent(clock, area):
    clock.set("2026-12-01 08:00")
    NewsPostFactory(forum=area.forum, title="Gammel nyhed")
    clock.set("2026-12-01 09:00")
    SubscriptionFactory(area=area, email="borger@example.org", frequency=IMMEDIATELY)
    clock.set("2026-12-01 09:15")
    assert immediate_digest_send() == 0


def test_each_kind_the_follower_wants_and_only_those(clock, area, follower):
    Subscription.objects.filter(pk=follower.pk).update(wants_hearings=False)
    clock.set("2026-12-01 10:00")
    one_of_each(area)
    mail.outbox.clear()
    clock.set("2026-12-01 10:15")
    assert immediate_digest_send() == 1
    body = mail.outbox[0].body
    for kind, texts in TEXTS.items():
        for text in texts:
            assert (text in body) is (kind != "wants_hearings"), text
    assert "Fremtidsværksted" not in body  # a coming milestone: the weekly mail's
    assert "Nye arrangementer" in body


def test_each_subscription_gets_what_is_new_since_its_own_last_mail(clock, area, other_area):
    clock.set("2026-12-01 08:00")
    early = SubscriptionFactory(area=area, email="tidlig@example.org", frequency=IMMEDIATELY)
    clock.set("2026-12-01 09:00")
    municipal_news("Ny affaldsordning", whole=True)
    clock.set("2026-12-01 09:05")
    SubscriptionFactory(area=other_area, email="sen@example.org", frequency=IMMEDIATELY)
    clock.set("2026-12-01 09:10")
    EventFactory(forum=other_area.forum, title="Koncert")
    sent_at = clock.set("2026-12-01 09:15", tick=False)
    assert immediate_digest_send() == 2
    by_address = {message.to[0]: message.body for message in mail.outbox}
    assert "Ny affaldsordning" in by_address["tidlig@example.org"]
    assert "Ny affaldsordning" not in by_address["sen@example.org"]  # before it was confirmed
    assert "Koncert" in by_address["sen@example.org"]
    early.refresh_from_db()
    assert early.last_digest_at == sent_at - MARGIN


def test_a_failed_send_is_sent_with_the_next_run(clock, area, follower, monkeypatch):
    clock.set("2026-12-01 09:02")
    NewsPostFactory(forum=area.forum, title="Ny bænk ved søen", age=datetime.timedelta(0))
    clock.set("2026-12-01 09:15")
    original = EmailBackend.send_messages

    def refuse(self, messages):
        raise smtplib.SMTPServerDisconnected("gone")

    monkeypatch.setattr(EmailBackend, "send_messages", refuse)
    assert immediate_digest_send() == 0
    follower.refresh_from_db()
    assert follower.last_digest_at is None
    monkeypatch.setattr(EmailBackend, "send_messages", original)
    clock.set("2026-12-01 09:30")
    assert immediate_digest_send() == 1
    assert "Ny bænk ved søen" in mail.outbox[0].body
    assert immediate_digest_send() == 0


def test_the_task_runs_every_quarter_of_an_hour():
    (entry,) = [e for e in RECURRING if e.task is send_immediate_digest]
    now = datetime.datetime(2026, 12, 1, 9, 2, tzinfo=datetime.UTC)
    assert entry.next_run(now) == datetime.datetime(2026, 12, 1, 9, 15, tzinfo=datetime.UTC)


def test_the_run_is_three_queries_and_one_update_per_batch_whatever_the_followers(
    clock, area, other_area, django_assert_max_num_queries
):
    clock.set("2026-12-01 08:00")
    Subscription.objects.bulk_create(
        Subscription(
            area=a, email=f"p{n}@example.org", confirmed_at=timezone.now(), frequency=IMMEDIATELY
        )
        for n in range(150)
        for a in (area, other_area)
    )
    clock.set("2026-12-01 09:00")
    NewsPostFactory(forum=area.forum, title="Ny bænk ved søen", age=datetime.timedelta(0))
    municipal_news("Ny affaldsordning", whole=True)
    clock.set("2026-12-01 09:15")
    with django_assert_max_num_queries(3 + digest_sections.section_queries() + 2):
        assert immediate_digest_send() == 150


def test_a_post_committed_while_a_run_read_goes_with_the_next_run(clock, area, follower):
    """A post whose time is a moment before a run's "now" but committed after the run read
    is not lost: the run reads only up to MARGIN before its "now"."""
    clock.set("2026-12-01 09:14:30")
    NewsPostFactory(forum=area.forum, title="Sent nyhed", age=datetime.timedelta(0))
    clock.set("2026-12-01 09:15", tick=False)
    assert immediate_digest_send() == 0  # too recent for this run
    clock.set("2026-12-01 09:30", tick=False)
    assert immediate_digest_send() == 1
    assert "Sent nyhed" in mail.outbox[0].body
    clock.set("2026-12-01 09:45", tick=False)
    assert immediate_digest_send() == 0
