"""The bench's growth of the sparring requests (holbaek/bench: `make bench`): earlier
years' requests with their messages, every other one closed."""

import datetime

from faelles_skabere.models import (
    Attachment,
    Message,
    Outcome,
    ReferenceCounter,
    SparringRequest,
    Status,
)
from holbaek.bench.copying import copy_children, copy_rows, earlier


def grow(*, copies: int) -> dict[str, int]:
    if copies:
        _grow_sparring(copies)
    return {"sparring": SparringRequest.objects.count()}


def page_values() -> dict[str, str]:
    return {}


def _grow_sparring(copies: int) -> None:
    """Earlier years' requests; every other one is closed, as most old ones would be."""

    def request(item, number):
        earlier(item, number)
        if item.year:
            item.year -= number
        if number % 2 and item.status != Status.UNCONFIRMED:
            item.status, item.outcome = Status.CLOSED, Outcome.ADVISED
            item.closed_at = (item.confirmed_at or item.created_at) + datetime.timedelta(days=14)

    requests = copy_rows(list(SparringRequest.objects.all()), copies=copies, change=request)
    messages = copy_rows(
        list(Message.objects.filter(request_id__in=list(requests))),
        parent=("request_id", requests),
        change=earlier,
    )
    copy_children([Attachment], "message_id", messages)
    numbered = SparringRequest.objects.filter(number__isnull=False)
    for year in set(numbered.values_list("year", flat=True)):
        last = max(numbered.filter(year=year).values_list("number", flat=True))
        ReferenceCounter.objects.update_or_create(year=year, defaults={"last": last})
