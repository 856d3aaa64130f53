"""Newsletters for the tests: followers with topics, contact persons, editors, a draft
saved through the service, and the mails sent."""

from django.core import mail as outbox

from lokalfora.models import ContactPerson, LocalArea, NewsTopic
from lokalfora.services.forums import forum_editor_add
from projektudvalg.models import MunicipalNews, NewsStatus
from projektudvalg.selectors.newsletters import recipients, recipients_digest
from projektudvalg.services.newsletters import newsletter_queue, newsletter_save
from tests.clock import danish
from tests.factories import SubscriptionFactory, make_user


def topic(slug) -> NewsTopic:
    return NewsTopic.objects.get(slug=slug)


def three_areas() -> list[LocalArea]:
    """Tølløse, Jyderup and one more."""
    first = [LocalArea.objects.get(slug=slug) for slug in ("tollose", "jyderup")]
    third = LocalArea.objects.exclude(slug__in=["tollose", "jyderup"]).order_by("name").first()
    return [*first, third]


def follower(email, area, *topics, confirmed=True, **fields):
    subscription = SubscriptionFactory(email=email, area=area, **fields)
    if not confirmed:
        subscription.confirmed_at = None
        subscription.save(update_fields=["confirmed_at"])
    subscription.topics.set(topics)
    return subscription


def contact(email, area, **fields):
    return ContactPerson.objects.create(forum=area.forum, name="Kontakt", email=email, **fields)


def editor(email, area, **fields):
    user = make_user(email, **fields)
    forum_editor_add(forum=area.forum, user=user)
    return user


def draft(*, by=None, areas=(), topics=(), efforts=(), items=(), **data):
    values = {
        "subject": "Nyt fra kommunen",
        "intro": "Her er nyhederne.",
        "whole_municipality": False,
        "to_followers": True,
        "to_contacts": False,
        "to_editors": False,
    }
    return newsletter_save(
        newsletter=None,
        by=by,
        data=values | data,
        areas=areas,
        topics=topics,
        efforts=efforts,
        items=items,
    )


def queue(newsletter, count, by=None, digest=None):
    """Queues the newsletter as a staff member who saw `count` recipients and the list
    whose digest is `digest` (by default the list as it is now)."""
    digest = digest or recipients_digest(recipients(newsletter))
    return newsletter_queue(
        newsletter=newsletter, by=by, expected_count=count, expected_digest=digest
    )


def mails_to(address):
    return [message for message in outbox.outbox if address in message.to]


def published_item(title="Ny cykelsti", **fields):
    values = {
        "summary": "Kommunen bygger en cykelsti.",
        "status": NewsStatus.PUBLISHED,
        "publish_at": danish("2026-12-01 09:00"),
        "whole_municipality": True,
    }
    return MunicipalNews.objects.create(title=title, **(values | fields))
