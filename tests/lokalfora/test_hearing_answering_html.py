"""The answering pages are valid HTML in each of their states (the demo has no hearing, so
the crawl of tests/holbaek/test_html_validity.py does not reach them)."""

from pathlib import Path

import pytest
from django.test import Client

from lokalfora.models import HearingResponse
from tests.factories import login
from tests.holbaek.test_html_validity import _java_or_skip, vnu_errors
from tests.lokalfora.hearings import contact_user, make_hearing, pdf_upload

pytestmark = pytest.mark.django_db


def test_every_state_of_the_answering_pages_is_valid_html(clock, reference_data, tmp_path):
    _java_or_skip()
    clock.set("2026-12-01 10:00")
    hearing = make_hearing(
        ["tollose"], open_to_public=True, kind="voluntary", asks_for_address=True
    )
    forums_only = make_hearing(["tollose"])
    contact = login(Client(), contact_user("tollose", "k@tollose.example.org"))
    forum_url = f"/hoeringer/{hearing.pk}/forum/tollose/"
    public_url = f"/hoeringer/{hearing.pk}/afgiv-svar/"
    pages = {
        "forum, empty": contact.get(forum_url),
        "forum, refused": contact.post(
            forum_url,
            {"action": "submit", "text": "Svar", "attachments": [pdf_upload("x.pdf", b"x")]},
        ),
    }
    contact.post(
        forum_url, {"action": "save", "text": "Udkast", "attachments": [pdf_upload("a.pdf")]}
    )
    pages["forum, draft"] = contact.get(forum_url)
    contact.post(
        forum_url, {"action": "submit", "author_name": "K", "text": "Svar", "consent_ack": "on"}
    )
    pages["receipt"] = contact.get(f"/hoeringer/{hearing.pk}/kvittering/")
    pages["forum, sent"] = contact.get(forum_url)
    public = Client()
    pages["public"] = public.get(public_url)
    pages["public, refused"] = public.post(public_url, {"on_behalf_of": "organisation"})
    pages["forums only"] = public.get(f"/hoeringer/{forums_only.pk}/afgiv-svar/")
    key = HearingResponse.objects.get().withdraw_key
    pages["withdraw"] = public.get(f"/hoeringer/tilbagetraek/{key}/")
    clock.set("2027-01-01 00:00")
    contact = login(Client(), contact_user("tollose", "l@tollose.example.org"))
    pages["forum, closed"] = contact.get(forum_url)
    pages["forum, closed post"] = contact.post(forum_url, {"action": "save"})
    pages["public, closed"] = public.get(public_url)
    pages["withdraw, refused"] = public.get(f"/hoeringer/tilbagetraek/{key}/")

    files = {}
    for number, (name, response) in enumerate(pages.items()):
        assert response.status_code in (200, 403, 410), (name, response.status_code)
        path = tmp_path / f"page-{number}.html"
        path.write_text(response.content.decode(), encoding="utf-8")
        files[path.name] = name
    errors = vnu_errors(sorted(tmp_path.glob("*.html"), key=lambda path: path.name))
    report = [f"{files[Path(e['url']).name]}: {e['message']}" for e in errors]
    assert report == [], "\n".join(report)
