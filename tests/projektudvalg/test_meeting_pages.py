"""Committee staff's meeting pages and the printable agenda and minutes: the role matrix of
each page, bad input, the publication rules in print, query counts, the area's iCal."""

import pytest

from lokalfora.models import LocalArea
from projektudvalg import services
from projektudvalg.models import AgendaItem, Application, Committee, Meeting, MeetingStatus, Status
from tests.factories.committee import CommitteeFactory, CommitteeMemberFactory
from tests.matrix import ROLE_NAMES, assert_access
from tests.projektudvalg.meetings_helpers import add_item, held, make_meeting, pdf_upload
from tests.querycount import assert_constant_queries

pytestmark = pytest.mark.django_db

STAFF = {"committee_staff", "staff_admin", "admin"}
MEETING = {"title": "Møde i Tølløse", "starts_at": "2026-12-10T17:00", "place": "Kulturhuset",
           "not_in_official_system": "on"}  # fmt: skip
SECRET = "Hemmelig forhandling om grunden"


@pytest.fixture(autouse=True)
def _setting(clock, reference_data):
    clock.set("2026-12-01 09:00")
    CommitteeFactory()


@pytest.fixture
def meeting(db):
    return make_meeting()


@pytest.fixture
def item(meeting):
    return add_item(meeting)


@pytest.mark.parametrize("role", ROLE_NAMES)
def test_meeting_admin(client_as, role):
    client = client_as(role)
    assert_access(client.get("/udvalget/moeder/styring/"), role, STAFF)
    response = client.post("/udvalget/moeder/styring/", MEETING)
    assert_access(response, role, STAFF, ok=302)
    assert Meeting.objects.filter(title="Møde i Tølløse").exists() is (role in STAFF)


@pytest.mark.parametrize("role", ROLE_NAMES)
def test_meeting_edit(client_as, meeting, role):
    client = client_as(role)
    url = f"/udvalget/moeder/{meeting.pk}/rediger/"
    assert_access(client.get(url), role, STAFF)
    assert_access(client.post(url, MEETING | {"title": "Omdøbt"}), role, STAFF, ok=302)
    meeting.refresh_from_db()
    assert (meeting.title == "Omdøbt") is (role in STAFF)


@pytest.mark.parametrize("role", ROLE_NAMES)
def test_meeting_status(client_as, item, role):
    response = client_as(role).post(
        f"/udvalget/moeder/{item.meeting_id}/status/", {"action": "publish_agenda"}
    )
    assert_access(response, role, STAFF, ok=302)
    status = Meeting.objects.get().status
    assert status == (MeetingStatus.AGENDA_PUBLISHED if role in STAFF else MeetingStatus.PLANNED)


@pytest.mark.parametrize("role", ROLE_NAMES)
def test_item_create(client_as, meeting, role):
    client = client_as(role)
    url = f"/udvalget/moeder/{meeting.pk}/punkter/ny/"
    assert_access(client.get(url), role, STAFF)
    response = client.post(url, {"title": "Ny sti", "case_type": "decision"})
    assert_access(response, role, STAFF, ok=302)
    assert AgendaItem.objects.filter(title="Ny sti").exists() is (role in STAFF)


@pytest.mark.parametrize("role", ROLE_NAMES)
def test_item_from_round(client_as, meeting, in_review, role):
    response = client_as(role).post(
        f"/udvalget/moeder/{meeting.pk}/punkter/fra-runde/", {"round": in_review.round_id}
    )
    assert_access(response, role, STAFF, ok=302)
    assert meeting.items.filter(round=in_review.round).exists() is (role in STAFF)


