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


def test_the_language_switch_is_a_link_that_sets_the_cookie(client, reference_data):
    page = client.get("/lokalomraader/?side=1")
    assert not page.cookies  # no form, so no CSRF cookie
    assert 'href="/sprog/en/?next=/lokalomraader/%3Fside%3D1"' in page.text
    assert 'lang="en" hreflang="en"' in page.text
    assert 'hreflang="da" aria-current="true"' in page.text
    assert 'Sprog <span lang="en">(Language)</span>' in page.text

    response = client.get("/sprog/en/", {"next": "/lokalomraader/?side=1"})
    assert response.status_code == 302
    assert response.url == "/lokalomraader/?side=1"
    assert response.cookies["django_language"].value == "en"
    assert response.headers["Cache-Control"] == "private, no-store"
    english = client.get("/lokalomraader/")
    assert '<html lang="en"' in english.text
    assert 'hreflang="en" aria-current="true"' in english.text
    assert 'Language <span lang="da">(Sprog)</span>' in english.text


@pytest.mark.parametrize(
    "next_url", ["https://evil.example/", "//evil.example/", "", "javascript:x"]
)
def test_the_language_link_never_leaves_the_portal(client, next_url):
    response = client.get("/sprog/en/", {"next": next_url})
    assert response.url == "/"


def test_an_unknown_language_link_is_404(client, reference_data):
    response = client.get("/sprog/xx/")
    assert response.status_code == 404
    assert "django_language" not in response.cookies
