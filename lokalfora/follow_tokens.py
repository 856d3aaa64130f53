"""The links mailed to followers: confirm a subscription, unsubscribe from one area or all.

Opaque tokens (holbaek.tokens): they name subscription rows by id and carry a
keyed hash of the address, never the address itself, so no access log or
browser history holds who follows what. Unsubscribe tokens never expire.
"""

from holbaek import tokens
from lokalfora.models import Subscription

CONFIRM_SALT = "lokalfora.subscription.confirm"
UNSUBSCRIBE_SALT = "lokalfora.subscription.unsubscribe"
KEY_SALT = "lokalfora.subscription.address"


def confirm_token(subscription: Subscription) -> str:
    return tokens.make(
        salt=CONFIRM_SALT, key_salt=KEY_SALT, address=subscription.email, s=subscription.pk
    )


def read_confirm_token(token: str, *, max_age) -> tuple[int, str]:
    """The subscription id and address hash in a confirmation token, or LinkError."""
    data = tokens.read(token, salt=CONFIRM_SALT, keys=("s",), max_age=max_age)
    if not isinstance(data["s"], int):
        raise tokens.LinkError("invalid")
    return data["s"], data["h"]


def unsubscribe_token(subscriptions, *, everything: bool) -> str:
    """A token to unsubscribe the address of `subscriptions` (all of one address).

    With `everything` it ends all of the address's subscriptions; otherwise
    `subscriptions` is the one subscription to end.
    """
    subscriptions = list(subscriptions)
    if not everything and len(subscriptions) != 1:
        raise ValueError("An unsubscribe link for one area names one subscription.")
    return tokens.make(
        salt=UNSUBSCRIBE_SALT,
        key_salt=KEY_SALT,
        address=subscriptions[0].email,
        s=[subscription.pk for subscription in subscriptions],
        a=None if everything else subscriptions[0].area_id,
    )


def read_unsubscribe_token(token: str) -> tuple[list[int], int | None, str]:
    """The subscription ids, the area id (None: all areas) and the address hash, or LinkError."""
    data = tokens.read(token, salt=UNSUBSCRIBE_SALT, keys=("s", "a"))
    ids, area_id = data["s"], data["a"]
    if not (isinstance(ids, list) and ids and all(isinstance(pk, int) for pk in ids)):
        raise tokens.LinkError("invalid")
    if area_id is not None and not isinstance(area_id, int):
        raise tokens.LinkError("invalid")
    return ids, area_id, data["h"]


def is_for(subscription: Subscription, hashed: str) -> bool:
    """Whether the token's address hash is that of the subscription's address."""
    return tokens.matches(subscription.email, hashed, key_salt=KEY_SALT)
