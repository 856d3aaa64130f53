"""Review, decisions within the round's budget, letters, payouts, final report and closing."""

import datetime
import io
from decimal import Decimal

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import timezone

from lokalfora.models import LocalArea
from projektudvalg import selectors, services
from projektudvalg.models import Application, Decision, Outcome, Round, Status
from tests.factories import RoundFactory, complete, login, make_user
from tests.factories.committee import CommitteeFactory, MeetingFactory

pytestmark = pytest.mark.django_db


def _png() -> bytes:
    from PIL import Image

    output = io.BytesIO()
    Image.new("RGB", (8, 8), "white").save(output, "PNG")
    return output.getvalue()


PNG = _png()


def test_scores_are_0_to_5_per_criterion_one_assessment_per_reviewer(in_review, staff):
    criterion = in_review.pool.criteria_list.first()
    services.assessment_save(
        application=in_review, user=staff, scores={criterion: 4}, notes="God idé"
    )
    services.assessment_save(
        application=in_review, user=staff, scores={criterion: 5}, notes="Endnu bedre"
    )
    assessment = in_review.assessments.get()
    assert (assessment.notes, assessment.scores.get().score) == ("Endnu bedre", 5)
    with pytest.raises(ValidationError, match="0 til 5"):
        services.assessment_save(application=in_review, user=staff, scores={criterion: 6}, notes="")
    other_pool = type(criterion).objects.exclude(pool=in_review.pool).first()
    with pytest.raises(ValidationError, match="hører ikke til puljen"):
        services.assessment_save(
            application=in_review, user=staff, scores={other_pool: 3}, notes=""
        )


def test_a_grant_is_at_most_the_amount_applied_and_less_is_partly(in_review, staff):
    with pytest.raises(ValidationError, match="højst bevilges det ansøgte"):
        services.decision_record(
            application=in_review, user=staff, outcome="granted", amount=Decimal("60000.01")
        )
    decision = services.decision_record(
        application=in_review, user=staff, outcome="granted", amount=Decimal(40000)
    )
    assert decision.outcome == Outcome.PARTLY
    in_review.refresh_from_db()
    assert in_review.status == Status.GRANTED
    assert decision.report_due is not None


def test_refusing_and_returning_need_a_reason(in_review, staff):
    for outcome in ("refused", "returned"):
        with pytest.raises(ValidationError):
            services.decision_record(application=in_review, user=staff, outcome=outcome, reason=" ")
    in_review.refresh_from_db()
    assert in_review.status == Status.IN_REVIEW


def test_a_round_never_commits_more_than_its_budget(open_round, applicant, staff):
    Round.objects.filter(pk=open_round.pk).update(budget=Decimal(100000))
    applications = []
    for _ in range(2):
        application = services.application_create(
            pool=open_round.pool, round_id=open_round.pk, user=applicant
        )
        complete(application)
        services.application_submit(application=application, user=applicant)
        applications.append(services.review_start(application=application, user=staff))
    services.decision_record(
        application=applications[0], user=staff, outcome="granted", amount=Decimal(60000)
    )
    with pytest.raises(ValidationError, match=r"kun 40\.000\\xa0kr\. tilbage"):
        services.decision_record(
            application=applications[1], user=staff, outcome="granted", amount=Decimal(60000)
        )
    services.decision_record(
        application=applications[1], user=staff, outcome="partly", amount=Decimal(40000)
    )
    assert selectors.committed(open_round) == 100000


def test_a_decision_checks_the_step_before_the_budget(open_round, submitted, staff):
    """Granting an application that is not under review says so, even when the round's
    budget would not cover the amount: the transition is checked first."""
    Round.objects.filter(pk=open_round.pk).update(budget=Decimal(1000))
    with pytest.raises(ValidationError) as refused:
        services.decision_record(
            application=submitted, user=staff, outcome="granted", amount=Decimal(60000)
        )
    assert refused.value.messages == ["En ansøgning, der er »modtaget«, kan ikke bevilges."]
    submitted.refresh_from_db()
    assert submitted.status == Status.SUBMITTED


def test_a_grant_without_an_amount_applied_is_refused_in_danish(in_review, staff):
    Application.objects.filter(pk=in_review.pk).update(amount_applied=None)
    with pytest.raises(ValidationError, match="intet ansøgt beløb"):
        services.decision_record(
            application=in_review, user=staff, outcome="granted", amount=Decimal(60000)
        )
    assert not Decision.objects.exists()


