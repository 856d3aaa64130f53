"""Reads of a forum's contact persons, shown as far as the viewer may see them."""

import datetime
from dataclasses import dataclass

from django.db.models import Q
from django.utils import timezone

from lokalfora.models import ContactPerson
from lokalfora.permissions import can_see_private_contact_details


@dataclass(frozen=True)
class VisibleContact:
    """The parts of a contact person the viewer may see."""

    role: str
    name: str | None
    email: str | None
    phone: str | None
    hidden: frozenset[str]  # fields that have a value the viewer may not see
    is_restricted: bool  # staff see something that is not public


def _consented(since, today) -> bool:
    return since is not None and since <= today


def visible_contacts(forum, user) -> list[VisibleContact]:
    """Active contacts, each field shown only with consent unless the viewer is staff.

    For staff, `is_restricted` says that something they see is not public.
    """
    privileged = can_see_private_contact_details(user)
    today = timezone.localdate()
    contacts = []
    for contact in ContactPerson.objects.active().filter(forum=forum):
        consented = {
            "name": _consented(contact.name_public_since, today),
            "email": _consented(contact.email_public_since, today),
            "phone": _consented(contact.phone_public_since, today),
        }
        values = {field: getattr(contact, field) or None for field in consented}
        shown = {
            field: value if (privileged or consented[field]) else None
            for field, value in values.items()
        }
        not_public = frozenset(
            field for field, value in values.items() if value and not consented[field]
        )
        contacts.append(
            VisibleContact(
                role=contact.role,
                hidden=frozenset() if privileged else not_public,
                is_restricted=privileged and bool(not_public),
                **shown,
            )
        )
    return contacts


CONFIRMATION_INTERVAL = datetime.timedelta(days=365)


def stale_contacts():
    """Active contacts not confirmed for more than 12 months (or never)."""
    limit = timezone.localdate() - CONFIRMATION_INTERVAL
    return ContactPerson.objects.active().filter(
        Q(last_confirmed__isnull=True) | Q(last_confirmed__lt=limit)
    )


def forum_contacts(forum):
    """All of a forum's contact persons, active or not, for its editors."""
    return list(ContactPerson.objects.filter(forum=forum))
