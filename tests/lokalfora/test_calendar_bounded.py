"""The month page shows at most four events a day; a day page lists them all, 25 a page."""

import datetime
import re
import zoneinfo

import pytest

from lokalfora.models import Event
from lokalfora.selectors.events import EVENTS_PER_DAY
from tests.factories import EventFactory
from tests.querycount import assert_constant_queries

pytestmark = pytest.mark.django_db
CPH = zoneinfo.ZoneInfo("Europe/Copenhagen")
DAY = "/kalender/2026-12-03/"


@pytest.fixture(autouse=True)
def _november(clock):
    clock.set("2026-11-15 10:00")


def on_3_december(forum, count, *, hour=9, title="Møde"):
    """`count` events on 3 December, a minute apart, named "Møde 1", "Møde 2" ..."""
    start = datetime.datetime(2026, 12, 3, hour, tzinfo=CPH)
    return [
        EventFactory(
            forum=forum, title=f"{title} {n + 1}", starts_at=start + datetime.timedelta(minutes=n)
        )
        for n in range(count)
    ]


def titles(text):
    return re.findall(r'lang="da">(Møde \d+)</a>', text)


def test_a_full_day_shows_four_and_links_to_all_of_them(client, area):
    on_3_december(area.forum, 5)
    EventFactory(
        forum=area.forum, title="Møde 9", starts_at=datetime.datetime(2026, 12, 5, 19, tzinfo=CPH)
    )
    text = client.get("/kalender/", {"maaned": "2026-12"}).text
    assert EVENTS_PER_DAY == 4
    assert titles(text) == ["Møde 1", "Møde 2", "Møde 3", "Møde 4", "Møde 9"]
    assert f'href="{DAY}">Vis alle 5 arrangementer den 3. december</a>' in text
    assert text.count("Vis alle") == 1  # 5 December has one event: no link
    assert "6 arrangementer." in text  # the month's total counts every event

    day = client.get(DAY).text
    assert titles(day) == ["Møde 1", "Møde 2", "Møde 3", "Møde 4", "Møde 5"]
    assert day.count("<h1") == 1
    assert "Arrangementer torsdag 3. december 2026" in day
    assert 'href="/kalender/?maaned=2026-12"' in day  # the breadcrumb back to the month


def test_four_events_on_a_day_need_no_link(client, area):
    on_3_december(area.forum, 4)
    text = client.get("/kalender/", {"maaned": "2026-12"}).text
    assert len(titles(text)) == 4
    assert "Vis alle" not in text


def test_days_are_danish_days(client, area):
    # Four in the evening of 3 December, one at 00:30 on the 4th (still the 3rd in UTC).
    on_3_december(area.forum, 4, hour=22)
    EventFactory(
        forum=area.forum,
        title="Møde 7",
        starts_at=datetime.datetime(2026, 12, 4, 0, 30, tzinfo=CPH),
    )
    text = client.get("/kalender/", {"maaned": "2026-12"}).text
    assert titles(text) == ["Møde 1", "Møde 2", "Møde 3", "Møde 4", "Møde 7"]
    assert "Vis alle" not in text
    assert titles(client.get("/kalender/2026-12-04/").text) == ["Møde 7"]
    assert "Møde 7" not in client.get(DAY).text


def test_the_filters_follow_to_the_day_page(client, area, other_area):
    on_3_december(area.forum, 5)
    on_3_december(other_area.forum, 5, title="Andet")
    text = client.get("/kalender/", {"maaned": "2026-12", "omraade": "tollose"}).text
    assert f'href="{DAY}?omraade=tollose">Vis alle 5 arrangementer' in text
    day = client.get(DAY, {"omraade": "tollose"}).text
    assert len(titles(day)) == 5
    assert "Andet" not in day
    assert 'href="/kalender/?maaned=2026-12&amp;omraade=tollose"' in day
    assert "Andet 1" in client.get(DAY).text


def test_the_day_page_has_pages_of_25_keeping_the_filters(client, area):
    on_3_december(area.forum, 30)
    first = client.get(DAY, {"omraade": "tollose"}).text
    assert len(titles(first)) == 25
    assert "?omraade=tollose&amp;side=2" in first
    second = client.get(DAY, {"omraade": "tollose", "side": "2"}).text
    assert titles(second) == [f"Møde {n}" for n in range(26, 31)]
    assert client.get(DAY, {"side": "abc"}).status_code == 200


def test_an_empty_day_says_so_without_an_empty_list(client, reference_data):
    text = client.get(DAY).text
    assert "Der er ingen arrangementer denne dag" in text
    assert 'class="unstyled-list event-list"' not in text
    assert text.count("<h1") == 1


@pytest.mark.parametrize(
    "path",
    [
        "/kalender/2026-02-30/",
        "/kalender/2026-13-01/",
        "/kalender/0001-01-01/",
        "/kalender/1999-12-31/",
        "/kalender/9999-12-31/",
        "/kalender/2026-12-3/",
        "/kalender/2026-12-03x/",
    ],
)
def test_bad_days_are_404(client, reference_data, path):
    assert client.get(path).status_code == 404


@pytest.mark.parametrize(("url", "limit"), [("/kalender/?maaned=2026-12", 4), (DAY, 4)])
def test_a_busy_day_costs_no_more_queries(client, area, url, limit):
    on_3_december(area.forum, 2)

    def grow():
        Event.objects.bulk_create(
            Event(
                forum=area.forum,
                title=f"Flere {n}",
                kind="debate",
                place="Hallen",
                starts_at=datetime.datetime(2026, 12, 3, 12, n, tzinfo=CPH),
                ends_at=datetime.datetime(2026, 12, 3, 14, tzinfo=CPH),
            )
            for n in range(38)
        )

    assert_constant_queries(client, url, grow, limit=limit)
    assert Event.objects.count() == 40
