"""A follower's own choices: how often, which kinds of news, which topics.

Reached through the signed link every follow mail carries (lokalfora.follow_tokens);
the address is never in the link.
"""

from django.core.exceptions import ValidationError
from django.db import transaction

from lokalfora.models import CONTENT_KINDS, Frequency, NewsTopic, Subscription

KIND_FIELDS = tuple(field for field, _label in CONTENT_KINDS)


@transaction.atomic
def preferences_save(*, subscription: Subscription, frequency: str, kinds, topics) -> Subscription:
    """Stores the follower's choices for one area: `frequency` (a Frequency), `kinds`
    (the CONTENT_KINDS fields wanted; the others are turned off) and `topics` (active
    NewsTopics; a retired topic the follower had stays, it cannot be chosen anew)."""
    kinds, topics = set(kinds), list(topics)
    if frequency not in Frequency.values:
        raise ValidationError("Unknown frequency.", code="frequency")
    if not kinds <= set(KIND_FIELDS):
        raise ValidationError("Unknown kind of news.", code="kind")
    if any(not topic.active for topic in topics):
        raise ValidationError("A retired topic cannot be chosen.", code="topic")
    subscription = Subscription.objects.select_for_update().get(pk=subscription.pk)
    subscription.frequency = frequency
    for field in KIND_FIELDS:
        setattr(subscription, field, field in kinds)
    subscription.save(update_fields=["frequency", *KIND_FIELDS])
    retired = subscription.topics.filter(active=False)
    subscription.topics.set([*topics, *retired])
    return subscription


@transaction.atomic
def preferences_stop(*, subscription: Subscription) -> None:
    """The follower stops following the area from the preferences page; the row is
    deleted, as an unsubscribe link does (no history of the address is kept)."""
    Subscription.objects.filter(pk=subscription.pk).delete()


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
