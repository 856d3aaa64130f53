"""The project's allauth account adapter."""

from allauth.account import app_settings as account_settings
from allauth.account.adapter import DefaultAccountAdapter
from allauth.account.authentication import (
    AUTHENTICATION_METHODS_SESSION_KEY,
    get_authentication_records,
)


class AccountAdapter(DefaultAccountAdapter):
    def login(self, request, user):
        super().login(request, user)
        count_login_as_reauthentication(request, user)


def count_login_as_reauthentication(request, user) -> None:
    """A login just completed is a fresh authentication for ACCOUNT_REAUTHENTICATION_TIMEOUT.

    allauth (since 65.x) asks for the password again before any sensitive step
    (setting up a second factor, among others) unless the session holds a record
    marked "reauthenticated", and a login's own records are not marked. So a new
    staff member, sent straight to set up totrinslogin, had to type the password
    they had typed a moment ago. The login's last step (the password, a code or a
    second factor) counts as that proof, for the same timeout as a reauthentication.
    """
    records = [dict(record) for record in get_authentication_records(request, user)]
    if records and records[-1].get("method") in account_settings.REAUTHENTICATION_METHODS:
        records[-1]["reauthenticated"] = True
        request.session[AUTHENTICATION_METHODS_SESSION_KEY] = records
