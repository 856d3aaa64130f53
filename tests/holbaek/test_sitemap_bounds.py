"""The sitemap never grows in one response: an index of sections served in bounded pages."""

import re
from xml.etree import ElementTree

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from holbaek.sitemaps import SECTION_LIMIT, BoundedSitemap
from tests.factories import NewsPostFactory

pytestmark = pytest.mark.django_db

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def locations(response, tag):
    assert response.status_code == 200
    root = ElementTree.fromstring(response.content)
    return [re.sub(r"^https?://[^/]+", "", loc.text) for loc in root.findall(f"s:{tag}/s:loc", NS)]


def test_sections_are_paged_at_a_thousand_addresses():
    assert SECTION_LIMIT == 1000
    assert BoundedSitemap.limit == SECTION_LIMIT


def test_the_index_lists_every_page_of_a_section_and_each_page_is_bounded(
    client, area, monkeypatch
):
    monkeypatch.setattr(BoundedSitemap, "limit", 2)
    posts = [NewsPostFactory(forum=area.forum) for _ in range(5)]

    sections = locations(client.get("/sitemap.xml"), "sitemap")

    news_pages = [url for url in sections if url.startswith("/sitemap-nyheder.xml")]
    assert news_pages == [
        "/sitemap-nyheder.xml",
        "/sitemap-nyheder.xml?p=2",
        "/sitemap-nyheder.xml?p=3",
    ]
    listed = []
    for url in news_pages:
        page = locations(client.get(url), "url")
        assert 1 <= len(page) <= 2
        listed += page
    assert sorted(listed) == sorted(post.get_absolute_url() for post in posts)
    assert client.get("/sitemap-nyheder.xml?p=4").status_code == 404
    assert client.get("/sitemap-nyheder.xml?p=abc").status_code == 404


def test_the_index_never_loads_the_news_rows(client, area):
    """Its lastmod for the news section is one MAX(), not every post loaded to read its date."""
    for _ in range(3):
        NewsPostFactory(forum=area.forum)

    with CaptureQueriesContext(connection) as queries:
        response = client.get("/sitemap.xml")

    assert response.status_code == 200
    news_queries = [query["sql"] for query in queries if '"lokalfora_newspost"' in query["sql"]]
    assert news_queries
    assert all("MAX(" in sql or "COUNT(" in sql for sql in news_queries), news_queries
