"""The hearings' staff pages: who may use them, the form, the status changes, the check of
the answers, the høringsnotat's lines, the export and sending an invitation again."""

import csv
import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from lokalfora.models import (
    ContactPerson,
    Forum,
    Hearing,
    HearingDeadlineChange,
    HearingKindRule,
    HearingNoteLine,
    HearingResponseReview,
    HearingStatus,
    ScreeningStatus,
)
from lokalfora.services.hearing_responses import attachment_add, public_response_submit
from lokalfora.services.hearings import hearings_advance
from tests.clock import danish
from tests.factories import ContactPersonFactory
from tests.lokalfora.hearings import make_hearing, pdf_upload
from tests.matrix import HEARING_ROLES, assert_access

pytestmark = pytest.mark.django_db
STAFF = {"committee_staff", "staff_admin", "admin"}


@pytest.fixture
def staff(client_as):
    return client_as("committee_staff")


def _answer(hearing, text="Godt forslag.", **data):
    return public_response_submit(
        hearing=hearing,
        by=None,
        data={
            "on_behalf_of": "private",
            "author_name": "Per Hansen",
            "author_email": "per@example.org",
            "text": text,
            "consent_ack": True,
            **data,
        },
    )


def _form_data(**overrides):
    data = {
        "title": "Trafikplan for landsbyerne",
        "summary": "Kommunen foreslår lavere fart.",
        "case_number": "05.01.00-P20-1-26",
        "department": "Plan og Byg",
        "contact_email": "plan@holbaek.dk",
        "contact_phone": "72 36 36 36",
        "kind": "forums",
        "starts_day": "2026-12-01",
        "starts_time": "",
        "deadline_day": "2026-12-31",
        "deadline_time": "23:59",
        "short_period_reason": "",
        "response_visibility": "after_deadline",
        "parties": "Brugerrådet\nTølløse Bylaug",
    }
    data.update(overrides)
    return data


# --- Who may use the pages --------------------------------------------------------------


@pytest.mark.parametrize("role", HEARING_ROLES)
def test_the_staff_pages(client_as, clock, reference_data, role):
    """hearing-admin, hearing-matrix, hearing-create, hearing-edit, hearing-documents,
    hearing-status, hearing-review, hearing-review-response, hearing-note-edit,
    hearing-export, hearing-resend: committee staff and administrators only."""
    clock.set("2026-12-01 10:00")
    hearing = make_hearing(["tollose"], open_to_public=True)
    answer = _answer(hearing)
    clock.set("2027-01-01 10:00")
    hearings_advance()  # closed: the høringsnotat is written
    current = make_hearing(
        ["tollose"], starts_at=danish("2027-01-01 00:00"), deadline=danish("2027-01-31 23:59")
    )
    client = client_as(role)
    pk = hearing.pk
    for url in [
        "/hoeringer/styring/",
        "/hoeringer/styring/oversigt/",
        "/hoeringer/ny/",
        f"/hoeringer/{pk}/rediger/",
        f"/hoeringer/{pk}/materiale/",
        f"/hoeringer/{pk}/status/",
        f"/hoeringer/{pk}/kontrol/",
        f"/hoeringer/{pk}/kontrol/{answer.number}/",
        f"/hoeringer/{pk}/notat/",
        f"/hoeringer/{pk}/eksport/",
    ]:
        assert_access(client.get(url), role, STAFF)
    invitation = current.invitations.get()
    response = client.post(f"/hoeringer/invitationer/{invitation.pk}/gensend/")
    assert_access(response, role, STAFF, ok=302)


def test_missing_ids_are_404_and_post_only_actions_refuse_get(staff, clock, reference_data):
    clock.set("2026-12-01 10:00")
    hearing = make_hearing(["tollose"])
    for url in ["/hoeringer/999999/status/", f"/hoeringer/{hearing.pk}/kontrol/5/"]:
        assert staff.get(url).status_code == 404
    assert staff.post("/hoeringer/invitationer/999999/gensend/").status_code == 404
    invitation = hearing.invitations.get()
    assert staff.get(f"/hoeringer/invitationer/{invitation.pk}/gensend/").status_code == 405


