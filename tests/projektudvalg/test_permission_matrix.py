"""The role matrix of the pool pages not in test_permissions.py: applying, an applicant's
own pages (changes, letter, withdrawal, final report, files), the reviewers' case actions
(recommendation, payout, agenda, final report), rounds and meeting agendas."""

import datetime
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from projektudvalg import services
from projektudvalg.models import (
    AgendaItem,
    Application,
    Payout,
    Recommendation,
    Round,
    Status,
)
from tests.factories.committee import CommitteeFactory, MeetingFactory
from tests.matrix import APPLICATION_ROLES as ROLES
from tests.matrix import ROLE_NAMES, assert_access

pytestmark = pytest.mark.django_db

# projektudvalg.permissions: committee staff and administrators review (can_review); whoever
# may read an application is its applicant, the area's fælles-skaber and the reviewers
# (can_view). An applicant's own actions are the applicant's alone.
REVIEW = {"committee_staff", "staff_admin", "admin"}
VIEW = {"applicant", "area_co_creator"} | REVIEW
EVERYONE = set(ROLE_NAMES) - {"anonymous"}


@pytest.fixture
def granted(submitted, staff):
    services.review_start(application=submitted, user=staff)
    services.decision_record(
        application=submitted, user=staff, outcome="granted", amount=Decimal(60000)
    )
    submitted.refresh_from_db()
    return submitted


@pytest.fixture
def report(granted, applicant):
    return services.final_report_submit(
        application=granted, user=applicant, text="Sheltret blev bygget i maj."
    )


@pytest.fixture
def meeting(db):
    return MeetingFactory(committee=CommitteeFactory())


def _danish(day: datetime.date) -> str:
    return day.strftime("%d.%m.%Y")


def _round_form(round_: Round, **changes) -> dict:
    return {
        "pool": round_.pool_id, "name": round_.name,
        "opens_at": timezone.localtime(round_.opens_at).strftime("%Y-%m-%dT%H:%M"),
        "budget": "500.000", "report_months": "12",
        "deadline_day": _danish(timezone.localdate(round_.deadline)), "deadline_time": "",
    } | changes  # fmt: skip


@pytest.mark.parametrize("role", ROLE_NAMES)
def test_start(client_as, open_round, role):
    """Every signed-in person may apply (can_apply)."""
    client = client_as(role)
    url = "/puljer/rum-til-faellesskab/ansoeg/"
    assert_access(client.get(url), role, EVERYONE)
    response = client.post(url, {"round": open_round.pk})
    assert_access(response, role, EVERYONE, ok=302)
    created = Application.objects.filter(round=open_round).first()
    if role in EVERYONE:
        assert created is not None
        assert response.url == f"/ansoegninger/{created.pk}/rediger/"
        assert str(created.applicant_id) == client.session["_auth_user_id"]  # their own
    else:
        assert created is None


@pytest.mark.parametrize("role", ROLES)
def test_application_changes(as_role, submitted, role):
    response = as_role(role).get(f"/ansoegninger/{submitted.pk}/aendringer/")
    assert_access(response, role, VIEW)


@pytest.mark.parametrize("role", ROLES)
def test_letter(as_role, granted, role):
    client = as_role(role)
    page = client.get(f"/ansoegninger/{granted.pk}/brev/")
    assert_access(page, role, VIEW)
    pdf = client.get(f"/ansoegninger/{granted.pk}/brev/?format=pdf")
    assert_access(pdf, role, VIEW)
    if role in VIEW:
        assert "giver tilsagn om et tilskud på 60.000\xa0kr." in page.text
        assert pdf.content.startswith(b"%PDF-")


@pytest.mark.parametrize("role", ROLES)
def test_withdraw(as_role, submitted, role):
    client = as_role(role)
    url = f"/ansoegninger/{submitted.pk}/traek-tilbage/"
    assert_access(client.get(url), role, {"applicant"})
    assert_access(client.post(url), role, {"applicant"}, ok=302)
    submitted.refresh_from_db()
    expected = Status.WITHDRAWN if role == "applicant" else Status.SUBMITTED
    assert submitted.status == expected


@pytest.mark.parametrize("role", ROLES)
def test_final_report(as_role, granted, role):
    response = as_role(role).post(
        f"/ansoegninger/{granted.pk}/slutrapport/", {"text": "Sheltret blev bygget i maj."}
    )
    assert_access(response, role, {"applicant"}, ok=302)
    assert granted.final_reports.exists() is (role == "applicant")


