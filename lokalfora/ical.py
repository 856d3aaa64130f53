"""iCalendar (RFC 5545) feeds of events, built with the icalendar package.

UIDs are stable (one per event), times carry the Europe/Copenhagen zone with
its VTIMEZONE, and icalendar escapes commas, semicolons and new lines. DTSTAMP and
LAST-MODIFIED are the event's last save, so the same events give the same bytes (and the
feeds' ETag holds).
"""

from django.conf import settings
from django.utils import timezone
from icalendar import Calendar
from icalendar import Event as ICalEvent

from holbaek.links import absolute_url

PRODID = "-//Holbæk Kommune//Lokalportal//DA"


def calendar_for(events, *, name: str) -> bytes:
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", settings.TIME_ZONE)
    local = timezone.get_default_timezone()
    for event in events:
        entry = ICalEvent()
        entry.add("uid", event.uid)
        saved = event.updated_at or event.created_at
        entry.add("dtstamp", saved)
        entry.add("last-modified", saved)
        entry.add("dtstart", timezone.localtime(event.starts_at, local))
        entry.add("dtend", timezone.localtime(event.ends_at, local))
        entry.add("summary", event.title)
        location = ", ".join(part for part in (event.place, event.address) if part)
        if location:
            entry.add("location", location)
        description = event.description
        if event.signup_url:
            description = f"{description}\n\nTilmelding: {event.signup_url}".strip()
        if description:
            entry.add("description", description)
        entry.add("url", absolute_url(event.get_absolute_url()))
        entry.add("categories", [event.get_kind_display()])
        calendar.add_component(entry)
    calendar.add_missing_timezones()
    return calendar.to_ical()
