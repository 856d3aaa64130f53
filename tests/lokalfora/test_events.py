"""Events: editing, the public calendar and the iCalendar feeds."""

import datetime
import zoneinfo

import pytest
from django.utils import timezone
from icalendar import Calendar

from lokalfora.models import Event, EventKind, Forum
from tests.factories import EventFactory
from tests.querycount import assert_constant_queries

pytestmark = pytest.mark.django_db
CPH = zoneinfo.ZoneInfo("Europe/Copenhagen")


def in_days(days, hour=19):
    day = timezone.localdate() + datetime.timedelta(days=days)
    return datetime.datetime.combine(day, datetime.time(hour), tzinfo=CPH)


FORM = {
    "title": "Debatmøde om stier",
    "kind": "debate",
    "starts_at": "",
    "ends_at": "",
    "place": "Forsamlingshuset",
    "address": "Hovedgaden 1, 4340 Tølløse",
    "description": "Alle er velkomne",
    "organiser": "",
    "signup_url": "",
}


def stamp(moment):
    return moment.strftime("%Y-%m-%dT%H:%M")


def form(**changes):
    start = in_days(10)
    return {
        **FORM,
        "starts_at": stamp(start),
        "ends_at": stamp(start + datetime.timedelta(hours=2)),
        **changes,
    }


def test_an_editor_adds_an_event_in_danish_time(client_as, area):
    response = client_as("editor_this").post("/lokalomraader/tollose/arrangementer/ny/", form())
    assert response.status_code == 302
    event = Event.objects.get(forum=area.forum)
    assert timezone.localtime(event.starts_at, CPH).hour == 19
    assert response.url == f"/kalender/{event.pk}/"


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        (
            {"ends_at": lambda: stamp(in_days(1, 10)), "starts_at": lambda: stamp(in_days(1, 12))},
            "slutte, efter det er startet",
        ),
        ({"starts_at": "i morgen"}, "skriv dem som fx 24.12.2026 18:00"),
        (
            {"starts_at": "1999-01-01T10:00", "ends_at": "1999-01-01T12:00"},
            "inden for et år tilbage",
        ),
        (
            {"starts_at": "2099-01-01T10:00", "ends_at": "2099-01-01T12:00"},
            "inden for et år tilbage",
        ),
        ({"signup_url": "javascript:alert(1)"}, "gyldig URL"),
        ({"kind": "fest"}, "gyldig valgmulighed"),
        ({"title": ""}, "Dette felt er påkrævet."),
        ({"description": "x" * 4001}, "højst 4000 tegn"),
    ],
)
def test_bad_event_input_is_explained_and_kept(client_as, area, changes, message):
    changes = {name: value() if callable(value) else value for name, value in changes.items()}
    response = client_as("editor_this").post(
        "/lokalomraader/tollose/arrangementer/ny/", form(**changes)
    )
    assert response.status_code == 200
    assert message in response.text
    assert 'value="Forsamlingshuset"' in response.text
    assert not Event.objects.exists()


def test_html_in_an_event_is_shown_as_text(client, area):
    event = EventFactory(forum=area.forum, starts_at=in_days(3), title="<script>alert(1)</script>")
    text = client.get(f"/kalender/{event.pk}/").text
    assert "<script>alert(1)</script>" not in text
    assert "&lt;script&gt;" in text


def test_the_calendar_shows_a_month_and_filters_by_area_and_type(client, area, other_area):
    EventFactory(
        forum=area.forum,
        starts_at=datetime.datetime(2026, 12, 3, 19, tzinfo=CPH),
        title="Tølløse-møde",
    )
    EventFactory(
        forum=other_area.forum,
        starts_at=datetime.datetime(2026, 12, 5, 19, tzinfo=CPH),
        title="Jyderup-fest",
        kind=EventKind.EVENT,
    )
    EventFactory(
        forum=area.forum,
        starts_at=datetime.datetime(2027, 1, 5, 19, tzinfo=CPH),
        title="Januar-møde",
    )

    text = client.get("/kalender/", {"maaned": "2026-12"}).text
    assert "Tølløse-møde" in text
    assert "Jyderup-fest" in text
    assert "Januar-møde" not in text
    text = client.get("/kalender/", {"maaned": "2026-12", "omraade": "tollose"}).text
    assert ("Tølløse-møde" in text, "Jyderup-fest" in text) == (True, False)
    text = client.get("/kalender/", {"maaned": "2026-12", "type": "event"}).text
    assert ("Tølløse-møde" in text, "Jyderup-fest" in text) == (False, True)


def test_an_event_just_after_midnight_belongs_to_the_danish_day_and_month(client, area):
    # 00:30 on 1 January in Copenhagen is still 31 December in UTC.
    EventFactory(
        forum=area.forum,
        starts_at=datetime.datetime(2027, 1, 1, 0, 30, tzinfo=CPH),
        title="Nytårsmøde",
    )
    january = client.get("/kalender/", {"maaned": "2027-01"}).text
    assert "Nytårsmøde" in january
    assert "fredag 1. januar" in january
    assert "Nytårsmøde" not in client.get("/kalender/", {"maaned": "2026-12"}).text


