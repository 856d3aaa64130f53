"""Reads for the public area pages. Each runs a fixed number of queries."""

from django.db.models import OuterRef, Subquery
from django.utils import timezone

from holbaek.text import danish_slugify
from lokalfora.models import Event, LocalArea


def area_list():
    """The 18 areas with forum, population and next event, in two queries."""
    upcoming = Event.objects.filter(forum__area=OuterRef("pk"), ends_at__gte=timezone.now())
    upcoming = upcoming.order_by("starts_at", "id")
    return list(
        LocalArea.objects.with_public_details().annotate(
            next_event_id=Subquery(upcoming.values("id")[:1]),
            next_event_title=Subquery(upcoming.values("title")[:1]),
            next_event_starts_at=Subquery(upcoming.values("starts_at")[:1]),
        )
    )


def area_by_slug_or_alias(slug: str):
    """The area with this slug; or (None, area) when the slug is one of its aliases."""
    area = LocalArea.objects.with_public_details().filter(slug=slug).first()
    if area is not None:
        return area, None
    for candidate in LocalArea.objects.only("slug", "aliases", "name"):
        if slug in {danish_slugify(alias) for alias in candidate.aliases}:
            return None, candidate
    return None, None


def search_areas(query: str):
    """Areas whose name, other names, main town or villages contain the query.

    There are only 18 areas, so they are matched in Python: one query, and
    every village name in the reference data is found, whichever database.
    """
    needle = query.casefold().strip()
    if not needle:
        return []
    return [
        area
        for area in LocalArea.objects.with_public_details()
        if any(
            needle in text.casefold()
            for text in [area.name, area.main_town, *area.aliases, *area.localities]
        )
    ]
