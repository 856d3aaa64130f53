"""The newsletters' staff pages: who may use them, forged ids, refused input keeping what
was typed, and constant queries on the preview and the send log."""

import re

import pytest
from django.core import mail as outbox
from django.urls import reverse

from projektudvalg.models import Newsletter, NewsletterStatus
from projektudvalg.selectors.newsletters import recipients, recipients_digest
from projektudvalg.services.newsletter_sending import newsletters_send_batch
from tests.factories import login
from tests.matrix import ROLE_NAMES, assert_access
from tests.projektudvalg.newsletter_helpers import (
    contact,
    draft,
    editor,
    follower,
    queue,
    three_areas,
    topic,
)
from tests.querycount import assert_constant_queries

pytestmark = pytest.mark.django_db
STAFF = {"committee_staff", "staff_admin", "admin"}


@pytest.fixture
def areas(reference_data):
    return three_areas()


@pytest.fixture
def staff_client(client, make_role_user):
    login(client, make_role_user("committee_staff"))
    return client


def _digest(newsletter):
    """The digest of the recipient list the preview shows now."""
    return recipients_digest(recipients(newsletter))


def _urls(pk):
    return [
        "/nyhedsbreve/",
        "/nyhedsbreve/ny/",
        f"/nyhedsbreve/{pk}/rediger/",
        f"/nyhedsbreve/{pk}/modtagere/",
        f"/nyhedsbreve/{pk}/",
    ]


@pytest.mark.parametrize("role", ROLE_NAMES)
def test_staff_pages(client_as, areas, role):
    """The list, the new form, the form ("rediger"), the recipients ("modtagere") and the
    send log: committee staff and administrators only; the addresses too."""
    follower("anna@example.org", areas[0])
    newsletter = draft(areas=areas[:1])
    sent = draft(areas=areas[:1], subject="Sendt")
    queue(sent, 1)
    client = client_as(role)
    for url in [
        "/nyhedsbreve/",
        "/nyhedsbreve/ny/",
        f"/nyhedsbreve/{newsletter.pk}/rediger/",
        f"/nyhedsbreve/{newsletter.pk}/modtagere/",
        f"/nyhedsbreve/{newsletter.pk}/",
    ]:
        response = client.get(url)
        assert_access(response, role, STAFF)
        if role not in STAFF and response.status_code != 302:
            assert b"anna@example.org" not in response.content
    log = client.get(reverse("projektudvalg:newsletter-log", kwargs={"pk": sent.pk}))
    assert_access(log, role, STAFF)
    response = client.post(
        reverse("projektudvalg:newsletter-recipients", kwargs={"pk": newsletter.pk}),
        {
            "action": "send",
            "expected_count": "1",
            "expected_digest": _digest(newsletter),
            "confirm": "on",
        },
    )
    assert_access(response, role, STAFF, ok=302)
    newsletter.refresh_from_db()
    queued = newsletter.status == NewsletterStatus.QUEUED
    assert queued == (role in STAFF)
    if role in STAFF:
        assert (
            response["Cache-Control"].startswith("private")
            or "private" in response["Cache-Control"]
        )


def test_forged_ids_are_404(staff_client, areas):
    missing = (Newsletter.objects.order_by("-pk").values_list("pk", flat=True).first() or 0) + 1
    for url in _urls(missing)[2:]:
        assert staff_client.get(url).status_code == 404
    assert staff_client.get("/nyhedsbreve/abc/").status_code == 404


def _form_data(areas, **changes):
    data = {
        "subject": "Vejarbejde i Tølløse",
        "intro": "Læs om vejarbejdet.",
        "areas": [areas[0].pk],
        "to_followers": "on",
    }
    return data | changes


def test_creating_a_newsletter_leads_to_its_recipients(staff_client, areas):
    follower("anna@example.org", areas[0])
    response = staff_client.post(reverse("projektudvalg:newsletter-create"), _form_data(areas))
    newsletter = Newsletter.objects.get()
    assert response.status_code == 302
    recipients_url = reverse("projektudvalg:newsletter-recipients", kwargs={"pk": newsletter.pk})
    assert response.url == recipients_url
    page = staff_client.get(response.url).content.decode()
    assert "1 modtager." in page
    assert "anna@example.org" in page
    assert "følger Tølløse" in page


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"subject": ""}, "Skriv et emne."),
        ({"areas": []}, "Vælg mindst ét lokalområde eller hele kommunen."),
        ({"to_followers": ""}, "Vælg mindst én modtagergruppe."),
        ({"areas": ["999999"]}, "Vælg fra listen."),
        ({"areas": ["x"]}, "Vælg fra listen."),
        ({"items": ["999999"]}, "Vælg fra listen."),
        ({"topics": ["999999"]}, "Vælg fra listen."),
        ({"subject": "x" * 151}, "højst"),
        ({"subject": "<b>fed</b>"}, "HTML"),
    ],
)
def test_bad_input_is_refused_in_danish_keeping_what_was_typed(
    staff_client, areas, changes, message
):
    data = _form_data(areas, intro="Min lange tekst, som ikke må gå tabt.") | changes
    if data.get("to_followers") == "":
        del data["to_followers"]
    response = staff_client.post(reverse("projektudvalg:newsletter-create"), data)
    assert response.status_code == 400
    page = response.content.decode()
    assert message in page, page[:200]
    assert "Min lange tekst, som ikke må gå tabt." in page
    assert not Newsletter.objects.exists()


def test_a_sent_newsletter_cannot_be_edited(staff_client, areas):
    follower("anna@example.org", areas[0])
    newsletter = draft(areas=areas[:1])
    queue(newsletter, 1)
    edit = reverse("projektudvalg:newsletter-edit", kwargs={"pk": newsletter.pk})
    response = staff_client.post(edit, _form_data(areas, subject="Ændret"))
    assert response.status_code == 302
    newsletter.refresh_from_db()
    assert newsletter.subject == "Nyt fra kommunen"


