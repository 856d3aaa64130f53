"""The committee's agenda items and the hearings they decide on (AgendaLink rows)."""

import datetime

from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from lokalfora.models import PUBLIC_STATUSES, Hearing, HearingStatus
from projektudvalg.models import AgendaItem, AgendaLink

# The item form offers the hearings of the last two years (and any coming ones).
CHOICE_YEARS = 2


def hearing_choices():
    since = timezone.now() - datetime.timedelta(days=365 * CHOICE_YEARS)
    return (
        Hearing.objects.filter(status__in=PUBLIC_STATUSES, deadline__gte=since)
        .exclude(status=HearingStatus.WITHDRAWN)
        .order_by("-deadline")
    )


def _hearing_type():
    return ContentType.objects.get_for_model(Hearing)


def linked_hearing_ids(item: AgendaItem) -> list[int]:
    return list(
        AgendaLink.objects.filter(item=item, content_type=_hearing_type()).values_list(
            "object_id", flat=True
        )
    )


def items_deciding(hearing) -> list[AgendaItem]:
    """The items linked to the hearing whose text the public may see, oldest first:
    one query (the content type is cached by Django)."""
    items = (
        AgendaItem.objects.filter(links__content_type=_hearing_type(), links__object_id=hearing.pk)
        .select_related("meeting__committee")
        .order_by("meeting__starts_at", "number")
    )
    return [item for item in items if item.text_is_public]


def hearings_of_items(item_ids) -> dict[int, list[Hearing]]:
    """The public hearings each item decides on, by item id: two queries."""
    links = list(
        AgendaLink.objects.filter(item_id__in=item_ids, content_type=_hearing_type()).values_list(
            "item_id", "object_id"
        )
    )
    found = Hearing.objects.public().in_bulk({object_id for _item_id, object_id in links})
    by_item = {}
    for item_id, object_id in links:
        if object_id in found:
            by_item.setdefault(item_id, []).append(found[object_id])
    return by_item
