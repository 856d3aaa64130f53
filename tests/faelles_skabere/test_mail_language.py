"""Item 18a: each sparring mail is in one language, subject and body alike: the requester's
mails in the language they wrote the request in, the staff's in Danish."""

import pytest
from django.conf import settings
from django.core import mail
from django.utils import translation

from faelles_skabere.models import SparringRequest
from tests.faelles_skabere.test_requests import confirmed_request, handler  # noqa: F401

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _back_to_danish():
    yield
    # The language middleware activates the cookie's language and leaves it on the thread.
    translation.activate(settings.LANGUAGE_CODE)


def in_english(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


@pytest.mark.usefixtures("handler")
def test_an_english_requesters_mails_are_english_and_the_staffs_danish(
    client,
    django_capture_on_commit_callbacks,
):
    staff_session = client.cookies[settings.SESSION_COOKIE_NAME].value
    visitor = client.__class__()
    in_english(visitor)
    with django_capture_on_commit_callbacks(execute=True):
        request = confirmed_request(visitor)
    assert request.language == "en"
    confirm, receipt, notice = mail.outbox
    assert confirm.subject == "Confirm your request for advice"
    assert confirm.body.startswith("Hello")
    assert receipt.subject.startswith("We have received your request")
    assert receipt.body.startswith("Hello Karen Opdigtet")
    assert "Venlig hilsen" not in confirm.body + receipt.body
    # The fælles-skaber's notice is Danish, even though the visitor's request made it.
    assert notice.subject.startswith("Ny anmodning om sparring")
    assert notice.body.startswith("Der er en ny anmodning om sparring til dig")

    # A reply written by staff browsing in English still reaches the requester in English.
    in_english(client)
    client.cookies[settings.SESSION_COOKIE_NAME] = staff_session
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            f"/sparring/indbakke/{request.pk}/besked/", {"kind": "reply", "body": "Lad os mødes."}
        )
    reply = mail.outbox[-1]
    assert reply.subject.startswith("Reply to your request")
    assert reply.body.startswith("Hello Karen Opdigtet")


@pytest.mark.usefixtures("handler")
def test_a_danish_requester_gets_danish_mails_even_if_staff_browse_in_english(
    client,
    django_capture_on_commit_callbacks,
):
    visitor = client.__class__()
    with django_capture_on_commit_callbacks(execute=True):
        request = confirmed_request(visitor)
    assert SparringRequest.objects.get().language == "da"
    in_english(client)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            f"/sparring/indbakke/{request.pk}/besked/", {"kind": "reply", "body": "Lad os mødes."}
        )
    reply = mail.outbox[-1]
    assert reply.subject.startswith("Svar på din anmodning")
    assert "Venlig hilsen" in reply.body
