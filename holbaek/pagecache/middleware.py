"""Anonymous GET and HEAD answered from the shared cache, right after WhiteNoise.

A hit skips sessions, authentication, CSRF, messages and the view. What may be stored is
decided twice: by the request (no cookie but the language and CSRF cookies, not an account
or admin path) and by the response (a public status, no Set-Cookie, not marked private).
"""

import hashlib

from django.conf import settings
from django.core.cache import caches
from django.http import HttpResponse
from django.urls import Resolver404, resolve
from django.utils import timezone
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import parse_http_date_safe

from holbaek.middleware import chosen_language
from holbaek.pagecache.pages import dependencies, storable_query
from holbaek.pagecache.versions import area_key, current_versions, kind_key

# Paths never stored, whatever their response says: accounts, sign-in, MFA and the admin.
NEVER_CACHED_PATHS = ("/admin/", "/konto/", "/i18n/", "/sprog/")
# Not 404: any path makes one, and each would be a stored page (the footer's language links
# name the path). The 404 page is cheap to render anyway (its header and footer are memos).
CACHEABLE_STATUSES = frozenset({200, 301, 410})
PAGE_PREFIX = "pagecache:page:"


def anonymous_request(request) -> bool:
    """GET or HEAD by a visitor with no session or messages cookie, outside the accounts."""
    if request.method not in ("GET", "HEAD"):
        return False
    allowed = {settings.LANGUAGE_COOKIE_NAME, settings.CSRF_COOKIE_NAME}
    if any(name not in allowed for name in request.COOKIES):
        return False
    return not request.path.startswith(NEVER_CACHED_PATHS)


def public_response(request, response) -> bool:
    control = response.get("Cache-Control", "")
    user = getattr(request, "user", None)
    # A page that holds a CSRF token is never stored: Django re-sends the CSRF cookie
    # whenever a token is used, and a response that sets a cookie is not stored.
    return (
        response.status_code in CACHEABLE_STATUSES
        and not response.cookies
        and not response.streaming
        and "private" not in control
        and "no-store" not in control
        and not (user is not None and user.is_authenticated)
    )


def _resolved(request) -> tuple[str | None, dict]:
    try:
        match = resolve(request.path_info)
    except Resolver404:
        return None, {}
    return match.view_name, match.kwargs


def _version_keys(url_name: str | None, kwargs: dict) -> list[str]:
    kinds, area = dependencies(url_name, kwargs)
    return [kind_key(kind) for kind in kinds] + ([area_key(area)] if area else [])


def page_key(request) -> str:
    """Language, Danish date, scheme, host and full path. The versions of what the page
    depends on are stored with the page and compared on the way out (`lookup`)."""
    parts = [request.scheme, request.get_host(), request.get_full_path()]
    digest = hashlib.sha256("\n".join(parts).encode()).hexdigest()
    return f"{PAGE_PREFIX}{chosen_language(request)}:{timezone.localdate().isoformat()}:{digest}"


def lookup(request, url_name: str | None, kwargs: dict) -> tuple[str, dict, dict | None]:
    """The page's key, the current versions of its content and the stored page if it was
    stored under exactly those versions: one cache read for all of it. A page stored
    before a write (or rendered while one committed) carries older versions: a miss."""
    key, keys = page_key(request), _version_keys(url_name, kwargs)
    found = caches["pages"].get_many([key, *keys])
    versions = current_versions(keys, found=found)
    stored = found.get(key)
    if stored is not None and stored.get("versions") != versions:
        stored = None
    return key, versions, stored


def _frozen(response, versions) -> dict:
    return {
        "versions": versions,
        "status": response.status_code,
        "headers": list(response.items()),
        "content": response.content,
    }


def _thawed(stored: dict) -> HttpResponse:
    response = HttpResponse(stored["content"], status=stored["status"])
    for name, value in stored["headers"]:
        response[name] = value
    # No Age header: a hit was checked against the current content versions, so it is as
    # fresh as a page rendered now, and downstream caches may keep it its whole max-age.
    return response


def _conditional(request, response):
    """304 for a matching If-None-Match / If-Modified-Since, as ConditionalGetMiddleware."""
    last_modified = parse_http_date_safe(response.get("Last-Modified") or "")
    return get_conditional_response(
        request, etag=response.get("ETag"), last_modified=last_modified, response=response
    )


def mark_public(response) -> None:
    if "max-age" in response.get("Cache-Control", ""):
        patch_cache_control(response, public=True)
    else:
        patch_cache_control(response, public=True, max_age=settings.PAGE_CACHE_MAX_AGE)


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not anonymous_request(request):
            return self.get_response(request)
        url_name, kwargs = _resolved(request)
        storing = settings.PAGE_CACHE_SECONDS > 0 and storable_query(url_name, request.GET)
        key, versions, stored = lookup(request, url_name, kwargs) if storing else (None, None, None)
        if stored is not None:
            return _conditional(request, _thawed(stored))
        response = self.get_response(request)
        if public_response(request, response):
            mark_public(response)
            # Only a GET's body is stored; a HEAD is answered from what a GET stored.
            if key and request.method == "GET":
                stored = _frozen(response, versions)
                caches["pages"].set(key, stored, settings.PAGE_CACHE_SECONDS)
        return response