# --- The form ---------------------------------------------------------------------------


def test_a_hearing_to_all_18_forums_makes_18_invitations(staff, clock, reference_data):
    clock.set("2026-11-20 10:00")
    response = staff.post("/hoeringer/ny/", _form_data(all_forums="on"))
    assert response.status_code == 302
    hearing = Hearing.objects.get()
    assert hearing.status == HearingStatus.DRAFT
    assert hearing.invitations.count() == Forum.objects.count() == 18
    assert sorted(hearing.parties.values_list("name", flat=True)) == [
        "Brugerrådet",
        "Tølløse Bylaug",
    ]
    assert hearing.deadline.isoformat() == "2026-12-31T22:59:00+00:00"


def test_a_deadline_before_the_start_is_refused_on_the_field_with_the_input_kept(
    staff, clock, reference_data
):
    clock.set("2026-11-20 10:00")
    forum = Forum.objects.get(area__slug="tollose")
    response = staff.post(
        "/hoeringer/ny/", _form_data(deadline_day="2026-11-30", forums=[forum.pk])
    )
    assert response.status_code == 400
    form = response.context["form"]
    assert form.errors["deadline_day"] == ["Høringsfristen skal ligge efter starten."]
    assert 'value="2026-11-30"' in response.content.decode()
    assert 'value="Trafikplan for landsbyerne"' in response.content.decode()
    assert not Hearing.objects.exists()


def test_forged_forums_and_impossible_dates_are_refused(staff, clock, reference_data):
    clock.set("2026-11-20 10:00")
    response = staff.post("/hoeringer/ny/", _form_data(forums=["999999"], starts_day="1850-01-01"))
    assert response.status_code == 400
    errors = response.context["form"].errors
    assert "forums" in errors
    assert "starts_day" in errors
    assert not Hearing.objects.exists()


def test_a_short_period_needs_a_reason(staff, clock, reference_data):
    clock.set("2026-11-20 10:00")
    HearingKindRule.objects.update_or_create(kind="forums", defaults={"minimum_days": 42})
    forum = Forum.objects.get(area__slug="tollose")
    data = _form_data(forums=[forum.pk])
    page = staff.get("/hoeringer/ny/")
    assert "42" in page.context["form"].fields["short_period_reason"].help_text
    response = staff.post("/hoeringer/ny/", data)
    assert response.status_code == 400
    assert "42 dage" in response.context["form"].errors["short_period_reason"][0]
    data["short_period_reason"] = "Byrådet behandler sagen i januar."
    assert staff.post("/hoeringer/ny/", data).status_code == 302
    assert Hearing.objects.get().short_period_reason == "Byrådet behandler sagen i januar."


def test_an_open_hearing_keeps_its_dates_and_its_forums(staff, clock, reference_data):
    clock.set("2026-12-01 10:00")
    hearing = make_hearing(["tollose", "jyderup"])
    jyderup = Forum.objects.get(area__slug="jyderup")
    data = _form_data(forums=[jyderup.pk], deadline_day="2027-02-01")
    response = staff.post(f"/hoeringer/{hearing.pk}/rediger/", data)
    assert response.status_code == 400
    assert response.context["form"].errors["forums"] == [
        "Et lokalforum, der har fået høringen, kan ikke fjernes igen."
    ]
    hearing.refresh_from_db()
    assert hearing.deadline.isoformat() == "2026-12-31T22:59:00+00:00"
    assert hearing.invitations.count() == 2


# --- Material and status ----------------------------------------------------------------


