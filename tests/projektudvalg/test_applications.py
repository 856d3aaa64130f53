"""Applying: drafts, bad input, the deadline in Danish time, submitting, files, resubmitting."""

import datetime
import zoneinfo
from decimal import Decimal

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from lokalfora.models import LocalArea
from projektudvalg import services
from projektudvalg.models import Application, Round, Status, SubmittedVersion, end_of_day
from tests.factories import RoundFactory, complete, login, make_user

pytestmark = pytest.mark.django_db
CPH = zoneinfo.ZoneInfo("Europe/Copenhagen")
UTC = datetime.UTC


def test_starting_needs_an_open_round_of_that_pool(rtf, lbf, open_round, applicant):
    closed = RoundFactory(pool=rtf, days_left=-1, name="Lukket")
    other_pool = RoundFactory(pool=lbf, name="Anden pulje")
    for round_id in (closed.pk, other_pool.pk, 999999, None):
        with pytest.raises(ValidationError):
            services.application_create(pool=rtf, round_id=round_id, user=applicant)
    assert (
        services.application_create(pool=rtf, round_id=open_round.pk, user=applicant).status
        == "draft"
    )


def test_the_start_page_refuses_a_forged_round(client, rtf, lbf, open_round, applicant):
    login(client, applicant)
    other = RoundFactory(pool=lbf, name="Anden pulje")
    response = client.post("/puljer/rum-til-faellesskab/ansoeg/", {"round": other.pk}, follow=True)
    assert "Ansøgningsrunden findes ikke i denne pulje" in response.text
    assert not Application.objects.exists()
    response = client.post("/puljer/rum-til-faellesskab/ansoeg/", {"round": "abc"}, follow=True)
    assert response.status_code == 200
    assert not Application.objects.exists()
    response = client.post("/puljer/rum-til-faellesskab/ansoeg/", {"round": open_round.pk})
    application = Application.objects.get()
    assert response.url == f"/ansoegninger/{application.pk}/rediger/"


def form_data(**changes):
    data = {
        "organisation": "Tølløse Borgerforening", "applicant_type": "association", "cvr": "",
        "area": "", "title": "Shelter", "description": "Et shelter", "amount_applied": "60.000",
        "cofinancing_cash": "5.000", "volunteer_hours": "0", "cofinancing_materials": "",
        "other_municipal": "", "timeline": "2027", "contact_name": "Karen",
        "contact_email": "karen@example.org", "contact_phone": "",
        "budget-TOTAL_FORMS": "3", "budget-INITIAL_FORMS": "0",
        "budget-0-description": "Materialer", "budget-0-amount": "65.000",
        "budget-1-description": "", "budget-1-amount": "",
        "budget-2-description": "", "budget-2-amount": "",
        "save": "1",
    }  # fmt: skip
    return data | changes


@pytest.fixture
def editing(client, open_round, applicant):
    login(client, applicant)
    application = services.application_create(
        pool=open_round.pool, round_id=open_round.pk, user=applicant
    )
    return client, application


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("amount_applied", "60 tusind", "Skriv beløbet i kroner med tal"),
        ("amount_applied", "-60000", "Beløbet kan ikke være negativt"),
        ("amount_applied", "999.999.999.999", "Beløbet er for stort"),
        ("cofinancing_cash", "1,005", "Skriv beløbet i kroner med tal"),
        ("volunteer_hours", "mange", "Skriv et helt antal timer"),
        ("cvr", "1234", "Et CVR-nummer er 8 cifre"),
        ("contact_email", "karen", "e-mail"),
        ("title", "<script>x</script>", "Skriv almindelig tekst uden HTML-koder"),
        ("budget-0-amount", "mange penge", "Skriv beløbet i kroner med tal"),
    ],
)
def test_bad_input_is_refused_in_danish_and_the_rest_is_saved(editing, field, value, message):
    client, application = editing
    response = client.post(f"/ansoegninger/{application.pk}/rediger/", form_data(**{field: value}))
    assert response.status_code == 400
    assert message in response.text
    typed = value.replace("<", "&lt;").replace(">", "&gt;")
    assert f'value="{typed}"' in response.text  # what was typed is kept
    application.refresh_from_db()
    assert application.organisation == "Tølløse Borgerforening"  # the valid fields were saved
    assert application.status == "draft"


