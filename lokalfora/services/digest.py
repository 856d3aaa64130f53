"""The weekly e-mail to everyone who follows an area weekly: new news and coming events.

One mail per address, covering every area it follows. It is built from three
queries whatever the number of followers, plus the fixed queries of the sections other
apps register (lokalfora/digest_sections.py: the committee's decisions, special efforts),
and a run that is repeated within MIN_INTERVAL sends nothing twice. Each subscription's
news count from its last follow mail (at most NEWS_WINDOW back): a follower who switched
from "med det samme" to weekly gets nothing twice. Each area's part holds
only the kinds its subscription wants (services/digest_build.py, shared with the immediate
mails of services/digest_immediate.py); an address choosing "off" gets none of these mails.

Not one transaction: each batch of mails is marked as sent right after it went, so a
run that fails part-way has recorded what was sent and the next run sends the rest.
"""

import datetime
from collections import defaultdict

from django.core.cache import cache
from django.utils import timezone

from lokalfora.digest_sections import DigestWindow, lines_by_section
from lokalfora.models import Event, Frequency, NewsPost, Subscription
from lokalfora.services.digest_build import DigestContent, by_area, follower_digest, send_in_batches

NEWS_WINDOW = datetime.timedelta(days=7)
EVENT_WINDOW = datetime.timedelta(days=14)
MIN_INTERVAL = datetime.timedelta(days=6)
LOCK_KEY = "lokalfora:weekly-digest:running"
LOCK_SECONDS = 3600


def weekly_digest_send(*, now: datetime.datetime | None = None) -> int:
    """Sends the digest to every confirmed follower with something to read. Returns mails sent.

    One run at a time: a run started while another is sending (say, by hand while
    the worker runs the queued one) sends nothing. The lock lives in the shared
    cache (Redis in production) and expires by itself if a run dies.
    """
    if not cache.add(LOCK_KEY, "1", timeout=LOCK_SECONDS):
        return 0
    try:
        return _send(now or timezone.now())
    finally:
        cache.delete(LOCK_KEY)


def _send(now) -> int:
    subscriptions_by_email = _due(now)
    area_ids = {s.area_id for subs in subscriptions_by_email.values() for s in subs}
    if not area_ids:
        return 0
    news, events = _news_and_events(area_ids, now)
    window = DigestWindow(now=now, since=now - NEWS_WINDOW, until=now + EVENT_WINDOW)
    content = DigestContent(news=news, events=events, extras=lines_by_section(area_ids, window))
    outgoing = []
    for subscriptions in subscriptions_by_email.values():
        message = follower_digest(subscriptions, content, since_of=lambda s: since(s, now))
        if message is not None:
            outgoing.append((message, [subscription.pk for subscription in subscriptions]))
    return send_in_batches(outgoing, now)


def since(subscription, now) -> datetime.datetime:
    """What the subscription's weekly mail counts as new: since its last follow mail (weekly
    or immediate, so a follower who switched gets nothing twice), at most NEWS_WINDOW back
    (a new follower's first mail has the last week's news)."""
    last = subscription.last_digest_at
    return max(last, now - NEWS_WINDOW) if last else now - NEWS_WINDOW


def _due(now) -> dict[str, list[Subscription]]:
    """Each confirmed address not sent a digest for 6 days, with its weekly subscriptions
    (an "immediately" one is mailed by services/digest_immediate.py, an "off" one never)."""
    due = (
        Subscription.objects.confirmed()
        .filter(frequency=Frequency.WEEKLY)
        .exclude(last_digest_at__gt=now - MIN_INTERVAL)
        .select_related("area")
        .order_by("email", "area__name")
    )
    subscriptions_by_email = defaultdict(list)
    for subscription in due:
        subscriptions_by_email[subscription.email].append(subscription)
    return subscriptions_by_email


def _news_and_events(area_ids, now) -> tuple[dict, dict]:
    """The last 7 days' news and the next 14 days' events, by area id (two queries)."""
    news = NewsPost.objects.filter(
        forum__area_id__in=area_ids,
        published_at__gt=now - NEWS_WINDOW,
        published_at__lte=now,  # as published() does, at this run's "now"
    ).select_related("forum__area")
    events = (
        Event.objects.filter(forum__area_id__in=area_ids)
        .between(now, now + EVENT_WINDOW)
        .select_related("forum__area")
        .order_by("starts_at")
    )
    return by_area(news), by_area(events)
