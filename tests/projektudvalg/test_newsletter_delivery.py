"""The newsletters' sending survives a mail server that is down or refuses for a while,
and the one-click unsubscribe serves mail providers posting from shared addresses
(projektudvalg/services/newsletter_sending.py, views/newsletter_unsubscribe.py)."""

import re
import smtplib

import pytest
from django.core import mail as outbox
from django.test import Client

from holbaek import mail
from lokalfora.models import Subscription
from projektudvalg import newsletter_mails, newsletter_tokens
from projektudvalg.models import NewsletterStatus, RecipientStatus
from projektudvalg.selectors.newsletters import recipients
from projektudvalg.services import newsletters as newsletter_services
from projektudvalg.services.newsletter_sending import newsletters_send_batch
from tests.projektudvalg.newsletter_helpers import draft, follower, queue, three_areas

pytestmark = pytest.mark.django_db
PROVIDER_IP = "209.85.220.41"  # one mail provider's address, shared by all its users


@pytest.fixture
def areas(reference_data):
    return three_areas()


def _queued(areas, count=3):
    for number in range(count):
        follower(f"f{number}@example.org", areas[0])
    newsletter = draft(areas=areas[:1])
    queue(newsletter, len(recipients(newsletter)))
    return newsletter


def _header_url(message):
    return re.fullmatch(r"<(.+)>", message.extra_headers["List-Unsubscribe"]).group(1)


def _one_click(url, ip=PROVIDER_IP):
    return Client(enforce_csrf_checks=True).post(
        url,
        data="List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
        REMOTE_ADDR=ip,
    )


def test_many_one_clicks_from_one_providers_address_all_unsubscribe(areas):
    _queued(areas, count=61)
    newsletters_send_batch()
    codes = [_one_click(_header_url(message)).status_code for message in outbox.outbox]
    assert codes == [200] * 61
    assert not Subscription.objects.exists()


def test_one_link_clicked_over_and_over_is_limited_by_the_link(areas):
    _queued(areas, count=1)
    newsletters_send_batch()
    url = _header_url(outbox.outbox[0])
    codes = [_one_click(url).status_code for _ in range(12)]
    assert codes == [200] * 10 + [429] * 2


def test_invalid_links_are_limited_by_the_clients_address(areas):
    codes = [_one_click("/nyhedsbreve/afmeld/forfalsket/").status_code for _ in range(62)]
    assert codes == [400] * 60 + [429] * 2


def test_a_repeat_click_with_the_current_key_compares_no_address(areas, monkeypatch):
    _queued(areas, count=1)
    newsletters_send_batch()
    url = _header_url(outbox.outbox[0])
    assert _one_click(url).status_code == 200
    for number in range(20):
        follower(f"x{number}@example.org", areas[0])
    compared = []
    real = newsletter_tokens.matches
    monkeypatch.setattr(
        newsletter_services.tokens, "matches", lambda e, h: compared.append(e) or real(e, h)
    )
    assert _one_click(url).status_code == 200
    assert compared == []
    assert Subscription.objects.count() == 20


def test_a_link_made_before_a_key_rotation_still_unsubscribes(areas, settings):
    _queued(areas, count=1)
    newsletters_send_batch()
    url = _header_url(outbox.outbox[0])
    settings.SECRET_KEY_FALLBACKS = [settings.SECRET_KEY]
    settings.SECRET_KEY = "a-new-key-" + "x" * 50
    # The stored hash is of the old key (a real rotation would rehash on the next save).
    assert _one_click(url).status_code == 200
    assert not Subscription.objects.filter(email="f0@example.org").exists()


class _Down:
    """A mail server that cannot be reached."""

    def __enter__(self):
        raise ConnectionRefusedError("the mail server is down")

    def __exit__(self, *args):
        return False


