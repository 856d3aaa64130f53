"""A follower's own choices: how often, which kinds of news, which topics.

Reached through the signed link every follow mail carries (lokalfora.follow_tokens);
the address is never in the link.
"""

from django.db import transaction

from lokalfora.models import CONTENT_KINDS, NewsTopic, Subscription

KIND_FIELDS = tuple(field for field, _label in CONTENT_KINDS)


@transaction.atomic
def topic_drop(*, email: str, topic: NewsTopic) -> int:
    """Takes the topic off every subscription of the address (a newsletter's one-click
    unsubscribe from a topic). Idempotent; returns how many subscriptions had it."""
    through = Subscription.topics.through
    count, _by_model = through.objects.filter(
        subscription__email=email.strip().lower(), newstopic=topic
    ).delete()
    return count


@transaction.atomic
def subscription_end(*, email: str, area) -> int:
    """Deletes the address's subscription to the one area (a newsletter's one-click
    unsubscribe from an area); its other areas stay. Idempotent; returns 0 or 1."""
    _total, by_model = Subscription.objects.filter(email=email.strip().lower(), area=area).delete()
    return by_model.get(Subscription._meta.label, 0)
