"""The role matrix of a sparring request's status, transfer and file pages in the inbox."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from faelles_skabere import sparring_tokens as tokens
from faelles_skabere.models import Attachment, Message, MessageKind, SparringRequest, Status
from faelles_skabere.services.sparring_requests import sparring_request_confirm
from tests.matrix import ROLE_NAMES, assert_access

pytestmark = pytest.mark.django_db

# faelles_skabere.permissions: municipal staff read requests (can_see_requests); the
# fælles-skabere (the process consultant is one by Group) and administrators handle them
# (can_handle_requests). Committee staff read but do not handle.
READERS = {"co_creator", "process_consultant", "committee_staff", "staff_admin", "admin"}
HANDLERS = {"co_creator", "process_consultant", "staff_admin", "admin"}


@pytest.fixture
def sparring(reference_data, tollose_co_creator):
    """A confirmed request for Tølløse: it goes to Tølløse's fælles-skaber."""
    request = SparringRequest.objects.create(
        name="Karen", email="karen@example.org", requester_kind="citizen",
        area=tollose_co_creator.assignments.first().area, topic="event",
        description="Hjælp til et møde", preferred_contact="email",
    )  # fmt: skip
    return sparring_request_confirm(token=tokens.make(request, tokens.CONFIRM_SALT))


@pytest.fixture
def attachment(sparring):
    message = Message.objects.create(
        request=sparring, kind=MessageKind.REQUESTER, body="Her er planen"
    )
    return Attachment.objects.create(
        message=message, file=SimpleUploadedFile("plan.pdf", b"%PDF-1.7 plan"), name="plan.pdf",
        extension="pdf", content_type="application/pdf", size=13,
    )  # fmt: skip


@pytest.mark.parametrize("role", ROLE_NAMES)
def test_inbox_status(client_as, sparring, role):
    assert sparring.status == Status.NEW
    response = client_as(role).post(
        f"/sparring/indbakke/{sparring.pk}/status/", {"status": "in_dialogue"}
    )
    assert_access(response, role, HANDLERS, ok=302)
    sparring.refresh_from_db()
    assert (sparring.status == Status.IN_DIALOGUE) is (role in HANDLERS)


@pytest.mark.parametrize("role", ROLE_NAMES)
def test_inbox_transfer(client_as, sparring, tollose_co_creator, jyderup_co_creator, role):
    assert sparring.assigned_to == tollose_co_creator
    response = client_as(role).post(
        f"/sparring/indbakke/{sparring.pk}/overdrag/",
        {"to": jyderup_co_creator.pk, "reason": "Jyderup kender skolen"},
    )
    assert_access(response, role, HANDLERS, ok=302)
    sparring.refresh_from_db()
    expected = jyderup_co_creator if role in HANDLERS else tollose_co_creator
    assert sparring.assigned_to == expected


@pytest.mark.parametrize("role", ROLE_NAMES)
def test_inbox_attachment(client_as, sparring, attachment, role):
    response = client_as(role).get(f"/sparring/indbakke/{sparring.pk}/filer/{attachment.pk}/")
    assert_access(response, role, READERS)
    if role in READERS:
        assert b"".join(response.streaming_content) == b"%PDF-1.7 plan"
