"""The municipality's news in the area feeds (the RSS that apps and screen software read)
and the combined feed, merged by date and bounded; the ETag follows every change."""

import datetime
import xml.etree.ElementTree as ET

import pytest
from django.utils import timezone

from lokalfora.feeds import FEED_SIZE
from lokalfora.models import LocalArea, NewsPost
from projektudvalg.models import MunicipalNews, NewsStatus
from tests.factories import NewsPostFactory
from tests.projektudvalg.news_factories import MunicipalNewsFactory
from tests.querycount import assert_constant_queries

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"
MORKOV_RSS = "/lokalomraader/morkov/nyheder/rss/"


@pytest.fixture
def morkov(reference_data):
    return LocalArea.objects.select_related("forum").get(slug="morkov")


def _rss_titles(client, url) -> list[str]:
    channel = ET.fromstring(client.get(url).content).find("channel")
    return [item.findtext("title") for item in channel.findall("item")]


def test_an_item_for_moerkoev_is_in_moerkoevs_feeds_and_not_in_regstrups(client, morkov):
    item = MunicipalNewsFactory(title="Trafik i Mørkøv", areas=[morkov])
    assert "Trafik i Mørkøv" in _rss_titles(client, MORKOV_RSS)
    assert "Trafik i Mørkøv" not in _rss_titles(client, "/lokalomraader/regstrup/nyheder/rss/")
    atom = ET.fromstring(client.get("/lokalomraader/morkov/nyheder/atom/").content)
    entry = next(e for e in atom.findall(f"{ATOM}entry") if e.findtext(f"{ATOM}title"))
    assert entry.findtext(f"{ATOM}id") == f"kommunenyhed-{item.pk}@lokalportal.holbaek.dk"
    assert entry.find(f"{ATOM}link").get("href").endswith(f"/nyheder/kommunen/{item.pk}/")
    assert [c.get("term") for c in entry.findall(f"{ATOM}category")] == ["Mørkøv"]


def test_an_item_for_the_whole_municipality_is_in_every_feed(client, reference_data):
    MunicipalNewsFactory(title="Til alle", whole_municipality=True)
    for area in LocalArea.objects.all():
        assert "Til alle" in _rss_titles(client, f"/lokalomraader/{area.slug}/nyheder/rss/")
    assert "Til alle" in _rss_titles(client, "/nyheder/rss/")


def test_feeds_merge_by_date_and_leave_out_what_is_not_published(client, morkov):
    now = timezone.now()
    NewsPostFactory(forum=morkov.forum, title="Forum nyest", published_at=now)
    MunicipalNewsFactory(title="Kommune midt", areas=[morkov], age=datetime.timedelta(hours=2))
    NewsPostFactory(forum=morkov.forum, title="Forum ældst", age=datetime.timedelta(days=1))
    MunicipalNewsFactory(title="Kladde", areas=[morkov], status=NewsStatus.DRAFT, publish_at=None)
    MunicipalNewsFactory(title="Senere", areas=[morkov], age=-datetime.timedelta(hours=1))
    MunicipalNewsFactory(title="Arkiv", areas=[morkov], status=NewsStatus.ARCHIVED)
    assert _rss_titles(client, MORKOV_RSS) == ["Forum nyest", "Kommune midt", "Forum ældst"]


def test_a_feed_is_bounded(client, morkov):
    MunicipalNews.objects.bulk_create(
        MunicipalNews(title=f"K{n}", summary="x", whole_municipality=True,
                      status=NewsStatus.PUBLISHED, publish_at=timezone.now())
        for n in range(FEED_SIZE)
    )  # fmt: skip
    NewsPost.objects.bulk_create(
        NewsPost(forum=morkov.forum, title=f"F{n}", summary="x", published_at=timezone.now())
        for n in range(10)
    )
    assert len(_rss_titles(client, MORKOV_RSS)) == FEED_SIZE
    assert len(_rss_titles(client, "/nyheder/rss/")) == FEED_SIZE


def _etag(client, url) -> str:
    response = client.get(url)
    assert response.status_code == 200
    return response["ETag"]


@pytest.mark.parametrize("url", [MORKOV_RSS, "/nyheder/atom/"])
def test_the_etag_changes_when_an_item_is_published_edited_or_archived(client, clock, morkov, url):
    clock.set("2026-12-10 09:00")
    item = MunicipalNewsFactory(areas=[morkov], age=-datetime.timedelta(hours=1))
    before = _etag(client, url)
    assert client.get(url, headers={"if-none-match": before}).status_code == 304
    clock.set("2026-12-10 10:30")  # its time came: no write, still a new version
    published = _etag(client, url)
    assert published != before
    clock.shift(minutes=1)
    item.title = "Rettet titel"
    item.save()
    edited = _etag(client, url)
    assert edited != published
    item.status = NewsStatus.ARCHIVED
    item.save()
    archived = _etag(client, url)
    assert archived not in (edited, published)
    assert archived == before  # the same feed again: nothing of the item in it
    assert client.get(url, headers={"if-none-match": archived}).status_code == 304


# With municipal news, two more: its items' area and topic names (prefetched, so that the
# SQLite of the run command answers too).
@pytest.mark.parametrize(("url", "limit"), [(MORKOV_RSS, 8), ("/nyheder/rss/", 7)])
def test_feeds_with_municipal_news_run_a_constant_number_of_queries(client, morkov, url, limit):
    def grow():
        for _n in range(10):
            MunicipalNewsFactory(areas=[morkov])
            MunicipalNewsFactory(whole_municipality=True)

    grow()
    assert_constant_queries(client, url, grow, limit=limit)
