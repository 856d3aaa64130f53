"""Reads of the municipality's news for the public: the list, an item's page, an area's
newest, the decisions' news and the feeds' entries.

What is public is one rule, the model's (`MunicipalNews.objects.published()`,
`.for_area(area)`, `item.is_public`) and `permissions.can_see_municipal_news`; every read
here starts from it. Each function runs a fixed number of queries however many rows.
"""

from dataclasses import dataclass

from django.db.models import Count, Exists, Max, OuterRef, Prefetch, Sum
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from lokalfora.models import LocalArea, NewsTopic
from lokalfora.news_sources import FeedEntry
from projektudvalg.models import MunicipalNews, NewsForumShare, NewsOrigin, ShareState

PER_PAGE = 20
AREA_SECTION_SIZE = 5
# The origin filter's values (?afsender=) and the origins they stand for.
ORIGINS = {
    "kommunen": NewsOrigin.MUNICIPALITY,
    "lokalforum": NewsOrigin.FORUM,
    "indsats": NewsOrigin.EFFORT,
}


def with_list_related(queryset):
    return queryset.select_related("origin_forum__area", "origin_effort").prefetch_related(
        "areas", "topics"
    )


def published_municipal_news():
    """Every published item, newest first, with what the lists show."""
    return with_list_related(MunicipalNews.objects.published())


def _forum_copy_shown(area):
    """The area's forum took the item into its own news, and that copy is published."""
    return Exists(
        NewsForumShare.objects.filter(
            news=OuterRef("pk"),
            forum__area=area,
            state=ShareState.ACCEPTED,
            post__published_at__lte=timezone.now(),
        )
    )


def area_municipal_news(area):
    """The published items aimed at the area (or the whole municipality), but not those
    whose copy in the area's forum news shows already."""
    return MunicipalNews.objects.published().for_area(area).exclude(_forum_copy_shown(area))


def latest_for_area(area, *, limit: int = AREA_SECTION_SIZE) -> list[MunicipalNews]:
    """The area section's items: 3 queries (the items, their areas, their topics)."""
    return list(with_list_related(area_municipal_news(area))[:limit])


@dataclass(frozen=True)
class NewsFilters:
    area: LocalArea | None = None
    topic: NewsTopic | None = None
    origin: str = ""  # a key of ORIGINS, or ""

    def query(self) -> dict:
        found = {
            "omraade": self.area and self.area.slug,
            "emne": self.topic and self.topic.slug,
            "afsender": self.origin,
        }
        return {key: value for key, value in found.items() if value}


def read_filters(params, *, areas, topics) -> NewsFilters:
    """The filters from the query string; an unknown value is no filter (never a 500)."""
    area = next((a for a in areas if a.slug == params.get("omraade")), None)
    topic = next((t for t in topics if t.slug == params.get("emne")), None)
    origin = params.get("afsender", "")
    return NewsFilters(area=area, topic=topic, origin=origin if origin in ORIGINS else "")


def filtered_news(filters: NewsFilters):
    """The list's items, a queryset to paginate."""
    news = MunicipalNews.objects.published()
    if filters.area is not None:
        news = news.for_area(filters.area)
    if filters.topic is not None:
        news = news.filter(topics=filters.topic)
    if filters.origin:
        news = news.filter(origin=ORIGINS[filters.origin])
    return with_list_related(news.order_by("-publish_at", "-id"))


def news_item(pk: int) -> MunicipalNews | None:
    """One item with what its page shows, whatever its status (the view asks
    can_see_municipal_news): 3 queries."""
    return (
        with_list_related(MunicipalNews.objects.all())
        .select_related("source_decision__meeting__committee")
        .filter(pk=pk)
        .first()
    )


def news_of_items(item_ids) -> dict[int, list[MunicipalNews]]:
    """The published items reporting each agenda item, by its id: one query."""
    by_item = {}
    news = MunicipalNews.objects.published().filter(source_decision_id__in=list(item_ids))
    for item in news.only("id", "title", "publish_at", "source_decision_id"):
        by_item.setdefault(item.source_decision_id, []).append(item)
    return by_item


def origin_name(item) -> str:
    if item.origin_forum_id:
        return item.origin_forum.name
    if item.origin_effort_id:
        return item.origin_effort.title
    return _("Holbæk Kommune")


def target_names(item) -> list[str]:
    if item.whole_municipality:
        return [_("Hele kommunen")]
    return [area.name for area in item.areas.all()]


def image_url(item) -> str:
    if not item.image:
        return ""
    return reverse("projektudvalg:municipal-news-image", kwargs={"pk": item.pk})


def feed_entry(item) -> FeedEntry:
    """An item as a feed entry; its `feed_areas` and `feed_topics` prefetched (feed_entries)."""
    names = [area.name for area in item.feed_areas]
    targets = [_("Hele kommunen")] if item.whole_municipality else names
    return FeedEntry(
        title=item.title,
        summary=item.summary,
        url=item.get_absolute_url(),
        guid=f"kommunenyhed-{item.pk}@lokalportal.holbaek.dk",
        published_at=item.publish_at,
        author=origin_name(item),
        categories=targets + [topic.name for topic in item.feed_topics],
        image_url=image_url(item),
        image_alt=item.image_alt,
        source="kommunen",
    )


def _names(model, relation: str) -> Prefetch:
    """The names only, ordered: a prefetch, which works on SQLite (the run command) too."""
    return Prefetch(relation, queryset=model.objects.only("name").order_by("name"),
                    to_attr=f"feed_{relation}")  # fmt: skip


def _feed_news(area):
    """The combined feed carries every published item; an area's feed, the area's."""
    return MunicipalNews.objects.published() if area is None else area_municipal_news(area)


def feed_entries(area, size: int) -> list[FeedEntry]:
    """The feeds' entries (lokalfora/news_sources.py): three queries (the items, their areas'
    and their topics' names)."""
    news = (
        _feed_news(area)
        .select_related("origin_forum", "origin_effort")
        .prefetch_related(_names(LocalArea, "areas"), _names(NewsTopic, "topics"))
        .order_by("-publish_at", "-id")
    )
    return [feed_entry(item) for item in news[:size]]


def feed_version(area, size: int) -> tuple:
    """Which items the feed's window holds, and their last publication and save: changes
    when an item is published (or its time comes), edited, archived or deleted."""
    window = _feed_news(area).order_by("-publish_at", "-id")[:size]
    found = window.aggregate(
        count=Count("id"), ids=Sum("id"), published=Max("publish_at"), saved=Max("updated_at")
    )
    return ("municipal", *found.values())
