"""Writes for the staff-kept list of news topics (the admin's only door)."""

from django.db import transaction

from lokalfora.models import NewsTopic


@transaction.atomic
def topic_save(*, data: dict, topic: NewsTopic | None = None) -> NewsTopic:
    """Creates or updates a topic. Topics are retired (active=False), never deleted: old
    news, newsletters and followers' choices keep them."""
    topic = topic or NewsTopic()
    for field, value in data.items():
        setattr(topic, field, value)
    topic.full_clean()
    topic.save()
    return topic
