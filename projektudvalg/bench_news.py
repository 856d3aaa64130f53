"""The bench's municipal news (holbaek/bench: `make bench`): the demo's items, or, when the
demo has none, a base of one item for the whole municipality and one for each area, then
each item again in earlier weeks and years with its areas and topics (bulk_create)."""

import datetime

from django.utils import timezone

from holbaek.bench.copying import copy_rows, shift_dates
from lokalfora.models import LocalArea, NewsTopic
from projektudvalg.models import MunicipalNews, NewsStatus

EVERY = datetime.timedelta(days=9)  # each copy this much older than the one before


def _base() -> None:
    """One published item for the whole municipality and one per area, this week."""
    now = timezone.now()
    topics = list(NewsTopic.objects.all())
    whole = MunicipalNews.objects.create(
        title="Nyt fra Holbæk Kommune", summary="Kommunens nyheder til alle 18 lokalområder.",
        body="Udvalget har besluttet **nye regler**.", whole_municipality=True,
        status=NewsStatus.PUBLISHED, publish_at=now - datetime.timedelta(hours=1),
    )  # fmt: skip
    whole.topics.set(topics[:2])
    for number, area in enumerate(LocalArea.objects.order_by("name"), start=1):
        item = MunicipalNews.objects.create(
            title=f"Trafik og stier i {area.name}", summary=f"Kommunens nyt til {area.name}.",
            easy_read="Kommunen laver en ny sti.", status=NewsStatus.PUBLISHED,
            publish_at=now - datetime.timedelta(hours=number + 1),
        )  # fmt: skip
        item.areas.set([area])
        item.topics.set(topics[-2:])


def grow_municipal_news(copies: int) -> int:
    if not MunicipalNews.objects.exists():
        _base()

    def news(item, number):
        shift_dates(item, -EVERY * number)
        item.title = f"{item.title} ({number + 1})"[:150]

    originals = list(MunicipalNews.objects.all())
    variants = copy_rows(originals, copies=copies, change=news)
    for relation, column in ((MunicipalNews.areas, "localarea_id"),
                             (MunicipalNews.topics, "newstopic_id")):  # fmt: skip
        through = relation.through
        rows = through.objects.filter(municipalnews_id__in=list(variants)).values_list(
            "municipalnews_id", column
        )
        through.objects.bulk_create(
            through(**{"municipalnews_id": copy, column: value})
            for original, value in rows
            for copy in variants[original]
        )
    return MunicipalNews.objects.count()


def newest_published_id() -> str:
    """{municipal_news}: the newest published item's id (0, a 404, if there is none)."""
    newest = MunicipalNews.objects.published().first()
    return str(newest.pk if newest else 0)
