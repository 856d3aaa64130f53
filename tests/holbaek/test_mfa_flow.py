"""A staff member sets up TOTP, and from then on logs in with a code."""

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import (
    SECRET_SESSION_KEY,
    format_hotp_value,
    hotp_value,
    yield_hotp_counters_from_time,
)

from holbaek import roles
from tests.conftest import make_user

pytestmark = pytest.mark.django_db
PASSWORD = "pw-for-tests-only"


def current_code(secret, offset=0):
    counters = list(yield_hotp_counters_from_time())
    middle = counters[len(counters) // 2]
    return format_hotp_value(hotp_value(secret, middle + offset))


def test_staff_set_up_totp_and_then_need_a_code_to_log_in(client, settings):
    settings.MFA_TOTP_TOLERANCE = 1
    user = make_user("fs@example.org", role=roles.CO_CREATOR)
    response = client.post("/konto/login/", {"login": user.email, "password": PASSWORD})
    assert response.status_code == 302
    assert client.get("/konto/").url == "/konto/2fa/"

    # Setting up a second factor asks for the password once more.
    response = client.get("/konto/2fa/totp/activate/")
    assert response.url.startswith("/konto/reauthenticate/")
    client.post("/konto/reauthenticate/", {"password": PASSWORD})
    assert client.get("/konto/2fa/totp/activate/").status_code == 200
    secret = client.session[SECRET_SESSION_KEY]
    wrong = client.post("/konto/2fa/totp/activate/", {"code": "000000"})
    assert wrong.status_code == 200
    assert not Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()

    client.post("/konto/2fa/totp/activate/", {"code": current_code(secret)})
    assert Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()
    assert client.get("/konto/").status_code == 200

    client.post("/konto/logout/")
    response = client.post("/konto/login/", {"login": user.email, "password": PASSWORD})
    assert response.url == "/konto/2fa/authenticate/"
    assert client.get("/konto/").status_code == 302  # not logged in before the code

    client.post("/konto/2fa/authenticate/", {"code": current_code(secret, offset=1)})
    assert client.get("/konto/").status_code == 200
