"""The municipality's news in the follow mails (lokalfora/digest_sections.py): a published
item aimed at an area someone follows, or at the whole municipality, in the mail's window.

Two queries whatever the number of areas: the items of the window, and the areas of those
not for the whole municipality. Each item appears once per mail (`once_key`), under the
first of the follower's areas it is for: a whole-municipality item is told about once,
not under every area the person follows. The follower's "kommunens nyheder om området"
choice (wants_municipal_news) turns it on or off.
"""

from django.db.models import Q
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from lokalfora.digest_sections import (
    DigestLine,
    DigestSection,
    lines_for_areas,
    register_digest_section,
)
from projektudvalg.models import MunicipalNews


def news_url(item) -> str:
    return item.get_absolute_url()


def _line(item) -> DigestLine:
    return DigestLine(
        text=format_lazy(_("{title}: {summary}"), title=item.title, summary=item.summary),
        url=news_url(item),
        once_key=f"municipal-news-{item.pk}",
        at=item.publish_at,
    )


def municipal_news_lines(area_ids, window) -> dict[int, list[DigestLine]]:
    items = list(
        MunicipalNews.objects.published(now=window.now)
        .filter(Q(whole_municipality=True) | Q(areas__in=area_ids), publish_at__gt=window.since)
        .distinct()
        .only("pk", "title", "summary", "publish_at", "whole_municipality")
        .order_by("publish_at", "pk")
    )
    return lines_for_areas(items, area_ids, through=MunicipalNews.areas.through,
                           row_field="municipalnews_id", line=_line)  # fmt: skip


register_digest_section(
    DigestSection(
        key="municipal_news",
        order=5,
        heading=_("Kommunens nyheder"),
        lines=municipal_news_lines,
        queries=2,
        kind="wants_municipal_news",
    )
)
