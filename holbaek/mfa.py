"""Has this session passed a second factor? Used to hold staff to MFA."""

from enum import Enum

from allauth.account.authentication import get_authentication_records
from allauth.mfa.models import Authenticator


class SecondFactor(Enum):
    PASSED = "passed"  # the session used a second factor, or set one up after logging in
    MISSING = "missing"  # the user has no second factor yet: must set one up
    NOT_USED = "not_used"  # the user has one, but this session never used it


def second_factor_state(request, user) -> SecondFactor:
    """One query: the user's authenticators, compared with the session's login records."""
    created = list(Authenticator.objects.filter(user=user).values_list("created_at", flat=True))
    if not created:
        return SecondFactor.MISSING
    records = get_authentication_records(request, user)
    if any(record.get("method") == "mfa" for record in records):
        return SecondFactor.PASSED
    logged_in_at = min((record["at"] for record in records), default=None)
    if logged_in_at is not None and max(created).timestamp() >= logged_in_at:
        return SecondFactor.PASSED
    return SecondFactor.NOT_USED
