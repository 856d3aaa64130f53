"""The shared page cache for anonymous visitors (holbaek/pagecache/): what is stored, what
never is, and that a write through a service shows at once."""

import pytest
from django.core.cache import caches
from django.db import connection, transaction
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext

from holbaek.pagecache import content_changed
from holbaek.pagecache.middleware import NEVER_CACHED_PATHS, anonymous_request
from lokalfora.services.news import NewsAction, news_delete, news_save
from tests.factories import NewsPostFactory, login, make_user

pytestmark = pytest.mark.django_db

PUBLIC_PAGES = [
    "/",
    "/lokalomraader/",
    "/lokalomraader/tollose/",
    "/nyheder/",
    "/nyheder/rss/",
    "/nyheder/atom/",
    "/kalender/",
    "/kalender/arkiv/",
    "/kalender/holbaek.ics",
    "/soeg/?q=m%C3%B8de",
    "/faelles-skabere/",
    "/tilskud/",
    "/puljer/",
    "/puljer/bevillinger/",
    "/om-dialogmodellen/",
    "/sitemap.xml",
]


def hit_without_queries(client, url, **kwargs):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, **kwargs)
    return response, len(queries)


@pytest.mark.parametrize("url", PUBLIC_PAGES)
@pytest.mark.parametrize("language", [None, "en"])
def test_a_public_page_sets_no_cookie_and_is_public(client, reference_data, url, language):
    if language:
        client.cookies["django_language"] = language
    response = client.get(url)
    assert response.status_code == 200
    assert not response.cookies, url
    assert "Set-Cookie" not in response.headers
    control = response.headers["Cache-Control"]
    assert "public" in control
    assert "max-age=" in control  # PAGE_CACHE_MAX_AGE, or the view's own
    assert "private" not in control
    assert "Cookie" in response.headers["Vary"]


@pytest.mark.parametrize("url", PUBLIC_PAGES)
def test_the_second_anonymous_get_is_served_from_the_cache(client, reference_data, url):
    first = client.get(url)
    second, queries = hit_without_queries(client, url)
    assert queries == 0
    assert second.status_code == first.status_code
    assert second.content == first.content
    for header in ("Content-Type", "Content-Language", "Vary", "ETag", "X-Frame-Options"):
        assert second.headers.get(header) == first.headers.get(header), header
    assert "Content-Security-Policy" in second.headers


def test_a_news_post_shows_at_once_on_the_front_page_the_list_and_its_area(client, area):
    urls = ["/", "/nyheder/", "/lokalomraader/tollose/", "/nyheder/rss/"]
    for url in urls:
        assert "Ny bænk ved søen" not in client.get(url).text
    post = news_save(
        forum=area.forum,
        data={"title": "Ny bænk ved søen", "summary": "Kom og sid.", "body": "Den står der nu."},
        action=NewsAction.PUBLISH,
    )
    for url in urls:
        assert "Ny bænk ved søen" in client.get(url).text, url
    news_delete(post=post)
    for url in urls:
        assert "Ny bænk ved søen" not in client.get(url).text, url


def test_a_news_post_in_one_area_keeps_another_areas_page_cached(client, area, other_area):
    client.get("/lokalomraader/jyderup/")
    NewsPostFactory(forum=area.forum, title="Kun i Tølløse")
    _response, queries = hit_without_queries(client, "/lokalomraader/jyderup/")
    assert queries == 0
    assert "Kun i Tølløse" in client.get("/lokalomraader/tollose/").text


def test_a_signed_in_user_never_gets_a_cached_page(client, reference_data):
    client.get("/nyheder/")  # stored for anonymous visitors
    login(client, make_user("borger@example.org"))
    response, queries = hit_without_queries(client, "/nyheder/")
    assert queries > 0
    assert response.headers["Cache-Control"] == "private, no-store"
    assert "Log ud" in response.text


def test_a_page_fetched_with_a_session_cookie_is_not_stored(client, reference_data):
    client.cookies["sessionid"] = "not-a-real-session"
    client.get("/nyheder/")
    del client.cookies["sessionid"]
    _response, queries = hit_without_queries(client, "/nyheder/")
    assert queries > 0


def test_a_rolled_back_write_bumps_nothing(client, area):
    client.get("/nyheder/")

    def write_then_fail():
        with transaction.atomic():
            content_changed("news", areas=[area])
            raise RuntimeError

    with pytest.raises(RuntimeError):
        write_then_fail()
    _response, queries = hit_without_queries(client, "/nyheder/")
    assert queries == 0


def test_a_committed_bump_evicts(client, area):
    client.get("/nyheder/")
    with transaction.atomic():
        content_changed("news")
    _response, queries = hit_without_queries(client, "/nyheder/")
    assert queries > 0