@pytest.mark.parametrize("role", ROLE_NAMES)
def test_item_edit_and_delete(client_as, item, role):
    client = client_as(role)
    url = f"/udvalget/punkter/{item.pk}/rediger/"
    assert_access(client.get(url), role, STAFF)
    response = client.post(url, {"title": "Omdøbt", "case_type": "decision", "number": "1"})
    assert_access(response, role, STAFF, ok=302)
    item.refresh_from_db()
    assert (item.title == "Omdøbt") is (role in STAFF)
    assert_access(client.post(f"/udvalget/punkter/{item.pk}/slet/"), role, STAFF, ok=302)
    assert AgendaItem.objects.exists() is (role not in STAFF)


@pytest.mark.parametrize("role", ROLE_NAMES)
def test_item_decide(client_as, clock, item, role):
    held(item.meeting, clock)
    client = client_as(role)
    url = f"/udvalget/punkter/{item.pk}/beslutning/"
    assert_access(client.get(url), role, STAFF)
    assert_access(client.post(url, {"outcome": "approved"}), role, STAFF, ok=302)
    item.refresh_from_db()
    assert (item.outcome == "approved") is (role in STAFF)


@pytest.mark.parametrize("role", ROLE_NAMES)
def test_item_pool(client_as, clock, meeting, in_review, role):
    services.agenda_item_add(application=in_review, meeting=meeting)
    held(meeting, clock)
    pool_item = meeting.items.get(round__isnull=False)
    client = client_as(role)
    url = f"/udvalget/punkter/{pool_item.pk}/ansoegninger/"
    assert_access(client.get(url), role, STAFF)
    response = client.post(url, {"application": in_review.pk, "decision-outcome": "refused",
                                 "decision-reason": "Uden for formålet"})  # fmt: skip
    assert_access(response, role, STAFF, ok=302)
    in_review.refresh_from_db()
    assert in_review.status == (Status.REFUSED if role in STAFF else Status.IN_REVIEW)
    if role in STAFF:
        assert in_review.decisions.get().agenda_item == pool_item


@pytest.mark.parametrize("role", ROLE_NAMES)
def test_item_attach(client_as, item, role):
    client = client_as(role)
    url = f"/udvalget/punkter/{item.pk}/bilag/"
    assert_access(client.get(url), role, STAFF)
    response = client.post(url, {"title": "Kort", "file": pdf_upload()})
    assert_access(response, role, STAFF, ok=302)
    assert item.documents.exists() is (role in STAFF)


@pytest.mark.parametrize("role", ROLE_NAMES)
def test_meeting_print(client_as, item, role):
    """Public once the agenda is published (a planned meeting's is not found); staff always,
    the internal version."""
    closed = add_item(item.meeting, title="Grundkøb", description=SECRET, is_closed=True)
    client = client_as(role)
    url = f"/udvalget/moeder/{item.meeting_id}/udskrift/"
    planned = client.get(url)
    if role in STAFF:
        assert planned.status_code == 200
        assert SECRET in planned.text
        assert "Lukket punkt – internt" in planned.text
    else:
        assert planned.status_code == 404
    services.meeting_publish_agenda(meeting=item.meeting)
    page = client.get(url)
    assert page.status_code == 200
    assert "Dagsorden" in page.text
    assert (SECRET in page.text) is (role in STAFF)
    assert ("Grundkøb" in page.text) is (role in STAFF)
    assert f"{closed.number}. Lukket punkt" in page.text or role in STAFF
    pdf = client.get(url + "?format=pdf")
    assert pdf.content.startswith(b"%PDF-")


@pytest.mark.parametrize("role", ROLE_NAMES)
def test_old_meeting_addresses(client_as, meeting, role):
    """/puljer/moeder/ and /puljer/moeder/<pk>/ moved to the committee's staff pages."""
    client = client_as(role)
    response = client.get("/puljer/moeder/")
    assert_access(response, role, STAFF, ok=301)
    if role in STAFF:
        assert response.url == "/udvalget/moeder/styring/"


