"""Signed links for the requester: confirm the address (7 days) and follow the thread.

A token names one request and carries a keyed hash of the address it was sent
to (never the address itself, which would otherwise sit in access logs and
browser history); changing either breaks the signature, a token for one request
never opens another, and a token stops working once the address is erased.
"""

import datetime

from django.core import signing
from django.utils.crypto import constant_time_compare, salted_hmac

CONFIRM_SALT = "sparring.confirm"
THREAD_SALT = "sparring.thread"
CONFIRM_MAX_AGE = datetime.timedelta(days=7)
THREAD_MAX_AGE = datetime.timedelta(days=365)  # every mail to the requester has a fresh link


class LinkError(Exception):
    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason  # "expired" or "invalid"


def address_hash(email: str) -> str:
    return salted_hmac("sparring.address", email, algorithm="sha256").hexdigest()[:24]


def make(request, salt: str) -> str:
    return signing.dumps({"r": request.pk, "h": address_hash(request.email)}, salt=salt)


def read(token: str, salt: str, max_age) -> tuple[int, str]:
    """The request id and the address hash in the token, or LinkError."""
    try:
        data = signing.loads(token, salt=salt, max_age=max_age)
        return int(data["r"]), str(data["h"])
    except signing.SignatureExpired as error:
        raise LinkError("expired") from error
    except (signing.BadSignature, KeyError, TypeError, ValueError) as error:
        raise LinkError("invalid") from error


def matches(request, hashed: str) -> bool:
    return bool(request.email) and constant_time_compare(address_hash(request.email), hashed)
