"""The feeds carry a bounded window and answer conditional requests with 304."""

import datetime
import xml.etree.ElementTree as ET

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from icalendar import Calendar

from lokalfora.feeds import FEED_SIZE
from lokalfora.models import Event
from lokalfora.services.events import event_delete
from lokalfora.services.forums import forum_update
from tests.clock import danish
from tests.factories import EventFactory, NewsPostFactory

pytestmark = pytest.mark.django_db
ICAL_FEEDS = ["/kalender/holbaek.ics", "/lokalomraader/tollose/kalender.ics"]
NEWS_FEEDS = [
    "/nyheder/rss/",
    "/nyheder/atom/",
    "/lokalomraader/tollose/nyheder/rss/",
    "/lokalomraader/tollose/nyheder/atom/",
]


@pytest.fixture(autouse=True)
def _december(clock):
    clock.set("2026-12-10 12:00")


@pytest.fixture
def content(area):
    """An event and a post in Tølløse, saved an hour ago."""
    return (
        EventFactory(forum=area.forum, starts_at=danish("2026-12-20 19:00"), title="Julemøde"),
        NewsPostFactory(forum=area.forum, title="Nyt om stier"),
    )


def summaries(response):
    assert response.status_code == 200
    return {str(entry["SUMMARY"]) for entry in Calendar.from_ical(response.content).walk("VEVENT")}


@pytest.mark.parametrize("url", ICAL_FEEDS)
def test_the_ical_feeds_carry_three_months_back_to_eighteen_ahead(client, area, url):
    for title, start in [
        ("4 måneder siden", "2026-08-10 19:00"),
        ("2 måneder siden", "2026-10-10 19:00"),
        ("17 måneder frem", "2028-05-10 19:00"),
        ("19 måneder frem", "2028-07-10 19:00"),
    ]:
        EventFactory(forum=area.forum, title=title, starts_at=danish(start))
    assert summaries(client.get(url)) == {"2 måneder siden", "17 måneder frem"}


def test_the_window_counts_calendar_months(client, clock, area):
    clock.set("2027-05-31 12:00")
    # Three calendar months back is 28 February (90 days would be 2 March) ...
    EventFactory(forum=area.forum, title="28. februar", starts_at=danish("2027-02-28 19:00"))
    EventFactory(forum=area.forum, title="27. februar", starts_at=danish("2027-02-27 19:00"))
    # ... and eighteen ahead 30 November 2028, the whole day.
    EventFactory(forum=area.forum, title="30. november", starts_at=danish("2028-11-30 21:00"))
    EventFactory(forum=area.forum, title="1. december", starts_at=danish("2028-12-01 10:00"))
    assert summaries(client.get("/kalender/holbaek.ics")) == {"28. februar", "30. november"}


@pytest.mark.parametrize("url", ["/nyheder/rss/", "/lokalomraader/tollose/nyheder/atom/"])
def test_news_feeds_carry_the_latest_fifty(client, area, url):
    for n in range(FEED_SIZE + 5):
        NewsPostFactory(forum=area.forum, title=f"Nyhed {n}", age=datetime.timedelta(hours=n + 1))
    root = ET.fromstring(client.get(url).content)
    items = root.findall("channel/item") or root.findall("{http://www.w3.org/2005/Atom}entry")
    assert FEED_SIZE == 50
    assert len(items) == 50
    first = items[0].findtext("title") or items[0].findtext("{http://www.w3.org/2005/Atom}title")
    assert first == "Nyhed 0"


def queries_of(client, url, **headers):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, headers=headers)
    return response, len(queries)


@pytest.mark.parametrize("url", ICAL_FEEDS + NEWS_FEEDS)
def test_a_feed_answers_304_to_its_etag_and_date_without_a_body(client, content, url):
    first, full = queries_of(client, url)
    assert first.status_code == 200
    etag, modified = first["ETag"], first["Last-Modified"]
    again, conditional = queries_of(client, url, if_none_match=etag)
    assert again.status_code == 304
    assert again.content == b""
    assert conditional < full  # the feed itself was never read
    assert client.get(url, headers={"if-modified-since": modified}).status_code == 304
    assert client.get(url, headers={"if-none-match": '"noget-andet"'}).status_code == 200


