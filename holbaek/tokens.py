"""Opaque signed tokens for the links the portal mails to an address.

A token names rows by id and carries a keyed hash of the address the link was
sent to, never the address itself: a link sits in access logs, browser history
and mail-scanner reports, and base64 hides nothing. Changing a token breaks its
signature; a token stops working once its row is gone or holds another address.

Each use has its own signing salt (a confirmation token is not an unsubscribe
token) and its own key salt for the address hash.
"""

from django.conf import settings
from django.core import signing
from django.utils.crypto import constant_time_compare, salted_hmac

HASH_LENGTH = 24


class LinkError(Exception):
    """A link that is expired, changed or no longer valid."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason  # "expired" or "invalid"


def address_hash(address: str, *, key_salt: str, secret=None) -> str:
    return salted_hmac(key_salt, address, secret=secret, algorithm="sha256").hexdigest()[
        :HASH_LENGTH
    ]


def make(*, salt: str, key_salt: str, address: str, **ids: int | list[int] | None) -> str:
    """A signed token holding `ids` (row ids only) and the hash of `address`."""
    for value in ids.values():
        for item in value if isinstance(value, list) else [value]:
            if item is not None and not isinstance(item, int):
                raise TypeError("A token holds row ids only, never text.")
    return signing.dumps({**ids, "h": address_hash(address, key_salt=key_salt)}, salt=salt)


def load(token: str, *, salt: str, max_age=None):
    """The signed data in the token, whatever its format, or LinkError.

    For reading a link of an older format; new links are read with `read`.
    """
    try:
        return signing.loads(token, salt=salt, max_age=max_age)
    except signing.SignatureExpired as error:
        raise LinkError("expired") from error
    except signing.BadSignature as error:
        raise LinkError("invalid") from error


def read(token: str, *, salt: str, keys: tuple[str, ...], max_age=None) -> dict:
    """The token's data (`keys` and the address hash "h"), or LinkError.

    A token of an older format (without the keys) is refused as invalid.
    """
    return check(load(token, salt=salt, max_age=max_age), keys=keys)


def check(data, *, keys: tuple[str, ...]) -> dict:
    """`data` if it is a token's data with `keys` and the address hash "h", or LinkError."""
    if not isinstance(data, dict) or not isinstance(data.get("h"), str):
        raise LinkError("invalid")
    if any(key not in data for key in keys):
        raise LinkError("invalid")
    return data


def matches(address: str, hashed: str, *, key_salt: str) -> bool:
    """Whether `hashed` is the address's hash under the secret key or a fallback key.

    The signatures verify with SECRET_KEY_FALLBACKS after a key rotation; so must the
    hashes, or every link mailed before it would open nothing.
    """
    if not address:
        return False
    secrets = [settings.SECRET_KEY, *settings.SECRET_KEY_FALLBACKS]
    return any(
        constant_time_compare(address_hash(address, key_salt=key_salt, secret=key), hashed)
        for key in secrets
    )