@pytest.mark.parametrize("role", ROLES)
def test_attachment_delete(as_role, draft, role):
    """Only the applicant removes a file, and only from a draft (can_edit)."""
    file = services.attachment_add(
        application=draft, uploaded=SimpleUploadedFile("tilbud.pdf", b"%PDF-1.7 a")
    )
    response = as_role(role).post(f"/ansoegninger/{draft.pk}/bilag/{file.pk}/slet/")
    assert_access(response, role, {"applicant"}, ok=302)
    assert draft.files.filter(pk=file.pk).exists() is (role != "applicant")


@pytest.mark.parametrize("role", ROLES)
def test_recommend(as_role, submitted, role):
    response = as_role(role).post(
        f"/puljer/behandling/{submitted.pk}/indstilling/",
        {"rec-outcome": "granted", "rec-amount": "50.000", "rec-text": "Godt projekt"},
    )
    assert_access(response, role, REVIEW, ok=302)
    assert Recommendation.objects.filter(application=submitted).exists() is (role in REVIEW)


@pytest.mark.parametrize("role", ROLES)
def test_payout(as_role, granted, role):
    response = as_role(role).post(f"/puljer/behandling/{granted.pk}/udbetaling/", {
        "payout-paid_on": _danish(timezone.localdate()), "payout-amount": "10.000",
        "payout-nemkonto_reference": "NK-1",
    })  # fmt: skip
    assert_access(response, role, REVIEW, ok=302)
    assert Payout.objects.filter(application=granted).exists() is (role in REVIEW)
    granted.refresh_from_db()
    assert granted.status == (Status.PAID if role in REVIEW else Status.GRANTED)


@pytest.mark.parametrize("role", ROLES)
def test_add_to_agenda(as_role, submitted, meeting, role):
    response = as_role(role).post(
        f"/puljer/behandling/{submitted.pk}/dagsorden/", {"agenda-meeting": meeting.pk}
    )
    assert_access(response, role, REVIEW, ok=302)
    on_agenda = AgendaItem.objects.filter(meeting=meeting, applications=submitted).exists()
    assert on_agenda is (role in REVIEW)


@pytest.mark.parametrize("role", ROLES)
def test_accept_report(as_role, report, role):
    response = as_role(role).post(
        f"/puljer/behandling/{report.application_id}/slutrapport/{report.pk}/godkend/"
    )
    assert_access(response, role, REVIEW, ok=302)
    report.refresh_from_db()
    assert (report.accepted_at is not None) is (role in REVIEW)


@pytest.mark.parametrize("role", ROLE_NAMES)
def test_rounds(client_as, open_round, role):
    client = client_as(role)
    assert_access(client.get("/puljer/runder/"), role, REVIEW)
    start = timezone.localdate() + datetime.timedelta(days=30)
    response = client.post("/puljer/runder/", _round_form(open_round, **{
        "name": "Forår", "opens_at": f"{start:%Y-%m-%d}T08:00",
        "deadline_day": _danish(start + datetime.timedelta(days=90)),
    }))  # fmt: skip
    assert_access(response, role, REVIEW, ok=302)
    assert Round.objects.filter(name="Forår").exists() is (role in REVIEW)


@pytest.mark.parametrize("role", ROLE_NAMES)
def test_round_edit(client_as, open_round, role):
    client = client_as(role)
    url = f"/puljer/runder/{open_round.pk}/"
    assert_access(client.get(url), role, REVIEW)
    response = client.post(url, _round_form(open_round, name="Runde omdøbt"))
    assert_access(response, role, REVIEW, ok=302)
    open_round.refresh_from_db()
    assert (open_round.name == "Runde omdøbt") is (role in REVIEW)


@pytest.mark.parametrize("role", ROLE_NAMES)
def test_meeting(client_as, reference_data, submitted, meeting, role):
    """The pools' old agenda address (meeting) redirects to the meeting's staff page, and the
    agenda's CSV (meeting-csv): reviewers only."""
    services.agenda_item_add(application=submitted, meeting=meeting)
    client = client_as(role)
    page = client.get(f"/puljer/moeder/{meeting.pk}/")
    assert_access(page, role, REVIEW, ok=301)
    csv = client.get(f"/puljer/moeder/{meeting.pk}/dagsorden.csv")
    assert_access(csv, role, REVIEW)
    if role in REVIEW:
        assert page.url == f"/udvalget/moeder/{meeting.pk}/rediger/"
        assert submitted.reference in csv.content.decode("utf-8-sig")
