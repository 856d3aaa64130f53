"""Conditional GET for the feeds: one decorator for the news and the iCal feeds.

The feed's version (selectors/feeds.py) is computed once a request and kept on it with
the area it was looked up for, so the ETag and the Last-Modified check share one set of
queries and the view reuses the area. An unknown area gives no version: the view 404s.
"""

from django.shortcuts import get_object_or_404
from django.views.decorators.http import condition

from lokalfora.models import LocalArea

ATTRIBUTE = "_feed_versions"  # {(version_of, slug): (area, version)} on the request


def _looked_up(request, slug, version_of):
    found = getattr(request, ATTRIBUTE, None)
    if found is None:
        found = {}
        setattr(request, ATTRIBUTE, found)
    if (version_of, slug) not in found:
        area = None if slug is None else LocalArea.objects.filter(slug=slug).first()
        version = None if slug is not None and area is None else version_of(area)
        found[version_of, slug] = (area, version)
    return found[version_of, slug]


def feed_condition(version_of):
    """`condition` with the ETag and Last-Modified of `version_of(area)` (a FeedVersion)."""

    def etag(request, slug=None):
        version = _looked_up(request, slug, version_of)[1]
        return version and version.etag

    def last_modified(request, slug=None):
        version = _looked_up(request, slug, version_of)[1]
        return version and version.last_modified

    return condition(etag_func=etag, last_modified_func=last_modified)


def looked_up_area(request, slug):
    """The area the check looked up (or, without a check, looked up now), or 404."""
    for (_version_of, looked_up_slug), (area, _version) in getattr(request, ATTRIBUTE, {}).items():
        if looked_up_slug == slug and area is not None:
            return area
    return get_object_or_404(LocalArea, slug=slug)
