"""Writes and rules for a forum's events."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lokalfora.models import Event, EventOrigin, Forum

YEAR = datetime.timedelta(days=365)


def _event_problems(event: Event) -> dict[str, str]:
    """An event starts within a year back and five years ahead, and ends after it starts."""
    problems = {}
    now = timezone.now()
    if event.starts_at and not (now - YEAR < event.starts_at < now + 5 * YEAR):
        problems["starts_at"] = _("Datoen skal ligge inden for et år tilbage og fem år frem.")
    if event.starts_at and event.ends_at and event.ends_at <= event.starts_at:
        problems["ends_at"] = _("Arrangementet skal slutte, efter det er startet.")
    return problems


@transaction.atomic
def event_save(*, forum: Forum, data: dict, event: Event | None = None) -> Event:
    """Creates or updates one of the forum's own events."""
    if event is not None and event.origin != EventOrigin.FORUM:
        raise ValidationError(_("Arrangementet vedligeholdes et andet sted i portalen."))
    event = event or Event(forum=forum)
    for field, value in data.items():
        setattr(event, field, value)
    problems = _event_problems(event)
    if problems:
        raise ValidationError(problems)
    event.full_clean()
    event.save()
    return event


@transaction.atomic
def event_delete(*, event: Event) -> None:
    if event.origin != EventOrigin.FORUM:
        raise ValidationError(_("Arrangementet vedligeholdes et andet sted i portalen."))
    event.delete()


@transaction.atomic
def kept_event_save(
    *, forum: Forum, origin: str, origin_path: str, data: dict, event: Event | None = None
) -> Event:
    """Creates or updates an event that another part of the portal keeps in an area's
    calendar: a committee meeting held in the area, a special effort's milestone. `data`
    holds the Event fields (title, kind, starts_at, ends_at, place, description,
    cancelled ...). The forum's editors cannot change or delete it (event_save refuses);
    its page links to `origin_path`. Dates follow the same rules as the forum's own."""
    if origin == EventOrigin.FORUM:
        raise ValueError("a kept event has an origin")
    event = event or Event()
    event.forum, event.origin, event.origin_path = forum, origin, origin_path
    for field, value in data.items():
        setattr(event, field, value)
    problems = _event_problems(event)
    if problems:
        raise ValidationError(problems)
    event.full_clean()
    event.save()
    return event


@transaction.atomic
def kept_event_delete(*, event: Event) -> None:
    """Deletes a kept event (the meeting moved out of the area, the milestone was removed)."""
    if event.origin == EventOrigin.FORUM:
        raise ValueError("only a kept event is deleted here")
    event.delete()
