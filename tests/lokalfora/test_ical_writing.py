"""The iCal feeds keep each event's VEVENT per process: the bytes are what icalendar writes
for the whole calendar, and an edited event is written again."""

import pytest
from icalendar import Calendar

from lokalfora import ical
from lokalfora.models import Event
from lokalfora.services.events import event_save
from tests.clock import danish
from tests.factories import EventFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _december(clock):
    clock.set("2026-12-10 12:00")


def whole_calendar(events) -> Calendar:
    """The calendar as icalendar writes it in one piece: what the feed must equal."""
    calendar = Calendar()
    for key, value in [("prodid", ical.PRODID), ("version", "2.0"), ("calscale", "GREGORIAN")]:
        calendar.add(key, value)
    for event in events:
        calendar.add_component(ical._entry(event))
    calendar.add_missing_timezones()
    return calendar


def test_the_feed_holds_the_same_events_and_zone_as_one_written_whole(area):
    EventFactory(forum=area.forum, starts_at=danish("2026-12-20 19:00"), title="Julemøde")
    EventFactory(forum=area.forum, starts_at=danish("2027-07-01 10:00"), title="Sommer")
    events = list(Event.objects.order_by("starts_at"))
    feed = Calendar.from_ical(ical.calendar_for(events, name="Tølløse"))
    whole = whole_calendar(events)
    assert [e.to_ical() for e in feed.walk("VEVENT")] == [e.to_ical() for e in whole.walk("VEVENT")]
    zones = feed.walk("VTIMEZONE")
    assert [zone.to_ical() for zone in zones] == [z.to_ical() for z in whole.walk("VTIMEZONE")]
    assert str(zones[0]["TZID"]) == "Europe/Copenhagen"
    assert str(feed["X-WR-CALNAME"]) == "Tølløse"


def test_an_edited_event_is_written_again(client, area):
    event = EventFactory(forum=area.forum, starts_at=danish("2026-12-20 19:00"), title="Julemøde")
    assert b"Julem\xc3\xb8de" in client.get("/kalender/holbaek.ics").content
    event_save(forum=area.forum, event=event, data={"title": "Nytårsmøde"})
    feed = client.get("/kalender/holbaek.ics").content
    assert b"Nyt\xc3\xa5rsm\xc3\xb8de" in feed
    assert b"Julem\xc3\xb8de" not in feed


def test_an_empty_feed_has_no_time_zone(reference_data):
    feed = Calendar.from_ical(ical.calendar_for([], name="Tom"))
    assert feed.walk("VTIMEZONE") == []
    assert feed.walk("VEVENT") == []


def test_the_kept_events_are_bounded(area, monkeypatch):
    monkeypatch.setattr(ical.VEVENTS, "max_entries", 2)
    ical.VEVENTS.clear()
    for day in (20, 21, 22):
        EventFactory(forum=area.forum, starts_at=danish(f"2026-12-{day} 19:00"))
    ical.calendar_for(list(Event.objects.all()), name="x")
    assert len(ical.VEVENTS) == 2
