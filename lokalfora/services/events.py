"""Writes and rules for a forum's events."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lokalfora.models import Event, Forum

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
    """Creates or updates one of the forum's events."""
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
    event.delete()
