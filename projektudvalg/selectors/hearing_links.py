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