def test_publishing_needs_a_document_and_a_draft_can_be_deleted(staff, clock, reference_data):
    clock.set("2026-11-20 10:00")
    forum = Forum.objects.get(area__slug="tollose")
    staff.post("/hoeringer/ny/", _form_data(forums=[forum.pk]))
    hearing = Hearing.objects.get()
    response = staff.post(f"/hoeringer/{hearing.pk}/status/", {"action": "publish"}, follow=True)
    assert "Læg høringsmaterialet eller høringsbrevet ved" in response.content.decode()
    assert Hearing.objects.get().status == HearingStatus.DRAFT
    upload = {"action": "add", "title": "Brev", "kind": "letter", "file": pdf_upload()}
    assert staff.post(f"/hoeringer/{hearing.pk}/materiale/", upload).status_code == 302
    fake = SimpleUploadedFile("virus.pdf", b"MZ\x90\x00not a pdf", content_type="application/pdf")
    bad = {"action": "add", "title": "X", "kind": "other", "file": fake}
    assert staff.post(f"/hoeringer/{hearing.pk}/materiale/", bad).status_code == 400
    assert staff.post(f"/hoeringer/{hearing.pk}/status/", {"action": "publish"}).status_code == 302
    assert Hearing.objects.get().status == HearingStatus.PLANNED
    other = make_hearing(["jyderup"], publish=False)
    staff.post(f"/hoeringer/{other.pk}/status/", {"action": "delete"})
    assert not Hearing.objects.filter(pk=other.pk).exists()


def test_extending_needs_a_reason_is_logged_and_reopens(client_as, clock, reference_data):
    clock.set("2026-12-01 10:00")
    hearing = make_hearing(["tollose"])
    clock.set("2027-01-01 00:00")
    hearings_advance()
    staff = client_as("committee_staff")  # signed in after the clock moved
    url = f"/hoeringer/{hearing.pk}/status/"
    data = {"action": "extend", "extend-day": "2027-01-15", "extend-time": "", "extend-reason": ""}
    response = staff.post(url, data)
    assert response.status_code == 400
    assert response.context["extend_form"].errors["reason"]
    assert not HearingDeadlineChange.objects.exists()
    data["extend-reason"] = "Materialet blev rettet."
    assert staff.post(url, data).status_code == 302
    hearing.refresh_from_db()
    assert hearing.status == HearingStatus.OPEN
    assert hearing.deadline.isoformat() == "2027-01-15T22:59:00+00:00"
    change = HearingDeadlineChange.objects.get()
    assert change.reason == "Materialet blev rettet."
    assert "Materialet blev rettet." in staff.get(url).content.decode()


def test_an_action_not_valid_in_the_status_is_refused(staff, clock, reference_data):
    clock.set("2026-12-01 10:00")
    hearing = make_hearing(["tollose"])
    response = staff.post(f"/hoeringer/{hearing.pk}/status/", {"action": "archive"})
    assert response.status_code == 400
    assert Hearing.objects.get().status == HearingStatus.OPEN


# --- The check of the answers -----------------------------------------------------------


