"""The subscriptions that a follower's mailed link is for (lokalfora.follow_tokens)."""

import datetime

from django.db.models import Q

from holbaek.tokens import LinkError
from lokalfora import follow_tokens
from lokalfora.models import LocalArea, Subscription


def subscription_for_token(token: str) -> Subscription:
    """The unconfirmed or confirmed subscription the link is for, or LinkError."""
    pk, hashed = follow_tokens.read_confirm_token(
        token, max_age=datetime.timedelta(days=follow_tokens.CONFIRM_DAYS)
    )
    subscription = Subscription.objects.select_related("area").filter(pk=pk).first()
    # Deleted by the clean-up or unsubscribed since.
    if subscription is None or not follow_tokens.is_for(subscription, hashed):
        raise LinkError("expired")
    return subscription


def unsubscription_for_token(token: str) -> tuple[str | None, int | None, LocalArea | None]:
    """The address, area id (None: all areas) and area an unsubscribe link is for.

    The address is None when it follows nothing the link is for (already unsubscribed).
    The address is found through the rows the link names or, once they are gone,
    through the address hash: a "stop all" link works after one area was left.
    """
    ids, area_id, hashed = follow_tokens.read_unsubscribe_token(token)
    named = Subscription.objects.filter(Q(pk__in=ids) | Q(email_hash=hashed)).order_by("pk")
    if area_id is not None:
        named = named.filter(area_id=area_id)
    email = next((s.email for s in named if follow_tokens.is_for(s, hashed)), None)
    area = LocalArea.objects.filter(pk=area_id).first() if area_id else None
    return email, area_id, area
