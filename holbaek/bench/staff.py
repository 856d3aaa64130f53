"""Signed-in staff sessions that passed their second factor, as allauth records one."""

import time
from importlib import import_module

from allauth.account.authentication import AUTHENTICATION_METHODS_SESSION_KEY
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY

from holbaek.models import User

# allauth keeps the records' owner under this key (allauth.account.internal.flows.login).
RECORDS_USER_SESSION_KEY = "account_authentication_methods_user"
SessionStore = import_module(settings.SESSION_ENGINE).SessionStore


def staff_session_key(email: str) -> str:
    """The session key of a staff user with TOTP who logged in with password and TOTP."""
    user = User.objects.get(email=email)
    totp = Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).first()
    if totp is None:
        totp = TOTP.activate(user, generate_totp_secret()).instance
    now = time.time()
    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = "allauth.account.auth_backends.AuthenticationBackend"
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session[AUTHENTICATION_METHODS_SESSION_KEY] = [
        {"method": "password", "at": now, "email": user.email},
        {"method": "mfa", "at": now, "id": totp.pk, "type": "totp"},
    ]
    session[RECORDS_USER_SESSION_KEY] = str(user.pk)
    session.create()
    return session.session_key


def sessions_for(pages) -> dict[str, str]:
    """{e-mail address: session key} for each user the pages are requested as."""
    return {page.user: staff_session_key(page.user) for page in pages if page.user}
