"""The role matrix of a forum's contact, event and editor pages: each role reads and writes."""

import datetime
import zoneinfo

import pytest
from django.utils import timezone

from lokalfora.models import ContactPerson, Event, EventKind, ForumEditor
from lokalfora.services.forums import forum_editor_add
from tests.factories import make_user
from tests.matrix import ROLE_NAMES, assert_access

pytestmark = pytest.mark.django_db
CPH = zoneinfo.ZoneInfo("Europe/Copenhagen")

# lokalfora.permissions.can_edit_forum: the forum's own editors and administrators.
EDITORS = {"editor_this", "staff_admin", "admin"}
# can_remove_editor: municipal staff (fælles-skabere, committee staff, administrators).
STAFF = {"co_creator", "process_consultant", "committee_staff", "staff_admin", "admin"}

CONTACT = {
    "name": "Karen Opdigtet",
    "role": "Formand",
    "email": "karen@example.org",
    "phone": "12 34 56 78",
    "is_active": "on",
    "public_fields": ["name"],
}


@pytest.fixture
def contacts(area):
    """Two active contacts, so that either may go (the last active one never may)."""
    return [
        ContactPerson.objects.create(
            forum=area.forum, name=name, role="Formand", email=f"{name.lower()}@example.org"
        )
        for name in ("Karen", "Ole")
    ]


def _stamp(moment):
    return timezone.localtime(moment, CPH).strftime("%Y-%m-%dT%H:%M")


@pytest.fixture
def event(area):
    day = timezone.localdate() + datetime.timedelta(days=10)
    start = datetime.datetime.combine(day, datetime.time(19), tzinfo=CPH)
    return Event.objects.create(
        forum=area.forum, title="Debatmøde", kind=EventKind.DEBATE, starts_at=start,
        ends_at=start + datetime.timedelta(hours=2), place="Forsamlingshuset",
    )  # fmt: skip


@pytest.mark.parametrize("role", ROLE_NAMES)
def test_contact_edit(client_as, contacts, role):
    client = client_as(role)
    contact = contacts[0]
    url = f"/lokalomraader/tollose/kontaktpersoner/{contact.pk}/"
    assert_access(client.get(url), role, EDITORS)
    response = client.post(url, {**CONTACT, "name": "Karen Ændret"})
    assert_access(response, role, EDITORS, ok=302)
    contact.refresh_from_db()
    assert (contact.name == "Karen Ændret") is (role in EDITORS)


@pytest.mark.parametrize("role", ROLE_NAMES)
def test_contact_remove(client_as, contacts, role):
    client = client_as(role)
    contact = contacts[0]
    url = f"/lokalomraader/tollose/kontaktpersoner/{contact.pk}/fjern/"
    assert_access(client.get(url), role, EDITORS)
    assert ContactPerson.objects.filter(pk=contact.pk).exists()
    assert_access(client.post(url), role, EDITORS, ok=302)
    assert ContactPerson.objects.filter(pk=contact.pk).exists() is (role not in EDITORS)


@pytest.mark.parametrize("role", ROLE_NAMES)
def test_event_edit(client_as, event, role):
    client = client_as(role)
    url = f"/lokalomraader/tollose/arrangementer/{event.pk}/"
    assert_access(client.get(url), role, EDITORS)
    response = client.post(url, {
        "title": "Debatmøde om stier", "kind": "debate", "starts_at": _stamp(event.starts_at),
        "ends_at": _stamp(event.ends_at), "place": "Forsamlingshuset", "address": "",
        "description": "", "organiser": "", "signup_url": "",
    })  # fmt: skip
    assert_access(response, role, EDITORS, ok=302)
    event.refresh_from_db()
    assert (event.title == "Debatmøde om stier") is (role in EDITORS)


@pytest.mark.parametrize("role", ROLE_NAMES)
def test_editor_remove(client_as, area, role):
    """Removing a colleague: staff may; an editor may only leave (test_invitations.py)."""
    colleague = make_user("kollega@example.org")
    forum_editor_add(forum=area.forum, user=colleague)
    client = client_as(role)
    response = client.post(f"/lokalomraader/tollose/redaktoerer/{colleague.pk}/fjern/")
    assert_access(response, role, STAFF, ok=302)
    still_editor = ForumEditor.objects.filter(forum=area.forum, user=colleague).exists()
    assert still_editor is (role not in STAFF)
