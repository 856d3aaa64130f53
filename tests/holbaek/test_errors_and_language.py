import pytest
from django.test import RequestFactory
from django.views.defaults import server_error

from tests.factories import make_user

pytestmark = pytest.mark.django_db


def test_the_500_page_is_danish_and_needs_no_request_context():
    response = server_error(RequestFactory().get("/"))
    assert response.status_code == 500
    text = response.content.decode()
    assert 'lang="da"' in text
    assert "<h1" in text
    assert "Der er sket en fejl" in text


def test_the_403_page_is_danish(client):
    client.force_login(make_user("borger@example.org"))
    response = client.get("/admin/", follow=True)
    assert response.status_code == 403
    assert "Du har ikke adgang" in response.text


def test_danish_is_the_default_and_english_can_be_chosen(client, reference_data):
    # An English-language browser still gets Danish until English is chosen.
    response = client.get("/", headers={"accept-language": "en-GB,en;q=0.9"})
    assert '<html lang="da"' in response.text
    assert "Lokalområder" in response.text

    response = client.post("/i18n/setlang/", {"language": "en", "next": "/lokalomraader/"})
    assert response.status_code == 302
    assert response.url == "/lokalomraader/"
    english = client.get("/lokalomraader/")
    assert '<html lang="en"' in english.text
    assert "Local areas" in english.text


def test_a_foreign_next_address_is_not_followed(client):
    response = client.post("/i18n/setlang/", {"language": "en", "next": "https://evil.example/"})
    assert response.url == "/"


def test_an_unknown_language_cookie_falls_back_to_danish(client, reference_data):
    client.cookies["django_language"] = "xx-evil"
    response = client.get("/")
    assert '<html lang="da"' in response.text
    assert response.headers["Content-Language"] == "da"
