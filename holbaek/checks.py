"""System checks for production (`manage.py check --deploy`)."""

from urllib.parse import urlsplit

from django.conf import settings
from django.core.checks import Error, Tags, Warning, register

# Caches that every gunicorn worker (and the task worker) shares, with atomic counters.
# Anything else counts per process: the rate limits would let each worker count alone.
# The database cache is shared but its incr() is a read and a write, so concurrent
# attempts are lost from the count: it is refused too.
SHARED_CACHES = {
    "django.core.cache.backends.redis.RedisCache",
    "holbaek.redis_cache.RedisCache",
    "django.core.cache.backends.memcached.PyMemcacheCache",
    "django.core.cache.backends.memcached.PyLibMCCache",
    "django_redis.cache.RedisCache",
}


@register(Tags.caches, Tags.security, deploy=True)
def check_shared_cache(app_configs=None, **kwargs):
    if settings.DEBUG:
        return []
    errors = []
    backend = settings.CACHES["default"]["BACKEND"]
    if backend not in SHARED_CACHES:
        errors.append(
            Error(
                f"Cachen {backend} deles ikke mellem processerne, så hver gunicorn-proces "
                "tæller sine egne forsøg i login- og formulargrænserne.",
                hint="Sæt CACHE_URL=redis://vært:6379/1 (se README, Drift).",
                id="holbaek.E001",
            )
        )
    pages = settings.CACHES.get("pages", {}).get("BACKEND")
    if pages not in SHARED_CACHES:
        errors.append(
            Error(
                f"Sidecachen {pages} deles ikke mellem processerne, så en ændring ville kun "
                "nå de sider, den proces, der skrev, har gemt.",
                hint="Sæt PAGE_CACHE_URL (eller CACHE_URL) til Redis (se README, Drift).",
                id="holbaek.E002",
            )
        )
    return errors


def _server(cache: dict) -> str:
    location = cache.get("LOCATION") or ""
    return ",".join(urlsplit(part).netloc for part in str(location).split(","))


@register(Tags.caches, deploy=True)
def check_pages_have_their_own_redis(app_configs=None, **kwargs):
    """The pages cache should be a Redis of its own: its memory limit and LRU eviction
    (README, Drift) would otherwise evict rate-limit counts, and a flush take them too."""
    default, pages = settings.CACHES["default"], settings.CACHES.get("pages", {})
    if settings.DEBUG or pages.get("BACKEND") not in SHARED_CACHES:
        return []
    if _server(pages) != _server(default):
        return []
    return [
        Warning(
            "Sidecachen og cachen med loginbegrænsningerne ligger på samme Redis-server; "
            "fylder siderne den op, kan tællerne blive smidt ud.",
            hint="Sæt PAGE_CACHE_URL til en Redis for sig med maxmemory og allkeys-lru "
            "(se README, Drift).",
            id="holbaek.W003",
        )
    ]
