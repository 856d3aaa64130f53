"""The one-click unsubscribe links of newsletters.

Opaque signed tokens (holbaek.tokens): what to end (a follower's area, a topic, or the
newsletters a contact person or editor gets about an area) and the keyed hash of the
address, never the address. They never expire, and they do not name the send log's row,
whose address the retention task blanks: the address is found again from the hash
(lokalfora's address hash, which Subscription.email_hash holds).
"""

from django.core import signing

from holbaek import tokens
from lokalfora import follow_tokens

SALT = "projektudvalg.newsletter.unsubscribe"
# What a link ends ("k" in the token).
AREA, TOPIC, CONTACT, EDITOR = 0, 1, 2, 3
KINDS = (AREA, TOPIC, CONTACT, EDITOR)


def make(*, email: str, kind: int, pk: int) -> str:
    """A token ending `kind` for the area (or topic) `pk` of the address."""
    if kind not in KINDS:
        raise ValueError(kind)
    return tokens.make(salt=SALT, key_salt=follow_tokens.KEY_SALT, address=email, k=kind, p=pk)


def read(token: str) -> tuple[int, int, str]:
    """(kind, area or topic id, address hash), or LinkError."""
    data = tokens.read(token, salt=SALT, keys=("k", "p"))
    kind, pk = data["k"], data["p"]
    if kind not in KINDS or not isinstance(pk, int) or isinstance(pk, bool):
        raise tokens.LinkError("invalid")
    return kind, pk, data["h"]


def matches(email: str, hashed: str) -> bool:
    """Whether the hash is the address's (under the secret key or a fallback)."""
    return tokens.matches(email, hashed, key_salt=follow_tokens.KEY_SALT)


def signed_with_current_key(token: str) -> bool:
    """Whether the (valid) token was made with SECRET_KEY, not a fallback key: its address
    hash is then the one Subscription.email_hash holds (made at the same moment)."""
    try:
        signing.loads(token, salt=SALT, fallback_keys=[])
    except signing.BadSignature:
        return False
    return True
