"""A database that cannot be reached gives the Danish 503 page with Retry-After, not a 500."""

from unittest import mock

import pytest
from django.db import OperationalError
from django.db.backends.base.base import BaseDatabaseWrapper
from django.test import Client, RequestFactory

from holbaek.errors import server_error
from tests.factories import login, make_user

REFUSED = OperationalError('connection to server at "127.0.0.1", port 5432 failed: refused')


def database_down():
    return mock.patch.object(BaseDatabaseWrapper, "ensure_connection", side_effect=REFUSED)


def assert_unavailable(response):
    assert response.status_code == 503
    assert int(response.headers["Retry-After"]) > 0
    assert 'lang="da"' in response.text
    assert "midlertidigt utilgængelig" in response.text


def test_a_public_page_during_a_database_outage():
    client = Client(raise_request_exception=False)
    with database_down():
        response = client.get("/lokalomraader/")
    assert_unavailable(response)


@pytest.mark.django_db
def test_a_signed_in_page_during_a_database_outage(reference_data):
    client = login(Client(raise_request_exception=False), make_user("borger@example.org"))
    with database_down():
        response = client.get("/konto/")
    assert_unavailable(response)


def test_any_other_error_is_still_a_500():
    try:
        raise ValueError("a bug")
    except ValueError:
        response = server_error(RequestFactory().get("/"))
    assert response.status_code == 500
    assert "Retry-After" not in response.headers
