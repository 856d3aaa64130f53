"""Reads of events for the calendar, the area pages and the feeds."""

from holbaek.dates import month_bounds
from lokalfora.models import Event


def events_in_month(*, year: int, month: int, area_slug: str = "", kind: str = ""):
    """The month's events (Danish time), optionally for one area and one type."""
    start, end = month_bounds(year, month)
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