def test_saving_shows_what_is_missing_and_submitting_refuses_it(editing):
    client, application = editing
    response = client.post(
        f"/ansoegninger/{application.pk}/rediger/", form_data(amount_applied="49.999"), follow=True
    )
    assert "Kladden er gemt" in response.text
    assert "Der skal søges mindst 50.000\xa0kr. I søger 49.999\xa0kr." in response.text
    response = client.post(
        f"/ansoegninger/{application.pk}/rediger/",
        form_data(amount_applied="49.999", submit="1"),
    )
    assert response.status_code == 400
    assert "Ansøgningen er ikke indsendt" in response.text
    assert "Vælg mindst ét af puljens kriterier" in response.text
    application.refresh_from_db()
    assert application.status == "draft"
    assert application.amount_applied == Decimal(49999)  # the draft is kept


def test_submitting_gives_a_reference_and_a_receipt(
    editing, django_capture_on_commit_callbacks, rtf
):
    client, application = editing
    criterion = rtf.criteria_list.first()
    tollose = LocalArea.objects.get(slug="tollose")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/ansoegninger/{application.pk}/rediger/",
            form_data(submit="1", criteria=[criterion.pk], area=str(tollose.pk)),
        )
    assert response.status_code == 302, response.content.decode()[:3000]
    application.refresh_from_db()
    year = timezone.localdate().year
    assert application.reference == f"RTF-{year}-0001"
    assert application.status == "submitted"
    assert mail.outbox[-1].subject == f"Kvittering: ansøgning RTF-{year}-0001 er modtaget"
    assert f"RTF-{year}-0001" in mail.outbox[-1].body
    # A double submit changes nothing and says so.
    again = client.post(f"/ansoegninger/{application.pk}/rediger/", form_data(submit="1"))
    assert again.status_code == 302
    assert SubmittedVersion.objects.filter(application=application).count() == 1
    assert len([m for m in mail.outbox if "Kvittering" in m.subject]) == 1


def test_references_are_numbered_per_pool_and_year(open_round, applicant):
    year = timezone.localdate().year
    references = []
    for _ in range(3):
        application = services.application_create(
            pool=open_round.pool, round_id=open_round.pk, user=applicant
        )
        complete(application)
        references.append(
            services.application_submit(application=application, user=applicant).reference
        )
    assert references == [f"RTF-{year}-{n:04d}" for n in (1, 2, 3)]


@pytest.mark.parametrize(
    ("deadline_day", "moment", "ok"),
    [
        # Winter time (CET, UTC+1): the deadline is 23:59:59 Danish time = 22:59:59 UTC.
        (datetime.date(2027, 2, 1), datetime.datetime(2027, 2, 1, 23, 59, 59, tzinfo=CPH), True),
        (datetime.date(2027, 2, 1), datetime.datetime(2027, 2, 2, 0, 0, 0, tzinfo=CPH), False),
        # Summer time (CEST, UTC+2), as for the published 1 August deadline.
        (datetime.date(2027, 8, 1), datetime.datetime(2027, 8, 1, 21, 59, 59, tzinfo=UTC), True),
        (datetime.date(2027, 8, 1), datetime.datetime(2027, 8, 1, 22, 0, 0, tzinfo=UTC), False),
    ],
    ids=["winter-23:59:59", "winter-00:00", "summer-23:59:59", "summer-00:00"],
)  # fmt: skip
def test_the_deadline_is_the_end_of_the_day_in_danish_time(
    draft, applicant, deadline_day, moment, ok
):
    Round.objects.filter(pk=draft.round_id).update(
        opens_at=datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC),
        deadline=end_of_day(deadline_day),
    )
    draft.refresh_from_db()
    if ok:
        assert (
            services.application_submit(application=draft, user=applicant, now=moment).status
            == "submitted"
        )
    else:
        with pytest.raises(ValidationError, match="kladde er gemt"):
            services.application_submit(application=draft, user=applicant, now=moment)
        draft.refresh_from_db()
        assert draft.status == "draft"


