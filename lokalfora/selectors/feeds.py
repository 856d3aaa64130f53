"""What a feed's conditional request compares: an ETag and a Last-Modified from a few
cheap aggregates, so a 304 costs no body. Both change when an item is added, edited or
deleted; the ETag also when one leaves the feed's window, with the language, and when an
area or forum is renamed.
"""

import datetime
import hashlib
from dataclasses import dataclass

from django.db.models import Count, Max, Min, Sum
from django.utils import timezone, translation

from holbaek.pagecache.versions import current_versions, kind_key
from lokalfora.models import Event, NewsPost
from lokalfora.news_sources import source_versions
from lokalfora.selectors.events import feed_events, feed_window, midnight
from lokalfora.selectors.news import published_news


@dataclass(frozen=True)
class FeedVersion:
    etag: str
    last_modified: datetime.datetime | None


def _version(*parts, changed) -> FeedVersion:
    # The areas' and forums' names are in every feed (title, author, category): the page
    # cache's "areas" version changes with any of them (holbaek/pagecache/), so does the ETag.
    names = current_versions([kind_key("areas")])[kind_key("areas")]
    text = "|".join(str(part) for part in (translation.get_language(), names, *parts))
    moments = [moment for moment in changed if moment is not None]
    return FeedVersion(
        etag=hashlib.sha256(text.encode()).hexdigest()[:32],
        last_modified=max(moments) if moments else None,
    )


def _newest_history(model, area):
    """When an item of the scope last changed or was deleted (the history keeps deletions)."""
    history = model.history.all()
    if area is not None:
        history = history.filter(forum__area=area)
    return history.order_by().aggregate(newest=Max("history_date"))["newest"]


def ical_feed_version(*, area=None) -> FeedVersion:
    """An iCal feed's version: its window, how many events are in it and their last save,
    and the scope's last change or deletion. The window moves at midnight, so Last-Modified
    is at least today's midnight."""
    first, last = feed_window()
    window = (
        feed_events(area=area).order_by().aggregate(count=Count("id"), newest=Max("updated_at"))
    )
    history = _newest_history(Event, area)
    return _version(
        "ical", area and area.slug, first, last, window["count"], window["newest"], history,
        changed=[window["newest"], history, midnight(timezone.localdate())],
    )  # fmt: skip


def news_feed_version(*, area=None, size: int) -> FeedVersion:
    """A news feed's version, from its `size` latest posts (which ones, their last save and
    publication), the scope's last change or deletion, and the registered sources'."""
    news = published_news().select_related(None)
    if area is not None:
        news = news.filter(forum__area=area)
    latest = news.order_by("-published_at", "-id")[:size].aggregate(
        count=Count("id"),
        ids=Sum("id"),
        oldest=Min("published_at"),
        published=Max("published_at"),
        saved=Max("updated_at"),
    )
    history = _newest_history(NewsPost, area)
    # The other apps' news in the feed (news_sources.py): their aggregates, and their
    # datetimes as changes.
    others = source_versions(area, size)
    moments = [part for part in others if isinstance(part, datetime.datetime)]
    return _version(
        "news", area and area.slug, *latest.values(), history, *others,
        changed=[latest["published"], latest["saved"], history, *moments],
    )  # fmt: skip
