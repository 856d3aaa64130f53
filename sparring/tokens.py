"""Signed links for the requester: confirm the address (7 days) and follow the thread.

A token names one request and the address it was sent to; changing either
breaks the signature, and a token for one request never opens another.
"""

import datetime

from django.core import signing

CONFIRM_SALT = "sparring.confirm"
THREAD_SALT = "sparring.thread"
CONFIRM_MAX_AGE = datetime.timedelta(days=7)
THREAD_MAX_AGE = datetime.timedelta(days=365)  # every mail to the requester has a fresh link


class LinkError(Exception):
    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason  # "expired" or "invalid"


def make(request, salt: str) -> str:
    return signing.dumps({"r": request.pk, "e": request.email}, salt=salt, compress=True)


def read(token: str, salt: str, max_age) -> tuple[int, str]:
    """The request id and address in the token, or LinkError."""
    try:
        data = signing.loads(token, salt=salt, max_age=max_age)
        return int(data["r"]), str(data["e"])
    except signing.SignatureExpired as error:
        raise LinkError("expired") from error
    except (signing.BadSignature, KeyError, TypeError, ValueError) as error:
        raise LinkError("invalid") from error
