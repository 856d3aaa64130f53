"""Sign-up, e-mail verification, login and password reset through allauth."""

import re

import pytest
from django.core import mail

from tests.factories import make_user

pytestmark = pytest.mark.django_db


def test_sign_up_sends_a_danish_verification_mail_and_confirming_logs_in(client):
    response = client.post(
        "/konto/signup/",
        {
            "email": "ny@example.org",
            "password1": "Lang-og-sikker-42",
            "password2": "Lang-og-sikker-42",
        },
    )
    assert response.status_code == 302
    assert response.url == "/konto/confirm-email/"
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["ny@example.org"]
    assert message.subject.startswith("[Holbæk Kommune]")
    link = re.search(r"http://\S+/konto/confirm-email/\S+/", message.body).group(0)

    path = link.split("testserver", 1)[-1] if "testserver" in link else "/" + link.split("/", 3)[3]
    confirm = client.post(path)
    assert confirm.status_code == 302
    assert client.get("/konto/").status_code == 200


def test_an_unverified_address_cannot_log_in(client):
    make_user("uverificeret@example.org", verified=False)
    response = client.post(
        "/konto/login/", {"login": "uverificeret@example.org", "password": "pw-for-tests-only"}
    )
    assert response.status_code == 302
    assert response.url == "/konto/confirm-email/"
    assert client.get("/konto/").status_code == 302


def test_sign_up_with_bad_input_keeps_what_was_typed_and_explains_in_danish(client):
    response = client.post(
        "/konto/signup/", {"email": "ikke-en-adresse", "password1": "abc", "password2": "abd"}
    )
    assert response.status_code == 200
    assert 'value="ikke-en-adresse"' in response.text
    assert "Indtast en gyldig e-mail-adresse." in response.text


def test_password_reset_sends_a_mail(client):
    make_user("glemsom@example.org")
    response = client.post("/konto/password/reset/", {"email": "glemsom@example.org"})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    assert "/konto/password/reset/key/" in mail.outbox[0].body


def test_failed_logins_are_rate_limited(client):
    make_user("gaet@example.org")
    for _ in range(6):
        client.post("/konto/login/", {"login": "gaet@example.org", "password": "forkert"})
    # Even the right password is refused for a while now.
    response = client.post(
        "/konto/login/", {"login": "gaet@example.org", "password": "pw-for-tests-only"}
    )
    assert response.status_code == 200
    assert "for mange forkerte forsøg på at logge ind" in response.text
    assert client.get("/konto/").status_code == 302