def test_a_held_answer_released_redacted_or_hidden_with_the_reason_logged(
    staff, clock, reference_data
):
    clock.set("2026-12-01 10:00")
    hearing = make_hearing(["tollose"], open_to_public=True)
    first = _answer(hearing, text="Ring til mig på 12 34 56 78.")
    second = _answer(hearing, text="Skriv til per@example.org.")
    third = _answer(hearing, text="Mit tlf. er 87 65 43 21.")
    clear = _answer(hearing, text="Fint.")
    assert first.screening == ScreeningStatus.HELD
    page = staff.get(f"/hoeringer/{hearing.pk}/kontrol/")
    numbers = [response.number for response in page.context["responses"]]
    assert numbers == [first.number, second.number, third.number, clear.number]
    assert "per@example.org" in page.content.decode()
    base = f"/hoeringer/{hearing.pk}/kontrol/"
    release = {"action": "release", "release-reason": ""}
    assert staff.post(f"{base}{first.number}/", release).status_code == 400
    release["release-reason"] = "Det er kommunens eget nummer."
    assert staff.post(f"{base}{first.number}/", release).status_code == 302
    redact = {"action": "redact", "redact-public_text": "Skriv til per@example.org igen."}
    redact["redact-reason"] = "E-mail fjernet."
    response = staff.post(f"{base}{second.number}/", redact)
    assert response.status_code == 400
    assert "indeholder stadig" in response.context["forms"]["redact"].errors["public_text"][0]
    still_phone = {**redact, "redact-public_text": "Ring på 22 33 44 55."}
    assert staff.post(f"{base}{second.number}/", still_phone).status_code == 400
    redact["redact-public_text"] = "Skriv til mig."
    assert staff.post(f"{base}{second.number}/", redact).status_code == 302
    hide = {"action": "hide", "hide-reason": "Personlige oplysninger."}
    assert staff.post(f"{base}{third.number}/", hide).status_code == 302
    screenings = dict(hearing.responses.values_list("number", "screening"))
    assert screenings[first.number] == ScreeningStatus.RELEASED
    assert screenings[second.number] == ScreeningStatus.REDACTED
    assert screenings[third.number] == ScreeningStatus.HIDDEN
    assert sorted(HearingResponseReview.objects.values_list("action", "reason")) == [
        ("hide", "Personlige oplysninger."),
        ("redact", "E-mail fjernet."),
        ("release", "Det er kommunens eget nummer."),
    ]
    page = staff.get(f"{base}{second.number}/")
    assert "Skriv til per@example.org." in page.content.decode()  # the original, for staff


def test_withholding_an_attachment_of_another_answer_is_404(staff, clock, reference_data):
    clock.set("2026-12-01 10:00")
    hearing = make_hearing(["tollose"], open_to_public=True)
    first, second = _answer(hearing), _answer(hearing)
    attachment = attachment_add(response=_draft_with(first), uploaded=pdf_upload("bilag.pdf"))
    base = f"/hoeringer/{hearing.pk}/kontrol/"
    data = {"action": "withhold", "attachment": attachment.pk}
    data[f"withhold-{attachment.pk}-reason"] = "Underskrift med CPR."
    assert staff.post(f"{base}{second.number}/", data).status_code == 404
    assert staff.post(f"{base}{first.number}/", data).status_code == 302
    attachment.refresh_from_db()
    assert attachment.withheld


def _draft_with(response):
    """Attachments are added before submitting; the tests add one to a submitted answer."""
    response.status = "draft"
    return response


# --- The høringsnotat -------------------------------------------------------------------


def test_the_note_saves_lines_and_forged_rows_give_no_500(client_as, clock, reference_data):
    clock.set("2026-12-01 10:00")
    hearing = make_hearing(["tollose"], open_to_public=True)
    other = make_hearing(["jyderup"], open_to_public=True)
    answer, foreign = _answer(hearing), _answer(other)
    clock.set("2027-01-01 00:00")
    hearings_advance()
    staff = client_as("committee_staff")
    url = f"/hoeringer/{hearing.pk}/notat/"
    assert staff.get(url).status_code == 200
    row = {
        "lines-TOTAL_FORMS": "1",
        "lines-INITIAL_FORMS": "1",
        "lines-MIN_NUM_FORMS": "0",
        "lines-MAX_NUM_FORMS": "1000",
        "intro-intro": "Høringen fik et svar.",
        "lines-0-response": str(answer.pk),
        "lines-0-summary": "For forslaget.",
        "lines-0-comment": "Taget til efterretning.",
    }
    for forged in [
        {"lines-0-response": str(foreign.pk)},
        {"lines-0-response": "abc"},
        {"lines-TOTAL_FORMS": "-1"},
        {"lines-TOTAL_FORMS": "5"},
        {"lines-INITIAL_FORMS": "99"},
        {"lines-TOTAL_FORMS": "x"},
    ]:
        response = staff.post(url, {**row, **forged})
        assert response.status_code == 400, forged
    assert not HearingNoteLine.objects.exists()
    assert staff.post(url, row).status_code == 302
    answer.refresh_from_db()
    assert answer.note_line.summary == "For forslaget."
    assert not HearingNoteLine.objects.filter(response=foreign).exists()