@pytest.mark.parametrize(
    "query", ["maaned=2026-13", "maaned=abc", "maaned=0001-01", "omraade=findes-ikke", "type=fest"]
)
def test_bad_calendar_filters_fall_back_instead_of_failing(client, reference_data, query):
    assert client.get(f"/kalender/?{query}").status_code == 200


def test_past_events_go_to_the_archive(client, area):
    EventFactory(forum=area.forum, starts_at=in_days(-30), title="Gammelt møde")
    EventFactory(forum=area.forum, starts_at=in_days(5), title="Nyt møde")
    archive = client.get("/kalender/arkiv/").text
    assert "Gammelt møde" in archive
    assert "Nyt møde" not in archive
    page = client.get("/lokalomraader/tollose/").text
    assert "Nyt møde" in page
    assert "Gammelt møde" not in page


def parse(response):
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return Calendar.from_ical(response.content)


def test_ical_feeds_are_valid_with_stable_uids_danish_time_and_escaping(client, area, other_area):
    start = in_days(2)  # 19:00 Danish time; feeds list coming and recent events only
    event = EventFactory(
        forum=area.forum,
        starts_at=start,
        title="Møde; om stier, veje og \\ skilte",
        description="Linje 1\nLinje 2",
        signup_url="https://example.org/tilmeld",
    )
    EventFactory(forum=other_area.forum, starts_at=in_days(4), title="Andet område")

    calendar = parse(client.get("/lokalomraader/tollose/kalender.ics"))
    [entry] = calendar.walk("VEVENT")
    assert str(entry["UID"]) == f"arrangement-{event.pk}@lokalportal.holbaek.dk"
    assert str(entry["SUMMARY"]) == "Møde; om stier, veje og \\ skilte"
    assert entry.decoded("DTSTART") == start
    assert entry["DTSTART"].params["TZID"] == "Europe/Copenhagen"
    assert "Linje 1\nLinje 2" in str(entry["DESCRIPTION"])
    assert "https://example.org/tilmeld" in str(entry["DESCRIPTION"])
    assert [tz["TZID"] for tz in calendar.walk("VTIMEZONE")] == ["Europe/Copenhagen"]
    assert calendar["VERSION"] == "2.0"

    # Editing keeps the UID, so subscribed calendars update instead of duplicating.
    event.title = "Nyt navn"
    event.save()
    [again] = parse(client.get("/lokalomraader/tollose/kalender.ics")).walk("VEVENT")
    assert again["UID"] == entry["UID"]

    everything = parse(client.get("/kalender/holbaek.ics"))
    assert len(everything.walk("VEVENT")) == 2
    [single] = parse(client.get(f"/kalender/{event.pk}/arrangement.ics")).walk("VEVENT")
    assert single["UID"] == entry["UID"]


def test_unknown_feeds_and_events_are_404(client, reference_data):
    assert client.get("/lokalomraader/findes-ikke/kalender.ics").status_code == 404
    assert client.get("/kalender/999999/").status_code == 404
    assert client.get("/kalender/999999/arrangement.ics").status_code == 404


@pytest.mark.parametrize(
    ("url", "limit"),
    [
        ("/kalender/?maaned=2026-12", 4),
        ("/kalender/arkiv/", 4),
        # with the grant section (scheme, bands, versions, areas, figures), pool projects,
        # the committee's decisions (1) and the special efforts (1 without an effort, 3 with),
        # the municipal news (1 without items), the surveys (1)
        ("/lokalomraader/tollose/", 18),
        ("/kalender/holbaek.ics", 3),
        ("/lokalomraader/tollose/kalender.ics", 4),
    ],
)
def test_calendar_pages_run_a_constant_number_of_queries(client, reference_data, url, limit):
    def grow():
        for forum in Forum.objects.all():
            for number in range(5):
                day = datetime.datetime(2026, 12, 1 + number * 5, 19, tzinfo=CPH)
                EventFactory(forum=forum, starts_at=day, title=f"Møde {number}")
                EventFactory(
                    forum=forum, starts_at=in_days(-10 - number), title=f"Gammelt {number}"
                )

    grow()
    assert_constant_queries(client, url, grow, limit=limit)


def test_the_area_list_shows_each_areas_next_event(client, area, other_area):
    EventFactory(forum=area.forum, starts_at=in_days(-3), title="Forbi")
    EventFactory(forum=area.forum, starts_at=in_days(20), title="Senere")
    EventFactory(forum=area.forum, starts_at=in_days(2), title="Snart")
    text = client.get("/lokalomraader/").text
    assert "Snart" in text
    assert "Senere" not in text
    assert "Forbi" not in text