def test_a_deadline_passed_while_the_form_was_open(editing, rtf):
    client, application = editing
    Round.objects.filter(pk=application.round_id).update(
        deadline=datetime.datetime(2026, 1, 2, tzinfo=datetime.UTC),
        opens_at=datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC),
    )
    criterion = rtf.criteria_list.first()
    response = client.post(
        f"/ansoegninger/{application.pk}/rediger/",
        form_data(submit="1", criteria=[criterion.pk]),
    )
    assert response.status_code == 400
    assert "Fristen var" in response.text
    application.refresh_from_db()
    assert application.status == "draft"
    assert application.title == "Shelter"


def test_files_are_checked_by_content_and_size(editing):
    client, application = editing
    exe = SimpleUploadedFile("budget.pdf", b"MZ\x90\x00\x03 this is a windows program")
    response = client.post(f"/ansoegninger/{application.pk}/rediger/", form_data(files=[exe]))
    assert response.status_code == 400
    assert "budget.pdf kan ikke bruges" in response.text
    big = SimpleUploadedFile("stor.pdf", b"%PDF-" + b"0" * (10 * 1024 * 1024))
    response = client.post(f"/ansoegninger/{application.pk}/rediger/", form_data(files=[big]))
    assert "fylder for meget" in response.text
    good = SimpleUploadedFile("tilbud.pdf", b"%PDF-1.7 tilbud")
    response = client.post(f"/ansoegninger/{application.pk}/rediger/", form_data(files=[good]))
    assert response.status_code == 302
    assert [f.name for f in application.files.all()] == ["tilbud.pdf"]


def test_a_returned_application_is_corrected_and_every_version_kept(submitted, applicant, staff):
    services.review_start(application=submitted, user=staff)
    services.decision_record(
        application=submitted,
        user=staff,
        outcome="returned",
        reason="Budgettet mangler en linje til maling.",
    )
    submitted.refresh_from_db()
    assert submitted.status == Status.RETURNED
    complete(submitted, title="Shelter og bålplads")
    services.application_submit(application=submitted, user=applicant)
    submitted.refresh_from_db()
    assert submitted.status == Status.SUBMITTED
    assert submitted.reference.endswith("-0001")  # the same number
    from projektudvalg import versions

    first, second = submitted.versions.order_by("number")
    assert ("Projektets titel", "Shelter ved søen", "Shelter og bålplads") in versions.changes(
        first.data, second.data
    )


def test_after_submitting_the_applicant_cannot_edit(client, submitted, applicant):
    login(client, applicant)
    response = client.get(f"/ansoegninger/{submitted.pk}/rediger/")
    assert response.status_code == 302
    response = client.post(f"/ansoegninger/{submitted.pk}/rediger/", form_data(title="Ændret"))
    assert response.status_code == 302
    submitted.refresh_from_db()
    assert submitted.title == "Shelter ved søen"


def test_the_status_page_shows_the_timeline_in_plain_danish(client, in_review, applicant):
    login(client, applicant)
    page = client.get(f"/ansoegninger/{in_review.pk}/").text
    assert "under behandling" in page
    assert "Modtaget" in page
    assert "Under behandling" in page


def test_someone_elses_application_is_not_found(client, submitted):
    login(client, make_user("anden@example.org"))
    for url in ["/", "rediger/", "aendringer/", "brev/"]:
        assert client.get(f"/ansoegninger/{submitted.pk}/{url.lstrip('/')}").status_code == 404


def test_a_double_click_on_submit_never_gives_a_500(client, editing, rtf):
    """The second request still holds the draft it loaded; it is sent to the status page."""
    client, application = editing
    tollose = LocalArea.objects.get(slug="tollose")
    data = form_data(submit="1", criteria=[rtf.criteria_list.first().pk], area=str(tollose.pk))
    assert client.post(f"/ansoegninger/{application.pk}/rediger/", data).status_code == 302
    from unittest import mock

    from projektudvalg import permissions

    with mock.patch.object(permissions, "can_edit", return_value=True):  # the stale view
        response = client.post(f"/ansoegninger/{application.pk}/rediger/", data)
    assert response.status_code == 302
    assert response.url == f"/ansoegninger/{application.pk}/"
    assert SubmittedVersion.objects.filter(application=application).count() == 1


