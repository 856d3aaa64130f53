"""A scheduled item appears at its time without a write: the page cache is told then.

Every page, list, feed and screen asks `MunicipalNews.objects.published()` with the time of
the request, so an item shows the moment its `publish_at` passes; only pages the page
cache stored before would still lack it (until the next write or the next day). Every
5 minutes this task tells the page cache about the items whose time came in the last
WINDOW (overlapping runs tell twice, which costs one extra render).
"""

import datetime

from django.tasks import task
from django.utils import timezone

from holbaek.pagecache.models import row_changed
from holbaek.schedule import Recurring, ensure_scheduled, every
from projektudvalg.models import MunicipalNews

WINDOW = datetime.timedelta(minutes=10)


def due_news_announce(*, now=None) -> int:
    """Tells the page cache about each item that came due in the last WINDOW."""
    now = now or timezone.now()
    due = MunicipalNews.objects.published(now).filter(publish_at__gt=now - WINDOW)
    items = list(due.prefetch_related("areas"))
    for item in items:
        row_changed(item)
    return len(items)


@task()
def announce_due_news() -> int:
    try:
        return due_news_announce()
    finally:
        ensure_scheduled()


RECURRING = [Recurring(announce_due_news, every(5), "Planlagte kommunale nyheder vises")]