def test_a_grant_without_an_amount_applied_is_no_server_error(client, in_review, staff):
    Application.objects.filter(pk=in_review.pk).update(amount_applied=None)
    login(client, staff)
    response = client.post(
        f"/puljer/behandling/{in_review.pk}/afgoerelse/",
        {"decision-outcome": "granted", "decision-amount": "60.000"},
    )
    assert response.status_code == 400
    assert "intet ansøgt beløb" in response.text


def test_the_decision_letter_is_mailed_as_a_pdf(
    in_review, staff, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        services.decision_record(
            application=in_review,
            user=staff,
            outcome="granted",
            amount=Decimal(60000),
            conditions="Skiltning med kommunens logo.",
        )
    letter = mail.outbox[-1]
    assert letter.subject == f"Tilsagn om tilskud: {in_review.reference}"
    name, content, mimetype = letter.attachments[0]
    assert (name, mimetype) == (f"tilsagn-{in_review.reference}.pdf", "application/pdf")
    assert content.startswith(b"%PDF-")
    from pypdf import PdfReader

    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)
    assert "60.000\xa0kr" in text
    assert "Skiltning med kommunens logo" in text


def test_payouts_never_exceed_the_grant(in_review, staff):
    services.decision_record(
        application=in_review, user=staff, outcome="granted", amount=Decimal(60000)
    )
    today = timezone.localdate()
    services.payout_record(
        application=in_review,
        user=staff,
        paid_on=today,
        amount=Decimal(30000),
        nemkonto_reference="NK-1",
    )
    in_review.refresh_from_db()
    assert in_review.status == Status.PAID
    with pytest.raises(ValidationError, match=r"højst udbetales 30\.000\\xa0kr\. mere"):
        services.payout_record(
            application=in_review,
            user=staff,
            paid_on=today,
            amount=Decimal("30000.01"),
            nemkonto_reference="NK-2",
        )
    services.payout_record(
        application=in_review,
        user=staff,
        paid_on=today,
        amount=Decimal(30000),
        nemkonto_reference="NK-2",
    )
    assert in_review.payouts.count() == 2


def test_closing_needs_an_accepted_final_report(in_review, staff, applicant):
    services.decision_record(
        application=in_review, user=staff, outcome="granted", amount=Decimal(60000)
    )
    services.payout_record(
        application=in_review,
        user=staff,
        paid_on=timezone.localdate(),
        amount=Decimal(60000),
        nemkonto_reference="NK-1",
    )
    with pytest.raises(ValidationError, match="Slutrapporten skal være godkendt"):
        services.application_close(application=in_review, user=staff)
    report = services.final_report_submit(
        application=in_review, user=applicant, text="Sheltret står færdigt."
    )
    services.final_report_accept(report=report, user=staff)
    services.application_close(application=in_review, user=staff)
    in_review.refresh_from_db()
    assert in_review.status == Status.CLOSED


def village_application(lbf, applicant):
    from django.core.files.uploadedfile import SimpleUploadedFile

    round_ = RoundFactory(pool=lbf, name="LBF")
    application = services.application_create(pool=lbf, round_id=round_.pk, user=applicant)
    photo = SimpleUploadedFile("facade.png", PNG)
    services.attachment_add(application=application, uploaded=photo)
    return services.application_save_draft(
        application=application,
        values={
            "title": "Nye vinduer og facade",
            "area": LocalArea.objects.get(slug="tollose"),
            "property_address": "Hovedgaden 1, 4340 Tølløse",
            "construction_year": 1932,
            "location": "open_country",
            "ownership": "owner_occupied",
            "owner_lives_there": True,
            "work_description": "Nye vinduer og facade",
            "craftsman_name": "Tømrer A/S",
            "craftsman_cvr": "12345678",
            "craftsman_vat_registered": True,
            "amount_applied": Decimal(100000),
            "contact_name": "Ole",
            "contact_email": "ole@example.org",
        },
        lines=[("Vinduer", Decimal(200000))],
    )


