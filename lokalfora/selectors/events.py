"""Reads of events for the calendar, the area pages and the feeds."""

import datetime
from dataclasses import dataclass

from django.db.models import Count, F, Window
from django.db.models.functions import RowNumber, TruncDate
from django.utils import timezone

from holbaek.dates import add_months, month_bounds
from lokalfora.models import Event

# The month page shows at most this many events a day, the rest on the day's own page.
EVENTS_PER_DAY = 4
# The iCal feeds: events ending at most this many months back ...
FEED_MONTHS_BACK = 3
# ... and starting at most this many months ahead.
FEED_MONTHS_AHEAD = 18


@dataclass
class CalendarDay:
    """One Danish calendar day of the month page: its first events and how many it has."""

    date: datetime.date
    events: list
    total: int

    @property
    def has_more(self) -> bool:
        return self.total > len(self.events)


def midnight(day: datetime.date) -> datetime.datetime:
    """The start of a Danish calendar day, aware."""
    return datetime.datetime.combine(day, datetime.time(), tzinfo=timezone.get_default_timezone())


def _local_day():
    return TruncDate("starts_at", tzinfo=timezone.get_default_timezone())


def _filtered(events, *, area_slug: str, kind: str):
    if area_slug:
        events = events.filter(forum__area__slug=area_slug)
    if kind:
        events = events.filter(kind=kind)
    return events


def month_days(
    *, year: int, month: int, area_slug: str = "", kind: str = "", per_day: int = EVENTS_PER_DAY
) -> list[CalendarDay]:
    """The month's events (Danish time) by the Danish day they start, at most `per_day` a
    day (chosen by the database), with each day's total: two queries, however many a day has."""
    start, end = month_bounds(year, month)
    events = _filtered(Event.objects.between(start, end), area_slug=area_slug, kind=kind)
    totals = dict(
        events.order_by()
        .annotate(local_day=_local_day())
        .values("local_day")
        .annotate(total=Count("id"))
        .values_list("local_day", "total")
    )
    shown = (
        events.annotate(
            local_day=_local_day(),
            rank=Window(
                RowNumber(),
                partition_by=[_local_day()],
                order_by=[F("starts_at").asc(), F("id").asc()],
            ),
        )
        .filter(rank__lte=per_day)
        .select_related("forum__area")
        .order_by("starts_at", "id")
    )
    days: dict[datetime.date, CalendarDay] = {}
    for event in shown:
        day = days.setdefault(event.local_day, CalendarDay(event.local_day, [], 0))
        day.events.append(event)
    for day in days.values():
        day.total = totals.get(day.date, len(day.events))
    return sorted(days.values(), key=lambda day: day.date)


def events_on_day(*, day: datetime.date, area_slug: str = "", kind: str = ""):
    """The events starting on one Danish calendar day (a queryset, to paginate)."""
    events = Event.objects.filter(
        starts_at__gte=midnight(day), starts_at__lt=midnight(day + datetime.timedelta(days=1))
    )
    events = _filtered(events, area_slug=area_slug, kind=kind)
    return events.select_related("forum__area").order_by("starts_at", "id")


def feed_window() -> tuple[datetime.date, datetime.date]:
    """The iCal feeds' Danish days: from FEED_MONTHS_BACK back to FEED_MONTHS_AHEAD ahead."""
    today = timezone.localdate()
    return add_months(today, -FEED_MONTHS_BACK), add_months(today, FEED_MONTHS_AHEAD)


def feed_events(*, area=None):
    """The events of an iCal feed: ending in its window's first day or later, starting on its
    last day or earlier; one area's, or everyone's."""
    first, last = feed_window()
    events = Event.objects.filter(
        ends_at__gte=midnight(first), starts_at__lt=midnight(last + datetime.timedelta(days=1))
    )
    if area is not None:
        events = events.filter(forum__area=area)
    return events.order_by("starts_at", "id")


def upcoming_events(*, forum=None, limit: int = 5):
    events = Event.objects.upcoming().select_related("forum__area")
    if forum is not None:
        events = events.filter(forum=forum)
    return list(events[:limit])


def past_events():
    return Event.objects.past().select_related("forum__area")
