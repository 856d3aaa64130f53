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
from tests.factories import make_user

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

    # The login a moment ago is proof enough: no second password prompt before setting up.
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


def test_a_new_staff_member_reaches_the_totp_form_straight_after_logging_in(client):
    user = make_user("ny@example.org", role=roles.COMMITTEE_STAFF)
    credentials = {"login": user.email, "password": PASSWORD}
    response = client.post("/konto/login/", credentials, follow=True)
    assert response.redirect_chain[-1][0] == "/konto/2fa/"
    response = client.get("/konto/2fa/totp/activate/", follow=True)
    assert response.redirect_chain == []
    assert "/konto/reauthenticate/" not in response.text
    assert 'name="code"' in response.text


def test_the_login_counts_only_within_the_reauthentication_timeout(client, settings):
    import time_machine

    user = make_user("ny@example.org", role=roles.COMMITTEE_STAFF)
    with time_machine.travel("2026-03-02 09:00 +0100", tick=False) as traveller:
        client.post("/konto/login/", {"login": user.email, "password": PASSWORD})
        traveller.shift(settings.ACCOUNT_REAUTHENTICATION_TIMEOUT - 5)
        assert client.get("/konto/2fa/totp/activate/").status_code == 200
        traveller.shift(10)
        response = client.get("/konto/2fa/totp/activate/")
        assert response.url.startswith("/konto/reauthenticate/")
        client.post("/konto/reauthenticate/", {"password": PASSWORD})
        assert client.get("/konto/2fa/totp/activate/").status_code == 200