def test_sending_needs_the_confirmation_and_the_count_seen(staff_client, areas):
    follower("anna@example.org", areas[0])
    newsletter = draft(areas=areas[:1])
    url = reverse("projektudvalg:newsletter-recipients", kwargs={"pk": newsletter.pk})
    response = staff_client.post(
        url, {"action": "send", "expected_count": "1", "expected_digest": _digest(newsletter)}
    )
    assert response.status_code == 400
    assert "Sæt kryds for at bekræfte" in response.content.decode()
    follower("bo@example.org", areas[0])
    response = staff_client.post(
        url,
        {
            "action": "send",
            "expected_count": "1",
            "expected_digest": _digest(newsletter),
            "confirm": "on",
        },
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "ændret sig til 2" in page
    assert 'name="expected_count" value="2"' in page
    response = staff_client.post(
        url,
        {
            "action": "send",
            "expected_count": "2",
            "expected_digest": _digest(newsletter),
            "confirm": "on",
        },
    )
    assert response.status_code == 302
    assert newsletter.recipients.count() == 2


def test_a_segment_of_nobody_says_0_and_offers_no_send(staff_client, areas):
    newsletter = draft(areas=areas[:1], topics=[topic("trafik")])
    url = reverse("projektudvalg:newsletter-recipients", kwargs={"pk": newsletter.pk})
    page = staff_client.get(url).content.decode()
    assert "0 modtagere." in page
    assert 'value="send"' not in page
    response = staff_client.post(
        url,
        {
            "action": "send",
            "expected_count": "0",
            "expected_digest": _digest(newsletter),
            "confirm": "on",
        },
    )
    assert response.status_code == 400
    assert "ingen modtagere" in response.content.decode()


def test_the_test_button_mails_the_staff_member(staff_client, areas):
    newsletter = draft(areas=areas[:1])
    url = reverse("projektudvalg:newsletter-recipients", kwargs={"pk": newsletter.pk})
    response = staff_client.post(url, {"action": "test"})
    assert response.status_code == 302
    assert [m.to for m in outbox.outbox] == [["sekr@example.org"]]


def test_the_log_can_stop_a_send(staff_client, areas):
    for number in range(3):
        follower(f"f{number}@example.org", areas[0])
    newsletter = draft(areas=areas[:1])
    queue(newsletter, 3)
    url = reverse("projektudvalg:newsletter-log", kwargs={"pk": newsletter.pk})
    assert "Stop afsendelsen" in staff_client.get(url).content.decode()
    assert staff_client.post(url, {"action": "cancel"}).status_code == 302
    newsletter.refresh_from_db()
    assert newsletter.status == NewsletterStatus.CANCELLED
    assert "Ikke sendt (annulleret)" in staff_client.get(url).content.decode()


def _grow(areas, start):
    def grow():
        for number in range(start, start + 40):
            area = areas[number % 3]
            follower(f"f{number}@example.org", area, topic("trafik"))
            contact(f"k{number}@example.org", area)
        editor(f"r{start}@example.org", areas[1])

    return grow


def test_the_preview_takes_the_same_queries_with_more_recipients(staff_client, areas):
    _grow(areas, 0)()
    newsletter = draft(areas=areas, to_contacts=True, to_editors=True)
    url = reverse("projektudvalg:newsletter-recipients", kwargs={"pk": newsletter.pk})
    assert_constant_queries(staff_client, url, _grow(areas, 100), limit=30)


def test_the_log_takes_the_same_queries_with_more_rows(staff_client, areas):
    newsletters = []

    def grow():
        _grow(areas, 200 + 100 * len(newsletters))()
        newsletter = draft(areas=areas, to_contacts=True)
        queue(newsletter, len(recipients(newsletter)))
        newsletters_send_batch(batch_size=30, batches=1)
        newsletters.append(newsletter)

    grow()
    first = newsletters[0]
    url = reverse("projektudvalg:newsletter-log", kwargs={"pk": first.pk})

    def more_rows():
        _grow(areas, 900)()
        Newsletter.objects.filter(pk=first.pk).update(status=NewsletterStatus.DRAFT, queued_at=None)
        first.recipients.all().delete()
        queue(first, len(recipients(first)))
        newsletters_send_batch(batch_size=30, batches=1)

    assert_constant_queries(staff_client, url, more_rows, limit=30)
    list_url = reverse("projektudvalg:newsletter-list")
    assert_constant_queries(staff_client, list_url, grow, limit=30)


def test_the_same_count_of_other_people_is_refused(staff_client, areas):
    anna = follower("anna@example.org", areas[0])
    newsletter = draft(areas=areas[:1])
    url = reverse("projektudvalg:newsletter-recipients", kwargs={"pk": newsletter.pk})
    page = staff_client.get(url).content.decode()
    seen = re.search(r'name="expected_digest" value="([0-9a-f]{64})"', page).group(1)
    anna.delete()
    follower("mallory@example.org", areas[0])
    data = {"action": "send", "expected_count": "1", "expected_digest": seen, "confirm": "on"}
    response = staff_client.post(url, data)
    assert response.status_code == 400
    page = response.content.decode()
    assert "Modtagerlisten har ændret sig, siden du så den." in page
    assert f'value="{_digest(newsletter)}"' in page  # asked again, for the list now shown
    assert not newsletter.recipients.exists()
    response = staff_client.post(url, data | {"expected_digest": _digest(newsletter)})
    assert response.status_code == 302
    assert list(newsletter.recipients.values_list("email", flat=True)) == ["mallory@example.org"]
