"""Reads for the public area pages. Each runs a fixed number of queries."""

import datetime
from dataclasses import dataclass

from django.db.models import Count, F, OuterRef, Q, Subquery
from django.utils import timezone

from holbaek.text import danish_slugify
from lokalfora.models import (
    ContactPerson,
    EditorInvitation,
    Event,
    Forum,
    ForumEditor,
    LocalArea,
    NewsPost,
)
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


def area_list():
    """The 18 areas with forum, population and next event, in two queries."""
    upcoming = Event.objects.filter(forum__area=OuterRef("pk"), ends_at__gte=timezone.now())
    upcoming = upcoming.order_by("starts_at", "id")
    return list(
        LocalArea.objects.with_public_details().annotate(
            next_event_id=Subquery(upcoming.values("id")[:1]),
            next_event_title=Subquery(upcoming.values("title")[:1]),
            next_event_starts_at=Subquery(upcoming.values("starts_at")[:1]),
        )
    )


def area_by_slug_or_alias(slug: str):
    """The area with this slug; or (None, area) when the slug is one of its aliases."""
    area = LocalArea.objects.with_public_details().filter(slug=slug).first()
    if area is not None:
        return area, None
    for candidate in LocalArea.objects.only("slug", "aliases", "name"):
        if slug in {danish_slugify(alias) for alias in candidate.aliases}:
            return None, candidate
    return None, None


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


def published_news():
    return NewsPost.objects.published().select_related("forum__area")


def latest_news(*, forum=None, limit=5):
    news = NewsPost.objects.published().select_related("forum__area")
    if forum is not None:
        news = news.filter(forum=forum)
    return list(news[:limit])


def search_areas(query: str):
    """Areas whose name, other names, main town or villages contain the query.

    There are only 18 areas, so they are matched in Python: one query, and
    every village name in the reference data is found, whichever database.
    """
    needle = query.casefold().strip()
    if not needle:
        return []
    return [
        area
        for area in LocalArea.objects.with_public_details()
        if any(
            needle in text.casefold()
            for text in [area.name, area.main_town, *area.aliases, *area.localities]
        )
    ]


def events_in_month(*, year: int, month: int, area_slug: str = "", kind: str = ""):
    """The month's events (Danish time), optionally for one area and one type."""
    zone = timezone.get_default_timezone()
    start = datetime.datetime(year, month, 1, tzinfo=zone)
    end = datetime.datetime(year + month // 12, month % 12 + 1, 1, tzinfo=zone)
    events = Event.objects.between(start, end).select_related("forum__area")
    if area_slug:
        events = events.filter(forum__area__slug=area_slug)
    if kind:
        events = events.filter(kind=kind)
    return list(events)


def upcoming_events(*, forum=None, limit: int = 5):
    events = Event.objects.upcoming().select_related("forum__area")
    if forum is not None:
        events = events.filter(forum=forum)
    return list(events[:limit])


def past_events():
    return Event.objects.past().select_related("forum__area")


CONFIRMATION_INTERVAL = datetime.timedelta(days=365)


def stale_contacts():
    """Active contacts not confirmed for more than 12 months (or never)."""
    limit = timezone.localdate() - CONFIRMATION_INTERVAL
    return ContactPerson.objects.active().filter(
        Q(last_confirmed__isnull=True) | Q(last_confirmed__lt=limit)
    )


def contact_overview():
    """For staff: forums without an active contact or an editor, and stale contacts."""
    forums = Forum.objects.select_related("area").annotate(
        active_contacts=Count("contacts", filter=Q(contacts__is_active=True), distinct=True),
        editor_count=Count("editors", distinct=True),
    )
    forums = list(forums.order_by("area__name"))
    return {
        "without_contact": [forum for forum in forums if not forum.active_contacts],
        "without_editor": [forum for forum in forums if not forum.editor_count],
        "stale": list(stale_contacts().select_related("forum__area").order_by("last_confirmed")),
    }


def forum_contacts(forum):
    """All of a forum's contact persons, active or not, for its editors."""
    return list(ContactPerson.objects.filter(forum=forum))


def forum_editors(forum):
    return list(ForumEditor.objects.filter(forum=forum).select_related("user"))


def pending_invitations(forum):
    return list(EditorInvitation.objects.filter(forum=forum, accepted_at__isnull=True))


def forum_news(forum):
    """Every post of the forum, drafts first, for its editors (a queryset, to paginate)."""
    return (
        NewsPost.objects.filter(forum=forum)
        .select_related("forum__area")
        .order_by(F("published_at").desc(nulls_first=True), "-id")
    )


def news_post(*, slug: str, pk: int):
    """The post, with its forum and area, or None."""
    return (
        NewsPost.objects.select_related("forum__area").filter(forum__area__slug=slug, pk=pk).first()
    )
