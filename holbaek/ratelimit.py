"""Rate limits for public forms, kept in the cache (Redis in production).

Fixed windows: each key counts attempts within the current window of `period`
seconds, under a cache key that names the window. A count that outlives its
window (Redis's INCR on a key that expired a moment before recreates it without
an expiry) is then never read again, so nobody stays blocked. If the cache is
down, requests are let through and the failure is logged: a form must not fail
because its rate limit cannot be counted.
"""

import hashlib
import logging
import time

from django.conf import settings
from django.core.cache import cache

logger = logging.getLogger(__name__)


def _key(scope: str, value: str, window: int) -> str:
    digest = hashlib.sha256(value.strip().lower().encode()).hexdigest()[:32]
    return f"ratelimit:{scope}:{digest}:{window}"


def allow(scope: str, value: str, *, limit: int, period: int) -> bool:
    """Counts one attempt; False once more than `limit` were made in this window."""
    key = _key(scope, value, int(time.time() // period))
    try:
        if cache.add(key, 1, timeout=period):
            return True
        try:
            count = cache.incr(key)
        except ValueError:  # expired between add() and incr()
            cache.add(key, 1, timeout=period)
            return True
    except Exception as error:
        # One line, not a traceback per request while the cache is down.
        logger.warning(
            "Rate limit %s could not be counted (%s); letting the request through",
            scope,
            type(error).__name__,
        )
        return True
    return count <= limit


def client_ip(request) -> str:
    """The client's address.

    Behind TRUSTED_PROXIES reverse proxies, each appends the address it saw to
    X-Forwarded-For, so the client is that many entries from the right; anything
    further left was written by the client and is not trusted.
    """
    proxies = settings.TRUSTED_PROXIES
    if proxies:
        forwarded = [a.strip() for a in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
        forwarded = [address for address in forwarded if address]
        if len(forwarded) >= proxies:
            return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR", "")


def allow_public_form(request, scope: str, email: str, *, per_ip: int, per_email: int) -> bool:
    """One more try at a public form, limited per client address and per e-mail, an hour each."""
    return allow(f"{scope}-ip", client_ip(request), limit=per_ip, period=3600) and allow(
        f"{scope}-email", email, limit=per_email, period=3600
    )