def test_landsbyfornyelse_pays_only_after_the_accounts(lbf, applicant, staff):
    application = village_application(lbf, applicant)
    services.application_submit(application=application, user=applicant)
    services.review_start(application=application, user=staff)
    services.decision_record(
        application=application, user=staff, outcome="granted", amount=Decimal(100000)
    )
    with pytest.raises(ValidationError, match="arbejdet er færdigt"):
        services.payout_record(
            application=application,
            user=staff,
            paid_on=timezone.localdate(),
            amount=Decimal(100000),
            nemkonto_reference="NK",
        )
    report = services.final_report_submit(
        application=application, user=applicant, text="Arbejdet er færdigt. Regnskab vedlagt."
    )
    services.final_report_accept(report=report, user=staff)
    services.payout_record(
        application=application,
        user=staff,
        paid_on=timezone.localdate(),
        amount=Decimal(100000),
        nemkonto_reference="NK",
    )
    assert Decision.objects.get(application=application).amount == 100000


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_concurrent_grants_never_exceed_the_budget(reference_data):
    """Two staff grant 60.000 kr each from a 100.000 kr round at the same moment."""
    import threading

    from django.db import connection, connections

    from holbaek import roles
    from projektudvalg.models import GrantPool

    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL's row locks")
    pool = GrantPool.objects.get(slug="rum-til-faellesskab")
    round_ = RoundFactory(pool=pool, budget=Decimal(100_000))
    applicant = make_user("ansoeger@example.org")
    staff = make_user("sekr@example.org", role=roles.COMMITTEE_STAFF)
    applications = []
    for _ in range(2):
        application = services.application_create(pool=pool, round_id=round_.pk, user=applicant)
        complete(application)
        services.application_submit(application=application, user=applicant)
        applications.append(services.review_start(application=application, user=staff))
    barrier = threading.Barrier(2)
    outcomes = []

    def grant(application):
        try:
            barrier.wait(timeout=10)
            services.decision_record(
                application=application, user=staff, outcome="granted", amount=Decimal(60000)
            )
            outcomes.append("granted")
        except ValidationError:
            outcomes.append("refused")
        finally:
            connections.close_all()

    threads = [threading.Thread(target=grant, args=(a,)) for a in applications]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert sorted(outcomes) == ["granted", "refused"]
    assert selectors.committed(round_) == 60000


def test_overdue_final_reports_are_reminded_every_14_days(in_review, staff, applicant):
    decision = services.decision_record(
        application=in_review, user=staff, outcome="granted", amount=Decimal(60000)
    )
    assert services.final_report_remind_overdue() == 0  # not due yet
    Decision.objects.filter(pk=decision.pk).update(report_due=datetime.date(2026, 1, 1))
    assert services.final_report_remind_overdue() == 1
    assert mail.outbox[-1].subject == f"Påmindelse: slutrapport for {in_review.reference}"
    assert "01.01.2026" in mail.outbox[-1].body
    assert services.final_report_remind_overdue() == 0  # not again within 14 days
    Decision.objects.filter(pk=decision.pk).update(
        report_reminded_at=datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC)
    )
    services.final_report_submit(application=in_review, user=applicant, text="Færdigt")
    assert services.final_report_remind_overdue() == 0  # the report is in


def test_staff_choose_which_status_changes_mail_the_applicant(
    submitted, staff, django_capture_on_commit_callbacks
):
    from projektudvalg.models import StatusMail

    StatusMail.objects.update_or_create(status="in_review", defaults={"send": False})
    with django_capture_on_commit_callbacks(execute=True):
        services.review_start(application=submitted, user=staff)
    assert not [m for m in mail.outbox if "under behandling" in m.subject]
    StatusMail.objects.filter(status="in_review").update(send=True)
    with django_capture_on_commit_callbacks(execute=True):
        services.decision_record(
            application=submitted, user=staff, outcome="returned", reason="Ret budgettet"
        )
    returned = [m for m in mail.outbox if "sendt retur" in m.subject]
    assert len(returned) == 1
    assert "Ret budgettet" in returned[0].body


def test_landsbyfornyelse_needs_a_photo_and_never_publishes_the_address(
    client, lbf, applicant, staff
):
    application = village_application(lbf, applicant)
    assert application.files.get().kind == "photo"  # recognised by its content
    application.files.all().delete()
    with pytest.raises(ValidationError, match="Vedhæft mindst ét foto"):
        services.application_submit(application=application, user=applicant)
    from django.core.files.uploadedfile import SimpleUploadedFile

    services.attachment_add(application=application, uploaded=SimpleUploadedFile("f.png", PNG))
    services.application_submit(application=application, user=applicant)
    services.review_start(application=application, user=staff)
    services.decision_record(
        application=application, user=staff, outcome="granted", amount=Decimal(100000)
    )
    for url in ["/puljer/bevillinger/", "/puljer/landsbyfornyelse/", "/lokalomraader/tollose/"]:
        page = client.get(url).text
        assert "Nye vinduer og facade" in page, url
        assert "Hovedgaden" not in page, url


