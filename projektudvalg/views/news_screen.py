"""The info-screen page of an area and its JSON, for the screens in shops and halls.

No login, no cookie, no script: the page is standalone (not base.html, which loads the
scripts and the language switch), holds no CSRF token, never touches the session or the
user. At its plain address it lists the items, still (what a person who opens the link
reads: nothing moves or reloads, WCAG 2.2.1 and 2.2.2); the screens are set up with
`?skaerm=1`, where the items rotate by a static CSS animation and the page reloads itself
every ScreenSettings.reload_minutes (`<meta http-equiv="refresh">`): an unattended
display, which nobody reads at their own pace. Screen software that reads
RSS takes the area's news feed (lokalfora:feed-area-rss), which carries the same news.
"""

from functools import wraps

from django.http import JsonResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from lokalfora.models import LocalArea
from projektudvalg.models import ScreenSettings
from projektudvalg.selectors.news_screen import screen_items

PACE_STEP = 5  # the CSS has a class per 5 seconds (static/css/screen.css)


def _pace(seconds: int) -> int:
    return min(max(round(seconds / PACE_STEP) * PACE_STEP, 5), 120)


def cookieless(view):
    """No cookie, whatever the request brought: after the view the session is dropped from
    the request, so SessionMiddleware neither saves one nor deletes a stale one (which
    would be a Set-Cookie too), and a malformed CSRF cookie is not replaced (the page has
    no form); the view itself sets none."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        if hasattr(request, "session"):
            del request.session
        request.META["CSRF_COOKIE_NEEDS_UPDATE"] = False
        return response

    return wrapped


def _absolute(request, path: str) -> str:
    return request.build_absolute_uri(path) if path else ""


def _screen(slug):
    area = get_object_or_404(LocalArea.objects.select_related("forum"), slug=slug)
    settings = ScreenSettings.current()
    return area, settings, screen_items(area, settings.items)


@require_safe
@cookieless
def area_screen(request, slug):
    """Full screen, large type, the newest items rotating: 6 queries."""
    area, settings, items = _screen(slug)
    context = {
        "area": area,
        "items": [
            {"item": item, "address": _absolute(request, item.path).split("://", 1)[-1]}
            for item in items
        ],
        "count": len(items),
        "pace": _pace(settings.seconds_per_item),
        "reload_seconds": settings.reload_minutes * 60,
        "feed_url": reverse("lokalfora:feed-area-rss", kwargs={"slug": area.slug}),
        "kiosk": request.GET.get("skaerm") == "1",
    }
    return TemplateResponse(request, "projektudvalg/news/screen.html", context)


@require_safe
@cookieless
def area_screen_json(request, slug):
    """The same items for screen software: title, summary, absolute links, date, source."""
    area, settings, items = _screen(slug)
    data = {
        "area": area.name,
        "title": _("Nyheder fra %(name)s") % {"name": area.name},
        "reload_minutes": settings.reload_minutes,
        "seconds_per_item": settings.seconds_per_item,
        "rss": _absolute(request, reverse("lokalfora:feed-area-rss", kwargs={"slug": area.slug})),
        "items": [
            {
                "title": item.title,
                "summary": item.summary,
                "url": _absolute(request, item.path),
                "image": _absolute(request, item.image_path) or None,
                "image_alt": item.image_alt or None,
                "published": item.published_at.isoformat(),
                "source": item.source,
                "sender": item.sender,
            }
            for item in items
        ],
    }
    return JsonResponse(data, json_dumps_params={"ensure_ascii": False})
