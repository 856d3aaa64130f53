"""The links mailed to followers: confirm a subscription, unsubscribe from one area or all.

Opaque tokens (holbaek.tokens): they name subscription rows by id and carry a
keyed hash of the address, never the address itself, so no access log or
browser history holds who follows what. Unsubscribe tokens never expire.

A "manage" token opens the address's preferences page (how often, which kinds, which
topics). Like an unsubscribe link it sits in every mail and never expires; it opens
nothing once the address follows nothing any more (its rows are gone) and, after a key
rotation, once SECRET_KEY_FALLBACKS no longer holds the key it was signed with.

Links mailed before the tokens became opaque held the address itself
({"e": address, "a": area id or None for all areas}, same signing salt). They
were promised never to expire and sit in every digest already sent, so an
unsubscribe link of that format is still read (never issued). An old
confirmation link is refused: it expired within CONFIRM_DAYS of being sent.
"""

from holbaek import tokens
from lokalfora.models import Subscription

CONFIRM_DAYS = 7  # how long a confirmation link works; unconfirmed rows are deleted after
CONFIRM_SALT = "lokalfora.subscription.confirm"
UNSUBSCRIBE_SALT = "lokalfora.subscription.unsubscribe"
MANAGE_SALT = "lokalfora.subscription.manage"
KEY_SALT = "lokalfora.subscription.address"


def address_hash(address: str) -> str:
    """The keyed hash of the address that the tokens carry and `Subscription.email_hash` holds."""
    return tokens.address_hash(address, key_salt=KEY_SALT)


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
    data = tokens.load(token, salt=UNSUBSCRIBE_SALT)
    if _is_old_format(data):  # signed, so genuine: unsubscribe the address it names
        ids, area_id, hashed = [], data["a"], address_hash(data["e"].lower())
    else:
        data = tokens.check(data, keys=("s", "a"))
        ids, area_id, hashed = data["s"], data["a"], data["h"]
        if not (isinstance(ids, list) and ids and all(isinstance(pk, int) for pk in ids)):
            raise tokens.LinkError("invalid")
    if area_id is not None and not isinstance(area_id, int):
        raise tokens.LinkError("invalid")
    return ids, area_id, hashed


def manage_token(subscriptions) -> str:
    """A token for the preferences page of the address of `subscriptions` (all of one
    address): it names them, and finds the address by its hash once they are gone."""
    subscriptions = list(subscriptions)
    return tokens.make(
        salt=MANAGE_SALT,
        key_salt=KEY_SALT,
        address=subscriptions[0].email,
        s=[subscription.pk for subscription in subscriptions],
    )


def read_manage_token(token: str) -> tuple[list[int], str]:
    """The subscription ids and the address hash in a manage token, or LinkError."""
    data = tokens.read(token, salt=MANAGE_SALT, keys=("s",))
    ids = data["s"]
    if not (isinstance(ids, list) and ids and all(isinstance(pk, int) for pk in ids)):
        raise tokens.LinkError("invalid")
    return ids, data["h"]


def _is_old_format(data) -> bool:
    return (
        isinstance(data, dict)
        and data.keys() == {"e", "a"}
        and isinstance(data["e"], str)
        and bool(data["e"])
    )


def is_for(subscription: Subscription, hashed: str) -> bool:
    """Whether the token's address hash is that of the subscription's address."""
    return tokens.matches(subscription.email, hashed, key_salt=KEY_SALT)
