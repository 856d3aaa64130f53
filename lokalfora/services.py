"""Writes and business rules for forums. Plain functions, keyword-only, atomic."""

from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from holbaek import roles
from lokalfora.models import ContactPerson, Event, Forum, ForumEditor, NewsPost


@transaction.atomic
def forum_editor_add(*, forum, user) -> ForumEditor:
    """Makes the user an editor of this forum (and only this one).

    The ForumEditor rows decide what a volunteer may edit; the Forum-redaktør
    Group mirrors "edits at least one forum" so roles read the same everywhere.
    """
    editor, _created = ForumEditor.objects.get_or_create(forum=forum, user=user)
    user.groups.add(Group.objects.get(name=roles.FORUM_EDITOR))
    return editor


@transaction.atomic
def forum_editor_remove(*, forum, user) -> None:
    ForumEditor.objects.filter(forum=forum, user=user).delete()
    if not ForumEditor.objects.filter(user=user).exists():
        user.groups.remove(Group.objects.get(name=roles.FORUM_EDITOR))


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
def forum_update(*, forum: Forum, data: dict) -> Forum:
    for field, value in data.items():
        setattr(forum, field, value)
    forum.full_clean()
    forum.save()
    return forum


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
def event_save(*, forum: Forum, data: dict, event: Event | None = None) -> Event:
    """Creates or updates one of the forum's events."""
    event = event or Event(forum=forum)
    for field, value in data.items():
        setattr(event, field, value)
    event.full_clean()
    event.save()
    return event


@transaction.atomic
def contacts_confirm(*, forum: Forum) -> int:
    """The editor confirms that the forum's active contact details are still right."""
    _lock_forum(forum)
    return (
        ContactPerson.objects.active()
        .filter(forum=forum)
        .update(last_confirmed=timezone.localdate())
    )


class NewsAction:
    """What the editor asked for when saving a post."""

    DRAFT = "draft"  # Save; a new post stays a draft, a published one stays published.
    PUBLISH = "publish"
    UNPUBLISH = "unpublish"


@transaction.atomic
def news_save(
    *,
    forum: Forum,
    data: dict,
    post: NewsPost | None = None,
    image=None,
    remove_image: bool = False,
    action: str = NewsAction.DRAFT,
) -> NewsPost:
    """Creates or updates a post; the picture must already be checked (holbaek.images).

    A replaced or removed picture's file is deleted once the transaction commits.
    """
    post = post or NewsPost(forum=forum)
    old_file = post.image.name if post.image else ""
    for field, value in data.items():
        setattr(post, field, value)
    if remove_image and not image:
        post.image = ""
        post.image_alt = ""
    if action == NewsAction.PUBLISH and not post.is_published:
        post.published_at = timezone.now()
    elif action == NewsAction.UNPUBLISH:
        post.published_at = None
    if image:
        post.image.save(image.name, image, save=False)
    try:
        post.full_clean()
        post.save()
    except Exception:
        if image:
            post.image.storage.delete(post.image.name)
        raise
    if old_file and old_file != post.image.name:
        _delete_file_on_commit(post.image.storage, old_file)
    return post


@transaction.atomic
def news_delete(*, post: NewsPost) -> None:
    if post.image:
        _delete_file_on_commit(post.image.storage, post.image.name)
    post.delete()


def _delete_file_on_commit(storage, name: str) -> None:
    transaction.on_commit(lambda: storage.delete(name))
