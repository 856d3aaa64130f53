"""RSS and Atom feeds of the forums' news, parsed back."""

import datetime
import xml.etree.ElementTree as ET

import pytest
from django.utils import timezone

from lokalfora.models import NewsPost
from tests.factories import NewsPostFactory
from tests.querycount import assert_constant_queries

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
def posts(area, other_area):
    now = timezone.now()
    return [
        NewsPostFactory(
            forum=area.forum, title="Stier & veje", summary="<b>Nyt</b> om stier", published_at=now
        ),
        NewsPostFactory(forum=other_area.forum, title="Jyderup-nyt", published_at=now),
        NewsPostFactory(forum=area.forum, title="Kladde", draft=True),
        NewsPostFactory(
            forum=area.forum, title="Fremtid", published_at=now + datetime.timedelta(days=1)
        ),
    ]


def test_rss_has_published_news_only_with_stable_guids(client, posts):
    response = client.get("/nyheder/rss/")
    assert response["Content-Type"].startswith("application/rss+xml")
    channel = ET.fromstring(response.content).find("channel")
    items = channel.findall("item")
    assert {item.findtext("title") for item in items} == {"Stier & veje", "Jyderup-nyt"}
    first = next(item for item in items if item.findtext("title") == "Stier & veje")
    assert first.findtext("guid") == f"nyhed-{posts[0].pk}@lokalportal.holbaek.dk"
    assert first.findtext("link").endswith(f"/lokalomraader/tollose/nyheder/{posts[0].pk}/")
    assert first.findtext("description") == "<b>Nyt</b> om stier"  # escaped in the XML, text here


def test_the_area_atom_feed_has_only_that_areas_news(client, posts):
    response = client.get("/lokalomraader/tollose/nyheder/atom/")
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = ET.fromstring(response.content)
    assert [entry.findtext(f"{ATOM}title") for entry in feed.findall(f"{ATOM}entry")] == [
        "Stier & veje"
    ]
    assert feed.findtext(f"{ATOM}title") == "Nyheder fra Tølløse"


def test_unknown_area_feed_is_404(client, reference_data):
    assert client.get("/lokalomraader/findes-ikke/nyheder/rss/").status_code == 404


# The feed's version (two aggregates, and the municipal news's), the area, the posts (and
# the municipal news' entries: projektudvalg registers them, lokalfora/news_sources.py).
@pytest.mark.parametrize(
    ("url", "limit"), [("/nyheder/rss/", 5), ("/lokalomraader/tollose/nyheder/atom/", 6)]
)
def test_feeds_run_a_constant_number_of_queries(client, area, url, limit):
    def grow():
        NewsPost.objects.bulk_create(
            NewsPost(forum=area.forum, title=f"N{n}", summary="x", published_at=timezone.now())
            for n in range(20)
        )

    grow()
    assert_constant_queries(client, url, grow, limit=limit)
