"""A mail the server refuses is one warning line naming the error's type, never an address.

The text of an SMTPRecipientsRefused (and so its traceback) holds the refused
recipients' addresses; `holbaek.logfilters.log_send_failure` keeps them out of the log.
"""

import ast
import datetime
import logging
import smtplib
from pathlib import Path

import pytest
from django.core.mail.backends.locmem import EmailBackend

from lokalfora.models import EditorInvitation, Subscription
from lokalfora.services import digest, subscriptions
from projektudvalg import mails
from tests.factories import NewsPostFactory, SubscriptionFactory
from tests.faelles_skabere.test_requests import FORM, started

pytestmark = pytest.mark.django_db

REFUSED = "ingen.postkasse@example.org"
ROOT = Path(__file__).parents[2]
APPS = ["holbaek", "lokalfora", "faelles_skabere", "projektudvalg"]
LOG_METHODS = {"debug", "info", "warning", "error", "exception", "critical", "log"}


@pytest.fixture(autouse=True)
def refusing(monkeypatch):
    """The mail server refuses every recipient, naming them as real servers do."""

    def refuse(self, messages):
        raise smtplib.SMTPRecipientsRefused(
            {
                address: (550, f"5.1.1 <{address}>: Recipient address rejected".encode())
                for message in messages
                for address in message.recipients()
            }
        )

    monkeypatch.setattr(EmailBackend, "send_messages", refuse)


def assert_one_line_without_the_address(caplog):
    assert REFUSED not in caplog.text  # the formatted records, tracebacks included
    (record,) = [r for r in caplog.records if "SMTPRecipientsRefused" in r.getMessage()]
    assert record.levelno == logging.WARNING
    assert record.exc_info is None
    for record in caplog.records:
        assert REFUSED not in record.getMessage()
        assert not record.exc_info or REFUSED not in str(record.exc_info[1])


def test_a_refused_follower_confirmation(caplog, area):
    with pytest.raises(subscriptions.SendFailed):
        subscriptions.subscription_create(area=area, email=REFUSED)
    assert_one_line_without_the_address(caplog)


def test_a_refused_sparring_confirmation(caplog, client, reference_data):
    response = client.post("/sparring/", FORM | {"started": started(), "email": REFUSED})
    assert response.status_code == 503
    assert_one_line_without_the_address(caplog)


def test_a_refused_application_mail(caplog):
    assert mails._send(subject="Ansøgning", body=lambda: "Tekst", to=[REFUSED]) is False
    assert_one_line_without_the_address(caplog)


def _leaks(handler: ast.ExceptHandler) -> list[int]:
    """Lines in the handler that log the exception itself (its text or its traceback)."""
    found = []
    for node in ast.walk(ast.Module(body=handler.body, type_ignores=[])):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
            continue
        if node.func.attr not in LOG_METHODS:
            continue
        names = {arg.id for arg in node.args if isinstance(arg, ast.Name)}
        if (
            node.func.attr == "exception"
            or any(keyword.arg == "exc_info" for keyword in node.keywords)
            or (handler.name and handler.name in names)
        ):
            found.append(node.lineno)
    return found


def test_no_app_logs_a_mail_error_with_its_text_or_traceback():
    leaks = []
    for app in APPS:
        for path in (ROOT / app).rglob("*.py"):
            if "migrations" in path.parts:
                continue
            for node in ast.walk(ast.parse(path.read_text())):
                caught = isinstance(node, ast.ExceptHandler) and node.type is not None
                if caught and "SMTP" in ast.unparse(node.type):
                    leaks += [f"{path.relative_to(ROOT)}:{line}" for line in _leaks(node)]
    assert not leaks, leaks


def test_one_refused_follower_never_stops_the_weekly_digest(caplog, monkeypatch, area):
    """Each follower's digest is sent on its own: the refused one is logged without its
    address and left for the next run; the others are sent and marked."""
    delivered = []

    def refuse_one(self, messages):
        for message in messages:
            if REFUSED in message.to:
                raise smtplib.SMTPRecipientsRefused({REFUSED: (550, b"5.1.1 no such user")})
            delivered.append(message.to)
        return len(messages)

    monkeypatch.setattr(EmailBackend, "send_messages", refuse_one)
    refused = SubscriptionFactory(area=area, email=REFUSED)
    others = [SubscriptionFactory(area=area, email=f"p{n}@example.org") for n in range(3)]
    NewsPostFactory(forum=area.forum, title="Ny bænk ved søen", age=datetime.timedelta(days=1))

    assert digest.weekly_digest_send() == 3
    assert sorted(delivered) == [[f"p{n}@example.org"] for n in range(3)]
    refused.refresh_from_db()
    assert refused.last_digest_at is None  # sent again next run
    assert all(Subscription.objects.get(pk=other.pk).last_digest_at for other in others)
    assert_one_line_without_the_address(caplog)


def test_a_refused_invitation_is_explained_on_the_form_and_not_kept(client_as, area):
    editor = client_as("editor_this")
    response = editor.post("/lokalomraader/tollose/redaktoerer/", {"email": REFUSED})
    assert response.status_code == 200
    assert "Invitationen kunne ikke sendes" in response.text
    assert f'value="{REFUSED}"' in response.text  # what was typed is kept
    assert not EditorInvitation.objects.exists()
