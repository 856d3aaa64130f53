"""A closed item (lukket punkt) shows only its number: nothing of its text appears on any
public page, feed, search result or follow mail (TRACKS D(d) 1 and 8). Its documents are
downloaded only by committee staff (a role matrix)."""

import datetime

import pytest
from django.core import mail
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import timezone

from lokalfora.search import full_text_search
from lokalfora.services import digest
from projektudvalg.models import CommitteeDocument, DecisionOutcome, MeetingStatus
from projektudvalg.selectors.decisions import search_decisions
from tests.factories import SubscriptionFactory, make_user
from tests.factories.committee import AgendaItemFactory, MeetingFactory
from tests.matrix import ROLE_NAMES

pytestmark = pytest.mark.django_db

MARKER = "zqxhemmelighed"
STAFF_ROLES = {"committee_staff", "staff_admin", "admin"}


def _document(owner_field, owner, title="Bilag"):
    return CommitteeDocument.objects.create(
        file=ContentFile(b"%PDF-1.4 test", name="bilag.pdf"),
        name="bilag.pdf",
        extension="pdf",
        content_type="application/pdf",
        size=13,
        title=title,
        uploaded_by=make_user(f"upload-{owner_field}-{owner.pk}@example.org"),
        **{owner_field: owner},
    )


def _closed_item(meeting, number, **fields):
    secret = {
        "title": f"Titel {MARKER}",
        "recommendation": f"Indstilling {MARKER}",
        "description": f"Beskrivelse {MARKER}",
        "route": f"Udvalg {MARKER}",
        "follow_up": f"Opfølgning {MARKER}",
        "outcome": DecisionOutcome.APPROVED,
        "decision_text": f"Beslutning {MARKER}",
        "decision_date": timezone.localdate(meeting.starts_at),
    }
    return AgendaItemFactory(meeting=meeting, number=number, is_closed=True, **(secret | fields))


@pytest.fixture
def closed(area):
    """A closed item in published minutes held in Tølløse, one on a published agenda, and a
    closed item whose decision may be published (but not its title): each full of MARKER."""
    now = timezone.now()
    held = MeetingFactory(status=MeetingStatus.MINUTES_PUBLISHED, area=area,
                          starts_at=now - datetime.timedelta(days=3),
                          minutes_published_at=now - datetime.timedelta(days=1))  # fmt: skip
    AgendaItemFactory(meeting=held, number=1, title="Åbent punkt om Tølløse", areas=[area],
                      outcome=DecisionOutcome.APPROVED, decision_text="Godkendt.")  # fmt: skip
    item = _closed_item(held, 2, areas=[area])
    _closed_item(held, 3, areas=[area], closed_decision_public=True, decision_text="Offentlig")
    coming = MeetingFactory(status=MeetingStatus.AGENDA_PUBLISHED, area=area)
    _closed_item(coming, 1, areas=[area])
    document = _document("agenda_item", item, title=f"Bilag {MARKER}")
    return {"held": held, "coming": coming, "item": item, "document": document}


def public_urls(closed):
    year = timezone.localdate(closed["held"].starts_at).year
    return [
        "/",
        "/udvalget/",
        "/udvalget/perioder/projektudvalget/",
        f"/udvalget/moeder/?aar={year}",
        closed["held"].get_absolute_url(),
        closed["coming"].get_absolute_url(),
        "/udvalget/moeder.ics",
        "/udvalget/beslutninger/",
        "/udvalget/beslutninger/?q=Titel",
        "/udvalget/beslutninger/?q=Beslutning",
        "/lokalomraader/",
        "/lokalomraader/tollose/",
        "/lokalomraader/tollose/beslutninger/",
        "/soeg/?q=Beskrivelse",
        "/soeg/?q=Indstilling",
        "/soeg/?q=Titel",
        "/nyheder/",
        "/nyheder/rss/",
        "/nyheder/atom/",
        "/lokalomraader/tollose/nyheder/rss/",
        "/lokalomraader/tollose/nyheder/atom/",
        "/kalender/holbaek.ics",
        "/lokalomraader/tollose/kalender.ics",
        "/sitemap.xml",
    ]


