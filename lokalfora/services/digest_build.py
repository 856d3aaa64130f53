"""What the weekly digest and the immediate mails share: the follower's mail, area by area,
with only the kinds each subscription wants, and the sending in batches that records only
the mails that went.

The content is read once a run for all areas (`DigestContent`: forum news, events and the
registered sections' lines, lokalfora/digest_sections.py); each mail picks from it. The
immediate mails pass each subscription's own `since`, so a mail holds only what is newer
than that subscription's last mail.
"""

from collections import defaultdict
from dataclasses import dataclass

from django.utils.translation import gettext_lazy

from holbaek import mail
from holbaek.links import absolute_url
from lokalfora.digest_sections import area_extras
from lokalfora.mailing import follower_message
from lokalfora.models import Subscription

BATCH_SIZE = 100


@dataclass(frozen=True)
class DigestContent:
    news: dict  # area id -> [NewsPost]
    events: dict  # area id -> [Event]
    extras: list  # [(DigestSection, {area id: [DigestLine]})]


def by_area(rows) -> dict:
    """Forum news or events by their forum's area id (rows with forum__area loaded)."""
    grouped = defaultdict(list)
    for row in rows:
        grouped[row.forum.area_id].append(row)
    return grouped


def _area_section(subscription, content: DigestContent, seen: set, since, immediate) -> dict:
    """With `since`, only what is new after it; the weekly mail (not `immediate`) keeps its
    coming events and undated lines (a coming milestone) whenever they were announced."""
    area = subscription.area
    news = content.news.get(area.pk, []) if subscription.wants_forum_news else []
    events = content.events.get(area.pk, []) if subscription.wants_events else []
    if since is not None:
        news = [post for post in news if post.published_at > since]
    if since is not None and immediate:
        events = [event for event in events if event.created_at > since]
    extras = area_extras(
        area.pk, content.extras, seen, subscription, since, keep_undated=not immediate
    )
    return {
        "area": area,
        "url": absolute_url(area.get_absolute_url()),
        "news": [(post, absolute_url(post.get_absolute_url())) for post in news],
        "events": [(event, absolute_url(event.get_absolute_url())) for event in events],
        "extras": [
            {
                "heading": extra["heading"],
                "lines": [(line.text, absolute_url(line.url)) for line in extra["lines"]],
            }
            for extra in extras
        ],
    }


def follower_digest(subscriptions, content: DigestContent, *, since_of=None, immediate=False):
    """The address's mail, or None when its areas have nothing new for it. A registered
    section's line meant once per mail comes under the first area it belongs to.
    `since_of(subscription)`: only what happened after it (the subscription's last mail)."""
    seen = set()
    sections = []
    for subscription in subscriptions:
        since = since_of(subscription) if since_of else None
        section = _area_section(subscription, content, seen, since, immediate)
        if section["news"] or section["events"] or section["extras"]:
            sections.append(section)
    if not sections:
        return None
    return follower_message(
        subscriptions=subscriptions,
        subject=gettext_lazy("Nyt fra %(areas)s"),
        subject_params={"areas": ", ".join(section["area"].name for section in sections)},
        template="lokalfora/email/weekly_digest.txt",
        context={"sections": sections, "immediate": immediate},
    )


def send_in_batches(outgoing, now) -> int:
    """Sent in batches, each marked as sent right after, and only the mails that went:
    a refused address or a failing server part-way means the next run sends just
    those again. `outgoing`: [(message, subscription ids)]."""
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