def test_a_final_report_with_errors_keeps_the_text(client, submitted, applicant, staff):
    services.review_start(application=submitted, user=staff)
    services.decision_record(
        application=submitted, user=staff, outcome="granted", amount=Decimal(60000)
    )
    login(client, applicant)
    exe = SimpleUploadedFile("regnskab.pdf", b"MZ\x90\x00 not a pdf")
    response = client.post(
        f"/ansoegninger/{submitted.pk}/slutrapport/",
        {"text": "Sheltret blev bygget i maj.", "files": [exe]},
    )
    assert response.status_code == 400
    assert "regnskab.pdf kan ikke bruges" in response.text
    assert "Sheltret blev bygget i maj." in response.text
    assert not submitted.final_reports.exists()


def test_nonsense_years_in_the_public_list_are_ignored(client, rtf):
    for year in ["99999", "-1", "abc", "0"]:
        assert client.get(f"/puljer/bevillinger/?aar={year}").status_code == 200


def test_files_of_a_submitted_version_stay(client, open_round, applicant, staff):
    login(client, applicant)
    application = services.application_create(
        pool=open_round.pool, round_id=open_round.pk, user=applicant
    )
    complete(application)
    first = services.attachment_add(
        application=application, uploaded=SimpleUploadedFile("tilbud.pdf", b"%PDF-1.7 a")
    )
    services.application_submit(application=application, user=applicant)
    services.review_start(application=application, user=staff)
    services.decision_record(application=application, user=staff, outcome="returned", reason="Ret")
    response = client.post(f"/ansoegninger/{application.pk}/bilag/{first.pk}/slet/", follow=True)
    assert "var med i en indsendt version" in response.text
    assert application.files.filter(pk=first.pk).exists()
    newer = services.attachment_add(
        application=application, uploaded=SimpleUploadedFile("nyt.pdf", b"%PDF-1.7 b")
    )
    client.post(f"/ansoegninger/{application.pk}/bilag/{newer.pk}/slet/")
    assert not application.files.filter(pk=newer.pk).exists()


def test_a_removed_file_is_gone_from_storage_and_a_kept_one_is_refused(draft, applicant):
    attachment = services.attachment_add(
        application=draft, uploaded=SimpleUploadedFile("tilbud.pdf", b"%PDF-1.7 a")
    )
    storage, name = attachment.file.storage, attachment.file.name
    assert storage.exists(name)
    services.attachment_remove(attachment=attachment)
    assert not storage.exists(name)
    kept = services.attachment_add(
        application=draft, uploaded=SimpleUploadedFile("nyt.pdf", b"%PDF-1.7 b")
    )
    services.application_submit(application=draft, user=applicant)
    with pytest.raises(ValidationError, match="indsendt"):
        services.attachment_remove(attachment=kept)
    assert draft.files.filter(pk=kept.pk).exists()


def test_the_last_fraction_of_the_deadline_second_is_in_time(draft, applicant):
    Round.objects.filter(pk=draft.round_id).update(
        opens_at=datetime.datetime(2026, 1, 1, tzinfo=UTC),
        deadline=end_of_day(datetime.date(2027, 2, 1)),
    )
    draft.refresh_from_db()
    moment = datetime.datetime(2027, 2, 1, 23, 59, 59, 900000, tzinfo=CPH)
    assert (
        services.application_submit(application=draft, user=applicant, now=moment).status
        == "submitted"
    )


def test_the_applicant_withdraws_after_confirming(client, submitted, applicant, staff):
    login(client, applicant)
    page = client.get(f"/ansoegninger/{submitted.pk}/traek-tilbage/")
    assert "Ja, træk ansøgningen tilbage" in page.text
    response = client.post(f"/ansoegninger/{submitted.pk}/traek-tilbage/", follow=True)
    assert "Ansøgningen er trukket tilbage" in response.text
    submitted.refresh_from_db()
    assert submitted.status == Status.WITHDRAWN
    again = client.post(f"/ansoegninger/{submitted.pk}/traek-tilbage/", follow=True)
    assert "kan ikke trækkes tilbage" in again.text


def test_only_the_applicant_can_withdraw(client, submitted):
    login(client, make_user("anden@example.org"))
    assert client.post(f"/ansoegninger/{submitted.pk}/traek-tilbage/").status_code == 404
    submitted.refresh_from_db()
    assert submitted.status == Status.SUBMITTED
