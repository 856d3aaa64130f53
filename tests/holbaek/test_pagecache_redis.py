"""The page cache against Redis, as in production (REQUIRE_REDIS=1 makes a missing Redis a
failure, as for the rate limits). Each test has its own key prefix: xdist workers share Redis."""

import os
import uuid

import pytest
import redis
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from holbaek.pagecache import content_changed
from tests.factories import NewsPostFactory

pytestmark = pytest.mark.django_db

REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/15")


@pytest.fixture
def redis_cache(settings):
    try:
        redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1).ping()
    except redis.exceptions.ConnectionError:
        if os.environ.get("REQUIRE_REDIS") == "1":
            pytest.fail(f"Redis is not reachable at {REDIS_URL}")
        pytest.skip(f"Redis is not reachable at {REDIS_URL}")
    prefix = f"test-{uuid.uuid4().hex}"
    redis_settings = {
        "BACKEND": "holbaek.redis_cache.RedisCache",
        "LOCATION": REDIS_URL,
        "TIMEOUT": 60,
    }
    settings.CACHES = {
        "default": {**redis_settings, "KEY_PREFIX": prefix},
        "pages": {**redis_settings, "KEY_PREFIX": f"{prefix}-pages"},
    }


def queries_of(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return response, len(queries)


def test_a_page_is_served_from_redis_and_a_write_shows_at_once(client, area, redis_cache):
    first, _queries = queries_of(client, "/nyheder/")
    second, queries = queries_of(client, "/nyheder/")
    assert queries == 0
    assert second.content == first.content
    assert second.headers["Content-Security-Policy"] == first.headers["Content-Security-Policy"]
    NewsPostFactory(forum=area.forum, title="Nyt fra Redis")
    fresh, queries = queries_of(client, "/nyheder/")
    assert queries > 0
    assert "Nyt fra Redis" in fresh.text


def test_a_rolled_back_write_bumps_nothing_in_redis(client, area, redis_cache):
    queries_of(client, "/nyheder/")

    def write_then_fail():
        with transaction.atomic():
            content_changed("news", areas=[area])
            raise RuntimeError

    with pytest.raises(RuntimeError):
        write_then_fail()
    _response, queries = queries_of(client, "/nyheder/")
    assert queries == 0
