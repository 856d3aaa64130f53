"""Rate limits count per key and window, in the local cache and in Redis as in production."""

import os
import uuid

import pytest
from django.core.cache import caches
from django.test import RequestFactory

from holbaek import ratelimit

REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/15")


def _redis_available() -> bool:
    import redis

    try:
        return bool(redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1).ping())
    except redis.exceptions.ConnectionError:
        return False


@pytest.fixture(params=["locmem", "redis"])
def cache_backend(request, settings):
    if request.param == "redis":
        if not _redis_available():
            if os.environ.get("REQUIRE_REDIS") == "1":
                pytest.fail(f"Redis is not reachable at {REDIS_URL}")
            pytest.skip(f"Redis is not reachable at {REDIS_URL}")
        settings.CACHES = {
            "default": {
                "BACKEND": "holbaek.redis_cache.RedisCache",
                "LOCATION": REDIS_URL,
            }
        }
    else:
        settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    # Changing CACHES through the settings fixture makes Django rebuild its cache handlers.
    return caches["default"]


def test_the_limit_counts_per_key(cache_backend, request):
    assert (
        type(cache_backend).__name__
        == {"locmem": "LocMemCache", "redis": "RedisCache"}[
            request.node.callspec.params["cache_backend"]
        ]
    )
    scope = f"test-{uuid.uuid4().hex}"
    assert [ratelimit.allow(scope, "a@example.org", limit=3, period=60) for _ in range(5)] == [
        True, True, True, False, False,
    ]  # fmt: skip
    # Keys are case-insensitive, and another key has its own count.
    assert not ratelimit.allow(scope, "A@Example.org ", limit=3, period=60)
    assert ratelimit.allow(scope, "b@example.org", limit=3, period=60)


@pytest.mark.parametrize(
    ("proxies", "forwarded", "expected"),
    [
        (0, "1.2.3.4", "10.0.0.1"),  # no proxy: the header is the client's own claim
        (1, "1.2.3.4", "1.2.3.4"),
        (1, "6.6.6.6, 1.2.3.4", "1.2.3.4"),  # a forged entry left of the proxy's is ignored
        (2, "1.2.3.4, 172.16.0.2", "1.2.3.4"),
        (2, "1.2.3.4", "10.0.0.1"),  # fewer entries than proxies: fall back to the peer
    ],
)
def test_the_client_address_behind_trusted_proxies(settings, proxies, forwarded, expected):
    settings.TRUSTED_PROXIES = proxies
    request = RequestFactory().get("/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR=forwarded)
    assert ratelimit.client_ip(request) == expected


def test_a_broken_cache_lets_requests_through(monkeypatch, caplog):
    def down(*args, **kwargs):
        raise ConnectionError("Redis er nede")

    monkeypatch.setattr(ratelimit.cache, "add", down)
    assert ratelimit.allow("test-down", "a@example.org", limit=1, period=60)
    (record,) = caplog.records
    assert record.levelname == "WARNING"
    assert "could not be counted (ConnectionError)" in record.getMessage()
    assert record.exc_info is None  # one line per request, not a traceback


def test_a_new_window_starts_a_new_count(monkeypatch):
    scope = f"test-{uuid.uuid4().hex}"
    monkeypatch.setattr(ratelimit.time, "time", lambda: 1_000_000.0)
    assert ratelimit.allow(scope, "a", limit=1, period=60)
    assert not ratelimit.allow(scope, "a", limit=1, period=60)
    monkeypatch.setattr(ratelimit.time, "time", lambda: 1_000_060.0)
    assert ratelimit.allow(scope, "a", limit=1, period=60)
