"""The committee's iCal feed, and its agenda items in the portal's full-text search."""

import datetime

import pytest
from django.utils import timezone
from icalendar import Calendar

from lokalfora.search import full_text_search, search_page
from projektudvalg.models import DecisionOutcome, MeetingStatus
from tests.clock import danish
from tests.factories.committee import AgendaItemFactory, MeetingFactory

pytestmark = pytest.mark.django_db


def _events(response):
    calendar = Calendar.from_ical(response.content)
    return {str(event["uid"]): event for event in calendar.walk("VEVENT")}


def test_the_feed_has_every_meeting_and_a_cancelled_one_as_cancelled(client, area):
    planned = MeetingFactory(place="Rådhuset", area=area)
    cancelled = MeetingFactory(status=MeetingStatus.CANCELLED, cancel_reason="Ingen sager")
    far = MeetingFactory(starts_at=timezone.now() + datetime.timedelta(days=365 * 3))
    response = client.get("/udvalget/moeder.ics")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    events = _events(response)
    assert planned.uid in events
    assert cancelled.uid in events
    assert far.uid not in events  # outside the feeds' window
    assert events[cancelled.uid]["status"] == "CANCELLED"
    assert "status" not in events[planned.uid]
    assert "Ingen sager" in str(events[cancelled.uid]["description"])
    assert "Rådhuset" in str(events[planned.uid]["location"])
    assert str(events[planned.uid]["url"]).endswith(planned.get_absolute_url())


def test_the_feed_answers_a_conditional_request_with_304_until_a_meeting_changes(client):
    meeting = MeetingFactory()
    etag = client.get("/udvalget/moeder.ics")["ETag"]
    assert client.get("/udvalget/moeder.ics", headers={"if-none-match": etag}).status_code == 304
    meeting.place = "Et andet sted"
    meeting.save()
    assert client.get("/udvalget/moeder.ics", headers={"if-none-match": etag}).status_code == 200


def test_a_meeting_without_an_end_gets_two_hours(client, clock):
    clock.set("2026-01-02 12:00")
    meeting = MeetingFactory(ends_at=None, starts_at=danish("2026-01-10 17:00"))
    with_end = _events(client.get("/udvalget/moeder.ics"))[meeting.uid]
    assert with_end.decoded("dtend") - with_end.decoded("dtstart") == datetime.timedelta(hours=2)


def test_search_finds_a_decision_tagged_with_the_area(reference_data):
    meeting = MeetingFactory(status=MeetingStatus.MINUTES_PUBLISHED)
    AgendaItemFactory(meeting=meeting, title="Knabstrup sætter kurs",
                      decision_text="Udvalget valgte Knabstrup.",
                      outcome=DecisionOutcome.APPROVED)  # fmt: skip
    (hit,) = [hit for hit in full_text_search("Knabstrup") if hit.kind == "Udvalgets referat"]
    assert "#punkt-" in hit.url
    assert hit.title == "Knabstrup sætter kurs"


def test_search_finds_an_agenda_item_but_not_its_drafted_decision(reference_data):
    meeting = MeetingFactory(status=MeetingStatus.AGENDA_PUBLISHED)
    AgendaItemFactory(meeting=meeting, title="Cykelsti til skolen",
                      decision_text="Forberedt tekst om flagstænger")  # fmt: skip
    (hit,) = full_text_search("cykelsti")
    assert hit.kind == "Udvalgets dagsorden"
    assert "flagstænger" not in hit.snippet
    assert full_text_search("flagstænger") == []


def test_a_planned_meetings_items_are_not_found(reference_data):
    AgendaItemFactory(meeting=MeetingFactory(), title="Cykelsti til skolen")
    assert full_text_search("cykelsti") == []


def test_the_search_page_shows_decisions_in_a_fixed_number_of_queries(
    client, reference_data, django_assert_max_num_queries
):
    meeting = MeetingFactory(status=MeetingStatus.MINUTES_PUBLISHED)
    for number in range(1, 30):
        AgendaItemFactory(meeting=meeting, number=number, title=f"Cykelsti nummer {number}")
    page, hits = search_page("cykelsti", 1)
    assert page.paginator.count == 29
    assert len(hits) == 20
    with django_assert_max_num_queries(4):  # count, page, the items and their areas
        search_page("cykelsti", 2)