def test_english_and_danish_are_cached_separately(client, reference_data):
    danish = client.get("/lokalomraader/")
    client.cookies["django_language"] = "en"
    english = client.get("/lokalomraader/")
    assert '<html lang="da"' in danish.text
    assert '<html lang="en"' in english.text
    assert english.headers["Content-Language"] == "en"


def test_the_query_string_is_part_of_the_key(client, reference_data):
    client.get("/nyheder/")
    _response, queries = hit_without_queries(client, "/nyheder/?side=2")
    assert queries > 0


def test_page_cache_seconds_zero_disables_the_cache(client, reference_data, settings):
    settings.PAGE_CACHE_SECONDS = 0
    client.get("/nyheder/")
    _response, queries = hit_without_queries(client, "/nyheder/")
    assert queries > 0


def test_head_is_answered_from_the_cache(client, reference_data):
    client.get("/nyheder/")
    with CaptureQueriesContext(connection) as queries:
        response = client.head("/nyheder/")
    assert response.status_code == 200
    assert response.content == b""
    assert len(queries) == 0


def test_if_none_match_gives_304_from_the_cache(client, reference_data):
    etag = client.get("/nyheder/").headers["ETag"]
    response, queries = hit_without_queries(client, "/nyheder/", headers={"if-none-match": etag})
    assert response.status_code == 304
    assert queries == 0
    other = client.get("/nyheder/", headers={"if-none-match": '"something-else"'})
    assert other.status_code == 200


def test_if_none_match_gives_304_on_a_fresh_page_too(client, reference_data, settings):
    settings.PAGE_CACHE_SECONDS = 0
    etag = client.get("/lokalomraader/").headers["ETag"]
    response = client.get("/lokalomraader/", headers={"if-none-match": etag})
    assert response.status_code == 304


@pytest.mark.parametrize("path", [*NEVER_CACHED_PATHS, "/konto/login/", "/konto/2fa/"])
def test_account_and_admin_paths_are_never_stored(path):
    assert not anonymous_request(RequestFactory().get(path))
    assert anonymous_request(RequestFactory().get("/nyheder/"))


def test_a_post_is_never_answered_from_the_cache(client, reference_data):
    client.get("/sparring/")
    response = client.post("/sparring/", {"name": "Karen Jensen", "email": "x"})
    assert "Karen Jensen" in response.text
    assert response.headers["Cache-Control"] == "private, no-store"


def test_an_unknown_kind_is_refused():
    with pytest.raises(ValueError, match="Unknown kinds"):
        content_changed("newz")


def test_an_anonymous_page_may_be_kept_by_proxies_for_page_cache_max_age(
    client, reference_data, settings
):
    settings.PAGE_CACHE_MAX_AGE = 42
    assert client.get("/lokalomraader/").headers["Cache-Control"] == "public, max-age=42"


@pytest.mark.parametrize("url", ["/findes-ikke/", "/lokalomraader/findes-ikke/"])
def test_a_not_found_page_sets_no_cookie_and_is_never_stored(
    client, reference_data, url, monkeypatch
):
    """Any path makes a 404: storing them would let made-up paths fill the cache."""
    stored = []
    pages = caches["pages"]
    monkeypatch.setattr(pages, "set", lambda key, *args, **kwargs: stored.append(key))
    response = client.get(url)
    assert response.status_code == 404
    assert not response.cookies
    assert "public" not in response.get("Cache-Control", "")
    assert stored == []
    client.get("/nyheder/")
    assert len(stored) == 1  # the spy does see a page that is stored


@pytest.mark.parametrize(
    "url",
    [
        "/nyheder/?utm_source=x",
        "/nyheder/?side=2&x=1",
        "/nyheder/?side=abc",
        "/nyheder/?side=1&side=2",
        "/nyheder/?side=99999",
        "/soeg/?q=" + "m" * 101,
        "/om-dialogmodellen/?side=2",  # a parameter this page does not take
        "/kalender/?maaned=2026-12&fbclid=abc",
    ],
)
def test_a_query_string_no_page_takes_is_answered_fresh_and_never_stored(
    client, reference_data, url, monkeypatch
):
    stored = []
    pages = caches["pages"]
    monkeypatch.setattr(pages, "set", lambda key, *args, **kwargs: stored.append(key))
    response = client.get(url)
    assert response.status_code == 200
    assert stored == []
    assert "public" in response.headers["Cache-Control"]  # downstream caches may keep it


@pytest.mark.parametrize(
    "url", ["/nyheder/?side=1", "/soeg/?q=m%C3%B8de&side=2", "/kalender/?maaned=2026-12&type=event"]
)
def test_a_query_string_the_page_takes_is_stored(client, reference_data, url):
    client.get(url)
    _response, queries = hit_without_queries(client, url)
    assert queries == 0
