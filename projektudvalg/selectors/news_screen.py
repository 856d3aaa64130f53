"""The info-screen page's items: an area's newest municipal and forum news, merged by date.

Four queries, however many items: the municipal items, their areas and topics, and the
forum's posts.
"""

import datetime
from dataclasses import dataclass

from django.urls import reverse

from lokalfora.selectors.news import published_news
from projektudvalg.selectors.municipal_news import (
    area_municipal_news,
    image_url,
    origin_name,
    with_list_related,
)


@dataclass(frozen=True)
class ScreenItem:
    title: str
    summary: str
    path: str  # the item's page; the view makes it absolute
    image_path: str
    image_alt: str
    published_at: datetime.datetime
    source: str  # "kommunen" or "lokalforum"
    sender: str


def _municipal(area, count: int) -> list[ScreenItem]:
    return [
        ScreenItem(
            title=item.title,
            summary=item.summary,
            path=item.get_absolute_url(),
            image_path=image_url(item),
            image_alt=item.image_alt,
            published_at=item.publish_at,
            source="kommunen",
            sender=origin_name(item),
        )
        for item in with_list_related(area_municipal_news(area))[:count]
    ]


def _forum(area, count: int) -> list[ScreenItem]:
    posts = published_news().filter(forum__area=area)[:count]
    return [
        ScreenItem(
            title=post.title,
            summary=post.summary,
            path=post.get_absolute_url(),
            image_path=(
                reverse("lokalfora:news-image", kwargs={"slug": area.slug, "pk": post.pk})
                if post.image
                else ""
            ),
            image_alt=post.image_alt,
            published_at=post.published_at,
            source="lokalforum",
            sender=post.forum.name,
        )
        for post in posts
    ]


def screen_items(area, count: int) -> list[ScreenItem]:
    """At most `count` items, the newest first."""
    items = _municipal(area, count) + _forum(area, count)
    items.sort(key=lambda item: item.published_at, reverse=True)
    return items[:count]
