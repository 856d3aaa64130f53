"""The search page: ranked across kinds and paginated in the database, bounded whatever matches."""

import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from lokalfora.models import Event, NewsPost
from lokalfora.search import search_page
from tests.factories import EventFactory, NewsPostFactory
from tests.querycount import assert_constant_queries

pytestmark = pytest.mark.django_db

postgres_only = pytest.mark.skipif(
    "connection.vendor != 'postgresql'", reason="PostgreSQL full-text search"
)


def add_news(forum, count, *, start=0):
    return [
        NewsPostFactory(forum=forum, title=f"Cykelsti nummer {start + n}") for n in range(count)
    ]


def hit_titles(html: str) -> list[str]:
    return re.findall(r'<h3 class="h4"><a href="[^"]*" lang="da">([^<]*)</a></h3>', html)


@postgres_only
def test_a_title_match_outranks_a_body_match_whatever_the_kind(area):
    EventFactory(forum=area.forum, title="Sommerfest", description="Medbring en madpakke")
    NewsPostFactory(forum=area.forum, title="Madpakke til alle skolebørn", body="")
    NewsPostFactory(forum=area.forum, title="Nyt fra skolen", body="Husk en madpakke i morgen")
    EventFactory(forum=area.forum, title="Madpakkens dag", description="")

    _page, hits = search_page("madpakke", 1)

    titles = [hit.title for hit in hits]
    title_matches = {"Madpakke til alle skolebørn", "Madpakkens dag"}
    assert set(titles[:2]) == title_matches
    assert set(titles[2:]) == {"Sommerfest", "Nyt fra skolen"}
    assert {hit.kind for hit in hits[:2]} == {"Nyhed", "Arrangement"}


def test_twenty_five_matches_make_two_pages_and_the_second_has_five(client, area):
    add_news(area.forum, 25)

    first = client.get("/soeg/", {"q": "cykelsti"})
    second = client.get("/soeg/", {"q": "cykelsti", "side": 2})

    assert first.status_code == second.status_code == 200
    assert len(hit_titles(first.text)) == 20
    assert len(hit_titles(second.text)) == 5
    assert not set(hit_titles(first.text)) & set(hit_titles(second.text))
    assert "Vi fandt 25 resultater" in second.text
    # The pager keeps the query in its links.
    assert "?q=cykelsti&amp;side=2" in first.text
    assert '<ol class="unstyled-list search-hits" start="21">' in second.text


def test_a_page_past_the_end_shows_the_last_and_a_bad_number_the_first(client, area):
    add_news(area.forum, 25)
    second = hit_titles(client.get("/soeg/", {"q": "cykelsti", "side": 2}).text)
    first = hit_titles(client.get("/soeg/", {"q": "cykelsti"}).text)

    past_the_end = client.get("/soeg/", {"q": "cykelsti", "side": 3})
    not_a_number = client.get("/soeg/", {"q": "cykelsti", "side": "abc"})

    assert past_the_end.status_code == not_a_number.status_code == 200
    assert hit_titles(past_the_end.text) == second
    assert hit_titles(not_a_number.text) == first


def test_the_areas_found_are_shown_on_the_first_page_only(client, area):
    add_news(area.forum, 21)
    NewsPost.objects.update(title="Nyt fra Tølløse")

    first = client.get("/soeg/", {"q": "Tølløse"})
    second = client.get("/soeg/", {"q": "Tølløse", "side": 2})

    assert 'id="result-areas-heading"' in first.text
    assert 'id="result-areas-heading"' not in second.text
    assert "/lokalomraader/tollose/" in first.text


def test_the_number_of_queries_does_not_grow_with_the_matches(client, area):
    """5 news and 5 events match in the title, then 55 more of each in the text."""
    add_news(area.forum, 5)
    for n in range(5):
        EventFactory(forum=area.forum, title=f"Cykelsti nummer {n}")

    def grow():
        for n in range(55):
            NewsPostFactory(forum=area.forum, title=f"Nyhed {n}", body="Om en cykelsti")
            EventFactory(forum=area.forum, title=f"Tur {n}", description="Ad en cykelsti")

    assert_constant_queries(client, "/soeg/?q=cykelsti", grow, limit=12)


@postgres_only
def test_headlines_are_computed_for_the_shown_page_only(area):
    posts = add_news(area.forum, 30)
    events = [EventFactory(forum=area.forum, title=f"Cykelsti-tur {n}") for n in range(5)]

    with CaptureQueriesContext(connection) as queries:
        page, hits = search_page("cykelsti", 2)

    assert len(hits) == 15
    headline_queries = [query["sql"] for query in queries if "ts_headline" in query["sql"]]
    assert headline_queries
    shown = {(row[0], row[1]) for row in page.object_list}
    everyone = {("news", post.pk) for post in posts} | {("event", event.pk) for event in events}
    for sql in headline_queries:
        table = "lokalfora_newspost" if "lokalfora_newspost" in sql else "lokalfora_event"
        kind = "news" if table == "lokalfora_newspost" else "event"
        ids = {int(found) for found in re.search(r'"id" IN \(([^)]*)\)', sql)[1].split(",")}
        assert {(kind, pk) for pk in ids} <= shown
    assert len(shown) == 15 < len(everyone)


def test_unpublished_and_future_news_are_never_found(client, area, clock):
    clock.set("2026-12-10 09:00")
    NewsPostFactory(forum=area.forum, title="Cykelsti i kladde", draft=True)
    later = NewsPostFactory(forum=area.forum, title="Cykelsti senere")
    in_two_days = clock.now() + datetime.timedelta(days=2)
    NewsPost.objects.filter(pk=later.pk).update(published_at=in_two_days)
    pulled = NewsPostFactory(forum=area.forum, title="Cykelsti trukket tilbage")
    NewsPost.objects.filter(pk=pulled.pk).update(published_at=None)
    NewsPostFactory(forum=area.forum, title="Cykelsti offentlig")

    response = client.get("/soeg/", {"q": "cykelsti"})

    assert hit_titles(response.text) == ["Cykelsti offentlig"]
    assert "Vi fandt 1 resultat" in response.text


def test_a_title_or_body_with_html_stays_escaped(client, area):
    NewsPostFactory(
        forum=area.forum,
        title="<script>alert('titel')</script> cykelsti",
        body="<script>alert('tekst')</script> om cykelsti",
    )
    Event.objects.all().delete()

    response = client.get("/soeg/", {"q": "cykelsti"})

    assert response.status_code == 200
    assert "<script>alert(" not in response.text
    assert "&lt;script&gt;alert(&#x27;titel&#x27;)&lt;/script&gt; cykelsti" in response.text
    assert "<mark>" in response.text


@pytest.mark.parametrize("query", ["og", '"', "-", "a:b & | ! (", "møde OR", "%", "'; DROP"])
def test_odd_queries_answer_without_an_error(client, area, query):
    NewsPostFactory(forum=area.forum, title="Møde om % og andet")

    response = client.get("/soeg/", {"q": query, "side": "2"})

    assert response.status_code == 200
    assert "Vi fandt" in response.text


def test_typed_marker_characters_never_become_tags(client, area):
    """The snippets' own markers are \\x02 and \\x03; a volunteer's text with them stays text."""
    body = "Et møde om \x02stier\x03 i salen"
    NewsPostFactory(forum=area.forum, title="Møde om \x02stier\x03", body=body)
    page = client.get("/soeg/?q=m%C3%B8de").text
    main = page[page.index("<main") : page.index("</main>")]
    assert main.count("<mark>") == main.count("</mark>")
    assert "<mark>stier</mark>" not in main
