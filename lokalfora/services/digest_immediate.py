"""The mails to followers who chose "med det samme": soon after something new is published
for an area they follow, one mail per address with what is new since that subscription's
last follow mail (or, for a new one, since it was confirmed).

Run every quarter of an hour (lokalfora/tasks.py). The content is the weekly digest's
(services/digest_build.py), read once a run from the earliest "since" of the due
subscriptions, and each mail picks the lines newer than its own subscription's; a line
without a time (a coming milestone) is for the weekly mail only. Forum news counts from
its publication, an event from when it was announced (created) if it is still to come.

A run reads what was published up to MARGIN before its "now" (the bound), and
`last_digest_at` is set to that same bound, only for the mails that went: an item committed
while a run was reading (its time a moment before the run's "now") goes with the next run,
a run repeated or restarted sends nothing twice, and a mail the server refused goes with
the next run.
A subscription unmailed for long looks back at most LOOKBACK (the weekly mail's window).
Fixed queries: three reads, the registered sections' own, and one update per batch.
"""

import datetime
from collections import defaultdict

from django.core.cache import cache
from django.utils import timezone

from lokalfora.digest_sections import DigestWindow, lines_by_section
from lokalfora.models import Event, Frequency, NewsPost, Subscription
from lokalfora.services.digest import EVENT_WINDOW, NEWS_WINDOW
from lokalfora.services.digest_build import DigestContent, by_area, follower_digest, send_in_batches

LOOKBACK = NEWS_WINDOW
MARGIN = datetime.timedelta(minutes=2)  # longer than a publishing transaction takes
LOCK_KEY = "lokalfora:immediate-digest:running"
LOCK_SECONDS = 900


def immediate_digest_send(*, now: datetime.datetime | None = None) -> int:
    """Mails every "immediately" follower with something new. Returns mails sent.
    One run at a time (a lock in the shared cache, which expires if a run dies)."""
    if not cache.add(LOCK_KEY, "1", timeout=LOCK_SECONDS):
        return 0
    try:
        return _send(now or timezone.now())
    finally:
        cache.delete(LOCK_KEY)


def since(subscription, now) -> datetime.datetime:
    """What is newer than this is new to the subscription."""
    last = subscription.last_digest_at or subscription.confirmed_at
    return max(last, now - LOOKBACK)


def _due() -> dict[str, list[Subscription]]:
    subscriptions_by_email = defaultdict(list)
    for subscription in (
        Subscription.objects.confirmed()
        .filter(frequency=Frequency.IMMEDIATELY)
        .select_related("area")
        .order_by("email", "area__name")
    ):
        subscriptions_by_email[subscription.email].append(subscription)
    return subscriptions_by_email


def _content(area_ids, start, bound, now) -> DigestContent:
    """Everything published for the areas after `start` up to `bound` (two reads and the
    sections')."""
    news = NewsPost.objects.filter(
        forum__area_id__in=area_ids, published_at__gt=start, published_at__lte=bound
    ).select_related("forum__area")
    events = (
        Event.objects.filter(
            forum__area_id__in=area_ids,
            created_at__gt=start,
            created_at__lte=bound,
            ends_at__gte=now,
            cancelled=False,
        )
        .select_related("forum__area")
        .order_by("starts_at", "id")
    )
    window = DigestWindow(now=bound, since=start, until=now + EVENT_WINDOW)
    return DigestContent(
        news=by_area(news), events=by_area(events), extras=lines_by_section(area_ids, window)
    )


def _send(now) -> int:
    subscriptions_by_email = _due()
    every = [s for subscriptions in subscriptions_by_email.values() for s in subscriptions]
    if not every:
        return 0
    bound = now - MARGIN
    start = min(since(subscription, bound) for subscription in every)
    content = _content({s.area_id for s in every}, start, bound, now)
    outgoing = []
    for subscriptions in subscriptions_by_email.values():
        message = follower_digest(
            subscriptions, content, since_of=lambda s: since(s, bound), immediate=True
        )
        if message is not None:
            outgoing.append((message, [subscription.pk for subscription in subscriptions]))
    return send_in_batches(outgoing, bound)
