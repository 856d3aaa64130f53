"""What a follower's preferences link opens (lokalfora.follow_tokens.manage_token)."""

from django.db.models import Q

from lokalfora import follow_tokens
from lokalfora.models import Subscription


def address_for_manage_token(token: str) -> str | None:
    """The address the link is for, or None once it follows nothing; LinkError if the link
    is not one of ours. The address is found through the rows the link names or, once they
    are gone, through the address hash (an area followed since is on the page too)."""
    ids, hashed = follow_tokens.read_manage_token(token)
    named = Subscription.objects.filter(Q(pk__in=ids) | Q(email_hash=hashed)).order_by("pk")
    return next((s.email for s in named if follow_tokens.is_for(s, hashed)), None)


def subscriptions_of(email: str) -> list[Subscription]:
    """The address's confirmed subscriptions with their areas and topics (two queries)."""
    return list(
        Subscription.objects.confirmed()
        .filter(email=email)
        .select_related("area")
        .prefetch_related("topics")
        .order_by("area__name")
    )