def test_minutes_show_decisions_and_keep_a_closed_one_closed(client, clock, item):
    closed = add_item(item.meeting, description=SECRET, is_closed=True)
    held(item.meeting, clock)
    services.agenda_item_record_decision(item=item, outcome="approved", decision_text="Ja tak.")
    services.agenda_item_record_decision(item=closed, outcome="approved", decision_text=SECRET)
    url = f"/udvalget/moeder/{item.meeting_id}/udskrift/"
    assert "Ja tak." not in client.get(url).text  # decisions wait for the minutes
    services.meeting_publish_minutes(meeting=item.meeting)
    page = client.get(url).text
    assert "Referat" in page
    assert "Beslutning i PBL den 10-12-2026" in page
    assert "Ja tak." in page
    assert SECRET not in page
    assert f"{closed.number}. Lukket punkt" in page


def test_the_public_print_names_no_homeowners_address(client, client_as, item, in_review):
    services.agenda_item_add(application=in_review, meeting=item.meeting)
    # A building renovation without a title: staff know it by the homeowner's address.
    Application.objects.filter(pk=in_review.pk).update(title="", property_address="Skolevej 4")
    services.meeting_publish_agenda(meeting=item.meeting)
    url = f"/udvalget/moeder/{item.meeting_id}/udskrift/"
    page = client.get(url).text
    assert "Skolevej 4" not in page
    assert "Istandsættelse af en bygning" in page
    assert "Skolevej 4" in _staff(client_as).get(url).text


def test_the_public_print_names_the_absent_only_with_the_minutes(client, client_as, clock, item):
    member = CommitteeMemberFactory(committee=Committee.objects.current(), name="Ane Afbud")
    item.meeting.absent_members.add(member)
    held(item.meeting, clock)
    services.agenda_item_record_decision(item=item, outcome="approved")
    url = f"/udvalget/moeder/{item.meeting_id}/udskrift/"
    assert "Ane Afbud" not in client.get(url).text
    assert "Fraværende:" not in client.get(url).text
    assert "Fraværende: Ane Afbud" in _staff(client_as).get(url).text
    services.meeting_publish_minutes(meeting=item.meeting)
    assert "Fraværende: Ane Afbud" in client.get(url).text


def _staff(client_as):
    return client_as("committee_staff")


def test_bad_input_gives_400_and_keeps_what_was_typed(client_as, clock, item, in_review):
    client = _staff(client_as)
    meeting = item.meeting
    for url, data, message in [
        ("/udvalget/moeder/styring/", MEETING | {"starts_at": "i morgen"}, "Skriv dato og"),
        ("/udvalget/moeder/styring/", MEETING | {"ends_at": "2026-12-10T16:00"}, "slutte, efter"),
        (f"/udvalget/moeder/{meeting.pk}/rediger/",
         MEETING | {"place": "", "online": "", "title": "Kulturhuset-møde"}, "online møde"),
        (f"/udvalget/moeder/{meeting.pk}/punkter/ny/",
         {"title": "Kulturhuset igen", "number": "1", "case_type": "decision"},
         "Punkt 1 findes allerede"),
        (f"/udvalget/moeder/{meeting.pk}/punkter/ny/",
         {"title": "Kulturhuset igen", "case_type": "forfalsket"}, "Vælg en af sagstyperne"),
        (f"/udvalget/punkter/{item.pk}/rediger/", {"title": "", "number": "nul",
         "description": "Kulturhuset"}, "Skriv et helt tal"),
        (f"/udvalget/punkter/{item.pk}/beslutning/", {"outcome": "", "follow_up": "Kulturhuset"},
         "når mødet er afholdt"),
        (f"/udvalget/punkter/{item.pk}/bilag/", {"title": "Kulturhuset"}, "Vælg en fil"),
        (f"/udvalget/moeder/{meeting.pk}/status/", {"action": "cancel", "reason": ""},
         "Skriv hvorfor"),
    ]:  # fmt: skip
        response = client.post(url, data)
        assert response.status_code == 400, (url, data)
        assert message in response.text, (url, message)
        assert "Kulturhuset" in response.text or "cancel" in data.values(), url
    fake = pdf_upload("program.exe")
    fake.file = type(fake.file)(b"MZ\x90\x00")
    fake.size = 4
    response = client.post(f"/udvalget/punkter/{item.pk}/bilag/", {"file": fake})
    assert response.status_code == 400
    assert "kan ikke bruges" in response.text
    response = client.post(f"/udvalget/moeder/{meeting.pk}/status/", {"action": "mark_held"})
    assert response.status_code == 400
    assert "kan ikke markeres som afholdt" in response.text