class _Answers:
    """A mail server answering each message in turn: True (taken) or an exception."""

    def __init__(self, answers):
        self.answers = list(answers)
        self.taken = []

    def __enter__(self):
        return self

    def __exit__(self, *args):
        return False

    def send_messages(self, messages):
        answer = self.answers.pop(0)
        if isinstance(answer, Exception):
            raise answer
        self.taken.extend(messages)
        return 1


def _server(monkeypatch, server):
    monkeypatch.setattr(mail, "mailers", type("Mailers", (), {"default": server})())


def _by_status(newsletter):
    return dict(newsletter.recipients.values_list("email", "status"))


def test_a_server_down_leaves_the_rows_waiting_for_the_next_run(areas, clock, monkeypatch):
    clock.set("2026-12-10 09:00")
    newsletter = _queued(areas)
    _server(monkeypatch, _Down())
    assert newsletters_send_batch()["sent"] == 0
    assert set(_by_status(newsletter).values()) == {RecipientStatus.PENDING}
    monkeypatch.undo()
    clock.shift(hours=2)
    assert newsletters_send_batch()["sent"] == 3
    assert len(outbox.outbox) == 3


def test_mails_that_cannot_be_built_leave_the_rows_waiting(areas, monkeypatch):
    newsletter = _queued(areas)

    def broken(*args, **kwargs):
        raise ValueError("a template error")

    monkeypatch.setattr(newsletter_mails, "edition", broken)
    with pytest.raises(ValueError, match="a template error"):
        newsletters_send_batch()
    assert set(_by_status(newsletter).values()) == {RecipientStatus.PENDING}
    monkeypatch.undo()
    assert newsletters_send_batch()["sent"] == 3


def test_each_answer_of_the_server_decides_what_is_sent_again(areas, clock, monkeypatch):
    clock.set("2026-12-10 09:00")
    newsletter = _queued(areas, count=5)
    server = _Answers(
        [
            True,
            smtplib.SMTPRecipientsRefused({"f1@example.org": (550, b"no such user")}),
            smtplib.SMTPDataError(451, b"try again later"),
            smtplib.SMTPServerDisconnected("the connection broke"),
        ]
    )
    _server(monkeypatch, server)
    result = newsletters_send_batch()
    assert (result["sent"], result["failed"], result["unknown"]) == (1, 1, 1)
    assert _by_status(newsletter) == {
        "f0@example.org": RecipientStatus.SENT,
        "f1@example.org": RecipientStatus.FAILED,  # refused for good
        "f2@example.org": RecipientStatus.PENDING,  # refused for now: tried again
        "f3@example.org": RecipientStatus.UNKNOWN,  # may have gone
        "f4@example.org": RecipientStatus.PENDING,  # never handed over
    }
    monkeypatch.undo()
    clock.shift(minutes=5)
    assert newsletters_send_batch()["sent"] == 2
    assert sorted(message.to[0] for message in outbox.outbox) == [
        "f2@example.org",
        "f4@example.org",
    ]


def test_a_temporary_refusal_is_retried_for_a_day_only(areas, clock, monkeypatch):
    clock.set("2026-12-10 09:00")
    newsletter = _queued(areas, count=1)
    clock.shift(hours=25)
    _server(monkeypatch, _Answers([smtplib.SMTPDataError(451, b"try again later")]))
    newsletters_send_batch()
    assert _by_status(newsletter) == {"f0@example.org": RecipientStatus.FAILED}


def test_one_run_sends_batch_after_batch_until_nothing_waits(areas):
    newsletter = _queued(areas, count=7)
    result = newsletters_send_batch(batch_size=2)
    assert (result["sent"], result["finished"]) == (7, 1)
    newsletter.refresh_from_db()
    assert newsletter.status == NewsletterStatus.SENT


def test_a_run_stops_when_its_time_is_used(areas):
    _queued(areas, count=5)
    assert newsletters_send_batch(batch_size=2, budget=0)["sent"] == 0
    assert newsletters_send_batch(batch_size=2)["sent"] == 5
