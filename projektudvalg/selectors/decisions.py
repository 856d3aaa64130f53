"""Reads of the committee's public decisions: by area (the area page's "Hvad har udvalget
besluttet om vores område?") and searched by text, area, case type and year.

A public decision is an agenda item whose meeting's minutes are published and which has
an outcome or a decision text; a closed item's decision only when staff marked it
publishable, and then without its title or text (selectors.committee.public_item). A text,
area or case type filter never matches a closed item: its stored search vector is empty,
the substring fallback leaves closed items out, and its areas and case type are as
closed as its text (the area lists leave it out too).
"""

import datetime

from django.contrib.postgres.search import SearchQuery
from django.db import connection
from django.db.models import Q, prefetch_related_objects
from django.utils import timezone

from projektudvalg.models import AgendaItem, CaseType, MeetingStatus
from projektudvalg.selectors.committee import public_item

SEARCH_CONFIG = "danish"
SECTION_SIZE = 5


def public_decisions():
    """Every public decision, newest meeting first and in item order within it."""
    return (
        AgendaItem.objects.filter(meeting__status=MeetingStatus.MINUTES_PUBLISHED)
        .filter(Q(is_closed=False) | Q(closed_decision_public=True))
        .exclude(outcome="", decision_text="")
        .select_related("meeting__committee")
        .defer("search_vector")
        .order_by("-meeting__starts_at", "-meeting_id", "number")
    )


def decisions_about(area):
    """The public decisions tagged with the area (AgendaItem.areas). Only the tags count: an
    item is not about an area just because its meeting was held there. Never a closed
    item: its areas and case type are not public (they could point to one property)."""
    return public_decisions().filter(areas=area, is_closed=False)


def public_items(items) -> list:
    """A page of items as PublicItems; one query for their areas."""
    items = list(items)
    prefetch_related_objects(items, "areas")
    return [public_item(item, with_details=False) for item in items]


def latest_decisions_about(area, *, size: int = SECTION_SIZE) -> list:
    """The area section's newest decisions about the area. 2 queries."""
    return public_items(decisions_about(area)[:size])


def _text_match(items, text: str):
    if connection.vendor == "postgresql":
        query = SearchQuery(text, config=SEARCH_CONFIG, search_type="websearch")
        return items.filter(search_vector=query)
    condition = Q()
    for name in ("title", "recommendation", "description", "decision_text"):
        condition |= Q(**{f"{name}__icontains": text})
    return items.filter(condition, is_closed=False)


def search_decisions(*, text: str = "", area=None, case_type: str = "", year: int | None = None):
    """Public decisions matching every given filter (a closed item never matches a text)."""
    items = public_decisions()
    if text:
        items = _text_match(items, text)
    if area is not None:
        items = items.filter(areas=area, is_closed=False)  # a closed item's areas are not public
    if case_type in CaseType.values:
        items = items.filter(case_type=case_type, is_closed=False)  # nor its case type
    if year is not None:
        local = timezone.get_default_timezone()
        start = datetime.datetime(year, 1, 1, tzinfo=local)
        items = items.filter(
            meeting__starts_at__gte=start,
            meeting__starts_at__lt=start.replace(year=year + 1),
        )
    return items
