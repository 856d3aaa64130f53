"""The weekly e-mail to everyone who follows an area: new news and coming events.

One mail per address, covering every area it follows. It is built from three
queries whatever the number of followers, plus the fixed queries of the sections other
apps register (lokalfora/digest_sections.py: the committee's decisions, special efforts),
and a run that is repeated within MIN_INTERVAL sends nothing twice.

Not one transaction: each batch of mails is marked as sent right after it went, so a
run that fails part-way has recorded what was sent and the next run sends the rest.
"""

import datetime
from collections import defaultdict

from django.core.cache import cache
from django.utils import timezone
from django.utils.translation import gettext_lazy

from holbaek import mail
from holbaek.links import absolute_url
from lokalfora.digest_sections import DigestWindow, area_extras, lines_by_section
from lokalfora.mailing import follower_message
from lokalfora.models import Event, NewsPost, Subscription

NEWS_WINDOW = datetime.timedelta(days=7)
EVENT_WINDOW = datetime.timedelta(days=14)
MIN_INTERVAL = datetime.timedelta(days=6)
BATCH_SIZE = 100
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
    extras = lines_by_section(area_ids, window)
    outgoing = []
    for subscriptions in subscriptions_by_email.values():
        message = _digest_message(subscriptions, news, events, extras)
        if message is not None:
            outgoing.append((message, [subscription.pk for subscription in subscriptions]))
    return _send_in_batches(outgoing, now)


def _due(now) -> dict[str, list[Subscription]]:
    """Each confirmed address not sent a digest for 6 days, with its subscriptions."""
    due = (
        Subscription.objects.confirmed()
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
    news = defaultdict(list)
    for post in NewsPost.objects.filter(
        forum__area_id__in=area_ids,
        published_at__gt=now - NEWS_WINDOW,
        published_at__lte=now,  # as published() does, at this run's "now"
    ).select_related("forum__area"):
        news[post.forum.area_id].append(post)
    events = defaultdict(list)
    for event in (
        Event.objects.filter(forum__area_id__in=area_ids)
        .between(now, now + EVENT_WINDOW)
        .select_related("forum__area")
        .order_by("starts_at")
    ):
        events[event.forum.area_id].append(event)
    return news, events


def _area_section(area, news, events, extras, seen):
    return {
        "area": area,
        "url": absolute_url(area.get_absolute_url()),
        "news": [(post, absolute_url(post.get_absolute_url())) for post in news[area.pk]],
        "events": [(e, absolute_url(e.get_absolute_url())) for e in events[area.pk]],
        "extras": [
            {
                "heading": extra["heading"],
                "lines": [(line.text, absolute_url(line.url)) for line in extra["lines"]],
            }
            for extra in area_extras(area.pk, extras, seen)
        ],
    }


def _digest_message(subscriptions, news, events, extras=()):
    """The address's digest, or None when its areas have nothing new. A registered
    section's line meant once per mail comes under the first area it belongs to."""
    seen = set()
    sections = [
        section
        for section in (
            _area_section(subscription.area, news, events, extras, seen)
            for subscription in subscriptions
        )
        if section["news"] or section["events"] or section["extras"]
    ]
    if not sections:
        return None
    return follower_message(
        subscriptions=subscriptions,
        subject=gettext_lazy("Nyt fra %(areas)s"),
        subject_params={"areas": ", ".join(section["area"].name for section in sections)},
        template="lokalfora/email/weekly_digest.txt",
        context={"sections": sections},
    )


def _send_in_batches(outgoing, now) -> int:
    """Sent in batches, each marked as sent right after, and only the mails that went:
    a refused address or a failing server part-way means the next run sends just
    those again."""
    sent_count = 0
    for start in range(0, len(outgoing), BATCH_SIZE):
        batch = outgoing[start : start + BATCH_SIZE]
        sent = mail.send_each([message for message, _ids in batch])
        sent_ids = [
            pk for (_message, ids), went in zip(batch, sent, strict=True) if went for pk in ids
        ]
        Subscription.objects.filter(pk__in=sent_ids).update(last_digest_at=now)
        sent_count += sum(sent)
    return sent_count
