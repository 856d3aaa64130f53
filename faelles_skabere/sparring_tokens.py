"""Signed links for the requester: confirm the address (7 days) and follow the thread.

A token names one request and carries a keyed hash of the address it was sent
to (holbaek.tokens: never the address itself); changing either breaks the
signature, a token for one request never opens another, and a token stops
working once the address is erased.
"""

import datetime

from holbaek import tokens
from holbaek.tokens import LinkError

__all__ = ["LinkError", "address_hash", "make", "matches", "read"]

CONFIRM_SALT = "sparring.confirm"
THREAD_SALT = "sparring.thread"
KEY_SALT = "sparring.address"
CONFIRM_MAX_AGE = datetime.timedelta(days=7)
THREAD_MAX_AGE = datetime.timedelta(days=365)  # every mail to the requester has a fresh link


def address_hash(email: str) -> str:
    return tokens.address_hash(email, key_salt=KEY_SALT)


def make(request, salt: str) -> str:
    return tokens.make(salt=salt, key_salt=KEY_SALT, address=request.email, r=request.pk)


def read(token: str, salt: str, max_age) -> tuple[int, str]:
    """The request id and the address hash in the token, or LinkError."""
    data = tokens.read(token, salt=salt, keys=("r",), max_age=max_age)
    try:
        return int(data["r"]), data["h"]
    except (TypeError, ValueError) as error:
        raise LinkError("invalid") from error


def matches(request, hashed: str) -> bool:
    return tokens.matches(request.email, hashed, key_salt=KEY_SALT)