def test_a_closed_items_text_is_on_no_public_page_or_feed(client, closed):
    for url in public_urls(closed):
        response = client.get(url)
        assert response.status_code == 200, url
        body = b"".join(response.streaming_content) if response.streaming else response.content
        assert MARKER not in body.decode(), url
    minutes = client.get(closed["held"].get_absolute_url()).content.decode()
    assert "2. Lukket punkt" in minutes
    assert "3. Lukket punkt" in minutes
    assert "Offentlig" in minutes  # the decision staff marked publishable
    assert "Åbent punkt om Tølløse" in minutes


def test_a_closed_item_is_tied_to_no_area_or_case_type_in_public(client, area):
    """Its decision may be public, but not which area (or property) it is about."""
    meeting = MeetingFactory(status=MeetingStatus.MINUTES_PUBLISHED)
    _closed_item(meeting, 1, areas=[area], closed_decision_public=True,
                 decision_text="Salget er godkendt.")  # fmt: skip
    assert "Salget er godkendt." in client.get("/udvalget/beslutninger/").content.decode()
    for url in [
        "/lokalomraader/tollose/beslutninger/",
        "/lokalomraader/tollose/",
        "/udvalget/beslutninger/?omraade=tollose",
        "/udvalget/beslutninger/?sagstype=decision",
    ]:
        assert "Salget er godkendt." not in client.get(url).content.decode(), url
    assert search_decisions(area=area).count() == 0


def test_a_closed_item_is_never_found_by_the_search(closed):
    for query in [MARKER, f"Titel {MARKER}", "Indstilling", "Beskrivelse"]:
        assert all(MARKER not in hit.title + hit.snippet for hit in full_text_search(query))
    assert full_text_search(MARKER) == []
    assert search_decisions(text=MARKER).count() == 0


def test_searching_for_the_hidden_text_finds_nothing_on_the_pages(client, closed):
    """The marker is in the page only as the typed query, never in a hit."""
    html = client.get("/udvalget/beslutninger/", {"q": MARKER}).content.decode()
    assert "0 beslutninger" in html
    assert html.count(MARKER) == 3  # the search field's value, the two language links
    html = client.get("/soeg/", {"q": MARKER}).content.decode()
    assert "<mark>" not in html
    assert 'href="/udvalget/moeder/' not in html


def test_a_closed_items_decision_is_in_no_follow_mail(closed, area, settings):
    settings.SITE_URL = "http://testserver"
    SubscriptionFactory(area=area, email="borger@example.org")
    assert digest.weekly_digest_send() == 1
    (message,) = mail.outbox
    assert "Åbent punkt om Tølløse" in message.body
    # Not even the decision staff marked publishable: the mail would tie it to the area.
    assert "Lukket punkt" not in message.body
    assert "Offentlig" not in message.body
    assert MARKER not in message.body


@pytest.mark.parametrize("role", ROLE_NAMES)
def test_a_closed_items_document_is_for_committee_staff_only(client_as, closed, role):
    """The committee-document page: a closed item's bilag is not revealed to exist (404)."""
    url = reverse("projektudvalg:committee-document", kwargs={"pk": closed["document"].pk})
    response = client_as(role).get(url)
    if role in STAFF_ROLES:
        assert response.status_code == 200, role
        assert response["Content-Disposition"].startswith("attachment")
    else:
        assert response.status_code == 404, (role, response.status_code)


def test_public_documents_are_downloaded_by_anyone(client, closed, area):
    meeting_document = _document("meeting", closed["held"])
    committee_document = _document("committee", closed["held"].committee)
    open_item = closed["held"].items.get(number=1)
    item_document = _document("agenda_item", open_item)
    for document in [meeting_document, committee_document, item_document]:
        response = client.get(document.get_absolute_url())
        assert response.status_code == 200
        assert response["Cache-Control"] == "private, no-store"
    planned = _document("meeting", MeetingFactory())
    assert client.get(planned.get_absolute_url()).status_code == 404
    assert client.get("/udvalget/dokumenter/999999/").status_code == 404
    html = client.get(closed["held"].get_absolute_url()).content.decode()
    assert item_document.get_absolute_url() in html
    assert closed["document"].get_absolute_url() not in html
