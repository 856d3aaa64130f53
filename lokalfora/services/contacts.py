"""Writes and rules for a forum's contact persons: at least one stays active."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from holbaek.pagecache import content_changed
from lokalfora.models import ContactPerson, Forum

LAST_CONTACT_MESSAGE = _(
    "Et lokalforum skal altid have mindst én aktiv kontaktperson, som kommunen kan "
    "kontakte. Tilføj en ny kontaktperson, før du fjerner den sidste."
)
CONSENT_FIELDS = {
    "name": "name_public_since",
    "email": "email_public_since",
    "phone": "phone_public_since",
}


def _lock_forum(forum) -> Forum:
    """Locks the forum's row, so concurrent changes to its contacts wait their turn."""
    return Forum.objects.select_for_update().get(pk=forum.pk)


def _apply_consents(contact: ContactPerson, public_fields: set[str]) -> None:
    """Consent is recorded as the date it was given; withdrawing it clears the date."""
    today = timezone.localdate()
    for field, date_field in CONSENT_FIELDS.items():
        if field in public_fields:
            if getattr(contact, date_field) is None:
                setattr(contact, date_field, today)
        else:
            setattr(contact, date_field, None)


@transaction.atomic
def contact_create(*, forum: Forum, data: dict, public_fields: set[str]) -> ContactPerson:
    _lock_forum(forum)
    contact = ContactPerson(forum=forum, **data)
    contact.last_confirmed = timezone.localdate()
    _apply_consents(contact, public_fields)
    contact.full_clean()
    contact.save()
    return contact


@transaction.atomic
def contact_update(*, contact: ContactPerson, data: dict, public_fields: set[str]) -> ContactPerson:
    _lock_forum(contact.forum)
    # Read the stored state under the lock: the instance may come from a form
    # that has already applied the new values to it.
    was_active = ContactPerson.objects.filter(pk=contact.pk, is_active=True).exists()
    if was_active and data.get("is_active", True) is False:
        _refuse_if_last_active(contact)
    for field, value in data.items():
        setattr(contact, field, value)
    _apply_consents(contact, public_fields)
    contact.last_confirmed = timezone.localdate()
    contact.full_clean()
    contact.save()
    return contact


@transaction.atomic
def contact_remove(*, contact: ContactPerson) -> None:
    _lock_forum(contact.forum)
    if ContactPerson.objects.filter(pk=contact.pk, is_active=True).exists():
        _refuse_if_last_active(contact)
    contact.delete()


def _refuse_if_last_active(contact: ContactPerson) -> None:
    others = ContactPerson.objects.active().filter(forum_id=contact.forum_id).exclude(pk=contact.pk)
    if not others.exists():
        raise ValidationError(LAST_CONTACT_MESSAGE, code="last_contact")


@transaction.atomic
def contacts_confirm(*, forum: Forum) -> int:
    """The editor confirms that the forum's active contact details are still right."""
    _lock_forum(forum)
    content_changed("contacts", areas=[forum.area])  # update() sends no post_save
    return (
        ContactPerson.objects.active()
        .filter(forum=forum)
        .update(last_confirmed=timezone.localdate())
    )