def test_forged_ids_are_not_found(client_as, item, in_review):
    client = _staff(client_as)
    for url in ["/udvalget/moeder/999999/rediger/", "/udvalget/moeder/999999/punkter/ny/",
                "/udvalget/punkter/999999/rediger/", "/udvalget/punkter/999999/beslutning/",
                "/udvalget/punkter/999999/ansoegninger/", "/udvalget/punkter/999999/bilag/",
                "/udvalget/moeder/999999/udskrift/"]:  # fmt: skip
        assert client.get(url).status_code == 404, url
    # An application that is not on the item, a round that is not offered.
    pool = f"/udvalget/punkter/{item.pk}/ansoegninger/"
    assert client.post(pool, {"application": in_review.pk}).status_code == 404
    response = client.post(f"/udvalget/moeder/{item.meeting_id}/punkter/fra-runde/",
                           {"round": 999999})  # fmt: skip
    assert response.status_code == 400
    assert "Vælg en af runderne" in response.text
    response = client.post(f"/udvalget/moeder/{item.meeting_id}/status/", {"action": "slet"})
    assert response.status_code == 302
    assert Meeting.objects.get().status == MeetingStatus.PLANNED


def _grow(meeting, items: int, user):
    def grow():
        for number in range(items):
            grown = add_item(meeting, title=f"Sag {number}", is_closed=number % 2 == 0)
            grown.areas.set(LocalArea.objects.all()[:3])
            services.agenda_attachment_add(item=grown, uploaded=pdf_upload(), title="", user=user)

    return grow


def test_the_staff_pages_and_print_take_constant_queries(client_as, item, in_review):
    client = _staff(client_as)
    meeting = item.meeting
    services.agenda_item_add(application=in_review, meeting=meeting)
    user = in_review.applicant
    edit = assert_constant_queries(
        client, f"/udvalget/moeder/{meeting.pk}/rediger/", _grow(meeting, 5, user), limit=25
    )
    printed = assert_constant_queries(
        client, f"/udvalget/moeder/{meeting.pk}/udskrift/", _grow(meeting, 5, user), limit=20
    )
    listed = assert_constant_queries(
        client, "/udvalget/moeder/styring/", lambda: [make_meeting() for _ in range(4)], limit=20
    )
    print(f"queries: rediger {edit}, udskrift {printed}, styring {listed}")


def test_a_meeting_in_an_area_is_in_its_ical_feed_and_cancelled_there(client_as, client):
    staff = _staff(client_as)
    tollose = LocalArea.objects.get(slug="tollose")
    response = staff.post("/udvalget/moeder/styring/", MEETING | {"area": tollose.pk})
    meeting = Meeting.objects.get(title="Møde i Tølløse")
    assert response.status_code == 302
    client.logout()
    feed = client.get("/lokalomraader/tollose/kalender.ics").content.decode()
    assert "Møde i Tølløse" in feed
    assert "STATUS:CANCELLED" not in feed
    add_item(meeting)
    services.meeting_cancel(meeting=meeting, reason="Sygdom")
    feed = client.get("/lokalomraader/tollose/kalender.ics").content.decode()
    assert "Møde i Tølløse" in feed
    assert "STATUS:CANCELLED" in feed
    assert "Møde i Tølløse" not in client.get("/lokalomraader/jyderup/kalender.ics").text