# --- The export -------------------------------------------------------------------------


def test_the_export_has_every_answer_and_a_csv_with_bom(staff, clock, reference_data):
    clock.set("2026-12-01 10:00")
    hearing = make_hearing(["tollose"], open_to_public=True)
    hidden = _answer(hearing, text="Mit nummer er 12 34 56 78.")
    redacted = _answer(hearing, text="Skriv til per@example.org.")
    formula = _answer(hearing, author_name="=HYPERLINK(1)")
    base = f"/hoeringer/{hearing.pk}/kontrol/"
    staff.post(f"{base}{hidden.number}/", {"action": "hide", "hide-reason": "Telefon."})
    redact = {"action": "redact", "redact-public_text": "Skriv til mig.", "redact-reason": "Mail."}
    staff.post(f"{base}{redacted.number}/", redact)
    response = staff.get(f"/hoeringer/{hearing.pk}/eksport/")
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]
    archive = zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))
    names = archive.namelist()
    for answer in (hidden, redacted, formula):
        assert f"svar-{answer.number}/hoeringssvar-{hearing.pk}-{answer.number}.pdf" in names
    raw = archive.read("index.csv")
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    assert len(rows) == 4
    assert [row[0] for row in rows[1:]] == ["1", "2", "3"]
    assert rows[3][4] == "'=HYPERLINK(1)"
    assert rows[1][5] == "per@example.org"


# --- The matrix and sending again -------------------------------------------------------


def test_resend_mails_the_forums_active_contacts_only(staff, clock, reference_data, mailoutbox):
    clock.set("2026-12-01 10:00")
    ContactPerson.objects.all().delete()
    forum = Forum.objects.get(area__slug="tollose")
    ContactPersonFactory(forum=forum, name="Aktiv", email="aktiv@example.org")
    ContactPersonFactory(forum=forum, name="Gammel", email="gammel@example.org", is_active=False)
    hearing = make_hearing(["tollose", "jyderup"])
    mailoutbox.clear()
    invitation = hearing.invitations.get(forum=forum)
    response = staff.post(f"/hoeringer/invitationer/{invitation.pk}/gensend/", follow=True)
    assert response.redirect_chain[-1][0] == "/hoeringer/styring/oversigt/"
    assert [message.to for message in mailoutbox] == [["aktiv@example.org"]]
    nobody = hearing.invitations.get(forum__area__slug="jyderup")
    response = staff.post(f"/hoeringer/invitationer/{nobody.pk}/gensend/", follow=True)
    assert "ingen aktiv kontaktperson med en e-mailadresse" in response.content.decode()
    assert len(mailoutbox) == 1


def test_the_matrix_runs_the_same_queries_for_one_and_five_hearings(
    staff, clock, reference_data, django_assert_max_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    clock.set("2026-12-01 10:00")
    make_hearing(["tollose", "jyderup"])
    with CaptureQueriesContext(connection) as one:
        page = staff.get("/hoeringer/styring/oversigt/")
    assert page.status_code == 200
    assert len(page.context["rows"]) == 18
    for _ in range(4):
        make_hearing(["tollose", "jyderup", "morkov"])
    with CaptureQueriesContext(connection) as five:
        page = staff.get("/hoeringer/styring/oversigt/")
    assert len(page.context["hearings"]) == 5
    assert len(five) == len(one)
    content = page.content.decode()
    assert "Send igen" in content
    assert 'scope="row"' in content
    assert "badge-info" in content
    with CaptureQueriesContext(connection) as listed:
        assert staff.get("/hoeringer/styring/").status_code == 200
    make_hearing(["tollose"])
    with django_assert_max_num_queries(len(listed)):
        staff.get("/hoeringer/styring/")