@pytest.mark.parametrize("url", ICAL_FEEDS)
def test_the_same_events_give_the_same_bytes(client, content, clock, url):
    first = client.get(url)
    clock.shift(minutes=5)
    second = client.get(url)
    assert first.content == second.content
    assert first["ETag"] == second["ETag"]
    saved = Event.objects.get().updated_at.strftime("%Y%m%dT%H%M%SZ")  # in UTC
    assert f"DTSTAMP:{saved}" in first.text  # the last save, not the request's time
    assert f"LAST-MODIFIED:{saved}" in first.text


def versions(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response["ETag"], response["Last-Modified"]


def still_fresh(client, url, etag, modified):
    """Would a client holding (etag, modified) be told its copy is still good?"""
    by_etag = client.get(url, headers={"if-none-match": etag}).status_code == 304
    by_date = client.get(url, headers={"if-modified-since": modified}).status_code == 304
    return by_etag, by_date


@pytest.mark.parametrize("url", ICAL_FEEDS)
def test_an_edited_or_deleted_event_changes_the_feed(client, clock, content, url):
    event, _post = content
    etag, modified = versions(client, url)
    clock.shift(minutes=1)
    event.title = "Nyt navn"
    event.save()
    assert still_fresh(client, url, etag, modified) == (False, False)
    assert "Nyt navn" in summaries(client.get(url))

    etag, modified = versions(client, url)
    clock.shift(minutes=1)
    event_delete(event=event)
    assert still_fresh(client, url, etag, modified) == (False, False)
    assert summaries(client.get(url)) == set()


def test_an_event_leaving_the_window_changes_the_etag(client, clock, area):
    EventFactory(forum=area.forum, title="Gammelt", starts_at=danish("2026-09-10 19:00"))
    etag, _modified = versions(client, "/kalender/holbaek.ics")
    clock.set("2026-12-11 12:00")  # now it ended more than three months ago
    assert summaries(client.get("/kalender/holbaek.ics")) == set()
    assert client.get("/kalender/holbaek.ics", headers={"if-none-match": etag}).status_code == 200


def test_an_event_deleted_in_bulk_changes_the_etag(client, clock, content):
    event, _post = content
    etag, _modified = versions(client, "/kalender/holbaek.ics")
    clock.shift(minutes=1)
    Event.objects.filter(pk=event.pk).delete()  # no service: the count still tells
    assert client.get("/kalender/holbaek.ics", headers={"if-none-match": etag}).status_code == 200


@pytest.mark.parametrize("url", NEWS_FEEDS)
def test_an_edited_unpublished_or_deleted_post_changes_the_feed(client, clock, content, url):
    _event, post = content
    etag, modified = versions(client, url)
    clock.shift(minutes=1)
    post.title = "Rettet"
    post.save()
    assert still_fresh(client, url, etag, modified) == (False, False)

    etag, modified = versions(client, url)
    clock.shift(minutes=1)
    post.published_at = None
    post.save()
    assert still_fresh(client, url, etag, modified) == (False, False)

    NewsPostFactory(forum=post.forum, title="Endnu en")
    etag, modified = versions(client, url)
    clock.shift(minutes=1)
    post.delete()
    assert still_fresh(client, url, etag, modified) == (False, False)


@pytest.mark.parametrize("url", [ICAL_FEEDS[0], NEWS_FEEDS[0]])
def test_the_etag_differs_by_language(client, content, url):
    danish_etag = client.get(url)["ETag"]
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    assert client.get(url)["ETag"] != danish_etag


def test_unknown_areas_still_404(client, reference_data):
    assert client.get("/lokalomraader/findes-ikke/kalender.ics").status_code == 404
    assert client.get("/lokalomraader/findes-ikke/nyheder/rss/").status_code == 404
    assert (
        client.get(
            "/lokalomraader/findes-ikke/kalender.ics", headers={"if-none-match": "*"}
        ).status_code
        == 404
    )


@pytest.mark.parametrize("url", ICAL_FEEDS + NEWS_FEEDS)
def test_a_renamed_forum_or_area_changes_every_feed(client, content, url):
    """The names are in the feeds (title, author, category): a reader must not keep a 304."""
    etag = client.get(url)["ETag"]
    forum = content[0].forum
    forum_update(forum=forum, data={"name": "Tølløse Lokalråd"})
    renamed = client.get(url, headers={"if-none-match": etag})
    assert renamed.status_code == 200
    assert renamed["ETag"] != etag