def test_a_payout_registered_twice_is_refused(in_review, staff):
    services.decision_record(
        application=in_review, user=staff, outcome="granted", amount=Decimal(60000)
    )
    today = timezone.localdate()
    services.payout_record(
        application=in_review,
        user=staff,
        paid_on=today,
        amount=Decimal(20000),
        nemkonto_reference="NK-1",
    )
    with pytest.raises(ValidationError, match="allerede registreret"):
        services.payout_record(
            application=in_review,
            user=staff,
            paid_on=today,
            amount=Decimal(20000),
            nemkonto_reference="NK-1",
        )
    assert in_review.payouts.count() == 1


def test_a_grant_with_øre_is_stated_exactly_in_the_letter(client, in_review, staff, applicant):
    services.decision_record(
        application=in_review, user=staff, outcome="granted", amount=Decimal("59999.50")
    )
    login(client, applicant)
    assert "59.999,50\xa0kr." in client.get(f"/ansoegninger/{in_review.pk}/brev/").text


def test_an_application_goes_on_its_rounds_pool_item_once(in_review, staff, open_round, applicant):
    meeting = MeetingFactory(committee=CommitteeFactory())
    assert services.agenda_item_add(application=in_review, meeting=meeting) is True
    assert services.agenda_item_add(application=in_review, meeting=meeting) is False
    other = services.application_create(
        pool=open_round.pool, round_id=open_round.pk, user=applicant
    )
    complete(other)
    with pytest.raises(ValidationError, match="til behandling"):
        services.agenda_item_add(application=other, meeting=meeting)  # a draft
    services.application_submit(application=other, user=applicant)
    services.agenda_item_add(application=other, meeting=meeting)
    item = meeting.items.get()  # one pool item for the round, both applications on it
    assert item.number == 1
    assert item.round == open_round
    assert item.title == f"Ansøgninger fra {open_round.pool.name}, {open_round.name}"
    assert sorted(item.applications.values_list("pk", flat=True)) == sorted(
        [in_review.pk, other.pk]
    )
    assert list(item.areas.all()) == [in_review.area]


def test_a_lapsed_grant_and_the_unpaid_rest_of_a_closed_one_go_back_to_the_round(
    open_round, applicant, staff
):
    Round.objects.filter(pk=open_round.pk).update(budget=Decimal(120000))
    cases = []
    for _ in range(2):
        application = services.application_create(
            pool=open_round.pool, round_id=open_round.pk, user=applicant
        )
        complete(application)
        services.application_submit(application=application, user=applicant)
        services.review_start(application=application, user=staff)
        services.decision_record(
            application=application, user=staff, outcome="granted", amount=Decimal(60000)
        )
        cases.append(application)
    assert selectors.committed(open_round) == 120000
    with pytest.raises(ValidationError, match="hvorfor tilskuddet bortfalder"):
        services.application_lapse(application=cases[0], user=staff, reason=" ")
    services.application_lapse(
        application=cases[0], user=staff, reason="Projektet blev ikke til noget"
    )
    assert selectors.committed(open_round) == 60000
    services.payout_record(
        application=cases[1],
        user=staff,
        paid_on=timezone.localdate(),
        amount=Decimal(45000),
        nemkonto_reference="NK",
    )
    report = services.final_report_submit(application=cases[1], user=applicant, text="Færdigt")
    services.final_report_accept(report=report, user=staff)
    services.application_close(application=cases[1], user=staff)
    assert selectors.committed(open_round) == 45000
    cases[0].refresh_from_db()
    assert cases[0].status == Status.LAPSED


def test_a_paid_grant_cannot_lapse(in_review, staff):
    services.decision_record(
        application=in_review, user=staff, outcome="granted", amount=Decimal(60000)
    )
    services.payout_record(
        application=in_review,
        user=staff,
        paid_on=timezone.localdate(),
        amount=Decimal(1000),
        nemkonto_reference="NK",
    )
    with pytest.raises(ValidationError):
        services.application_lapse(application=in_review, user=staff, reason="x")
