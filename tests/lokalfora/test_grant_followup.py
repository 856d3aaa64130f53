"""After approval: agreement and CVR before payment, payments within the amount, accounts."""

import datetime
from decimal import Decimal

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from lokalfora.models import AccountsReminder, AccountsStatus, AnnualAccounts, GrantPayment
from lokalfora.selectors.grant_followup import year_status
from lokalfora.services import grant_followup as followup
from lokalfora.services.forums import forum_editor_add
from tests.factories import CooperationAgreementFactory, make_user

pytestmark = pytest.mark.django_db

PAID_ON = datetime.date(2026, 3, 2)


def pay(scheme, area, amount, reference="NK-1"):
    return followup.grant_payment_register(
        scheme=scheme, area=area, paid_on=PAID_ON, amount=Decimal(amount),
        nemkonto_reference=reference, user=None,
    )  # fmt: skip


def approved_amount(scheme, area) -> int:
    (status,) = year_status(scheme, area=area)
    return status.line.amount


def test_a_draft_year_cannot_be_paid_and_says_why(scheme, area):
    (status,) = year_status(scheme, area=area)
    assert status.blockers == [
        "Årets tilskud er ikke godkendt endnu.",
        "Der er ingen underskrevet samarbejdsaftale for året.",
        "Lokalforummet er ikke registreret som forening med eget CVR-nummer.",
    ]
    with pytest.raises(ValidationError):
        pay(scheme, area, 1000)
    assert not GrantPayment.objects.exists()


@pytest.mark.parametrize(
    ("legal_form", "cvr", "blocker"),
    [
        ("unregistered", "", "ikke registreret som forening"),
        ("part_of_association", "12345678", "ikke registreret som forening"),
    ],
)
def test_no_payment_without_an_association_with_cvr(payable, area, legal_form, cvr, blocker):
    area.forum.legal_form, area.forum.cvr = legal_form, cvr
    area.forum.save()
    with pytest.raises(ValidationError, match=blocker):
        pay(payable, area, 1000)


def test_no_payment_without_this_years_agreement(payable, area):
    payable.agreements.all().delete()
    with pytest.raises(ValidationError, match="samarbejdsaftale"):
        pay(payable, area, 1000)


def test_payments_copy_the_cvr_and_never_exceed_the_approved_amount(payable, area):
    amount = approved_amount(payable, area)
    first = pay(payable, area, amount - 1000)
    assert first.cvr == "12345678"
    area.forum.cvr = "87654321"  # a later change does not rewrite the payment
    area.forum.save()
    with pytest.raises(ValidationError, match=r"højst udbetales 1\.000\\xa0kr\. mere"):
        pay(payable, area, "1000.01")
    pay(payable, area, 1000, reference="NK-2")
    (status,) = year_status(payable, area=area)
    assert status.paid == amount
    assert status.remaining == 0
    assert GrantPayment.objects.get(pk=first.pk).cvr == "12345678"


@pytest.mark.parametrize(
    ("paid_on", "message"),
    [
        (lambda today: datetime.date(2024, 12, 31), "for langt før 2026"),
        (lambda today: today + datetime.timedelta(days=2), "i fremtiden"),
    ],
)
def test_payment_dates_must_be_plausible(payable, area, clock, paid_on, message):
    paid_on = paid_on(clock.today())
    with pytest.raises(ValidationError, match=message):
        followup.grant_payment_register(
            scheme=payable, area=area, paid_on=paid_on, amount=Decimal(100),
            nemkonto_reference="NK", user=None,
        )  # fmt: skip


@pytest.mark.parametrize("amount", ["0", "-5", "0.001"])
def test_payment_amounts_must_be_positive_kroner_and_øre(payable, area, amount):
    with pytest.raises(ValidationError, match="over 0 kr"):
        pay(payable, area, amount)


def test_the_database_refuses_a_payment_without_reference_or_with_a_bad_cvr(payable, area):
    from django.db import IntegrityError, transaction

    for fields in ({"cvr": "123", "nemkonto_reference": "x"}, {"cvr": "12345678"}):
        with pytest.raises(IntegrityError), transaction.atomic():
            GrantPayment.objects.create(
                scheme=payable, area=area, paid_on=PAID_ON, amount=1, **fields
            )


def accounts_file(name="regnskab.pdf", content=b"%PDF-1.7 regnskab"):
    return SimpleUploadedFile(name, content)


def test_accounts_need_the_no_wages_declaration_and_a_real_document(paid, area):
    payable = paid
    with pytest.raises(ValidationError, match="ikke er brugt til løn"):
        followup.annual_accounts_submit(
            scheme=payable, area=area, uploaded=accounts_file(), no_wages=False, user=None
        )
    with pytest.raises(ValidationError, match="kan ikke bruges"):
        followup.annual_accounts_submit(
            scheme=payable, area=area, uploaded=accounts_file("regnskab.pdf", b"MZ\x90\x00exe"),
            no_wages=True, user=None,
        )  # fmt: skip
    assert not AnnualAccounts.objects.exists()


def test_one_set_of_accounts_at_a_time_until_it_is_returned(
    paid, area, django_capture_on_commit_callbacks
):
    payable = paid
    editor = make_user("kasserer@example.org")
    forum_editor_add(forum=area.forum, user=editor)
    first = followup.annual_accounts_submit(
        scheme=payable, area=area, uploaded=accounts_file(), no_wages=True, user=editor
    )
    with pytest.raises(ValidationError, match="allerede indsendt"):
        followup.annual_accounts_submit(
            scheme=payable, area=area, uploaded=accounts_file(), no_wages=True, user=editor
        )
    with pytest.raises(ValidationError, match="skal rette"):
        followup.annual_accounts_review(accounts=first, accept=False, note=" ", user=None)
    with django_capture_on_commit_callbacks(execute=True):
        followup.annual_accounts_review(
            accounts=first, accept=False, note="Bilag mangler", user=None
        )
    assert mail.outbox[-1].to == ["kasserer@example.org"]
    assert "Bilag mangler" in mail.outbox[-1].body
    second = followup.annual_accounts_submit(
        scheme=payable, area=area, uploaded=accounts_file(), no_wages=True, user=editor
    )
    with django_capture_on_commit_callbacks(execute=True):
        followup.annual_accounts_review(accounts=second, accept=True, note="", user=None)
    with pytest.raises(ValidationError, match="allerede behandlet"):
        followup.annual_accounts_review(accounts=second, accept=False, note="x", user=None)
    (status,) = year_status(payable, area=area)
    assert status.accounts_state == AccountsStatus.ACCEPTED
    assert [a.status for a in status.accounts] == ["accepted", "returned"]


def test_overdue_accounts_are_reminded_every_14_days_only_after_payment(payable, area, other_area):
    payable.accounts_due = datetime.date(2026, 3, 31)
    payable.save()
    editor = make_user("kasserer@example.org")
    forum_editor_add(forum=area.forum, user=editor)
    assert followup.annual_accounts_remind_overdue() == 0  # nothing paid: nothing owed
    pay(payable, area, 1000)
    assert followup.annual_accounts_remind_overdue() == 1
    assert mail.outbox[-1].to == ["kasserer@example.org"]
    assert "31.03.2026" in mail.outbox[-1].body
    assert "/tilskud/2026/opfoelgning/tollose/" in mail.outbox[-1].body
    assert followup.annual_accounts_remind_overdue() == 0  # not again within 14 days
    AccountsReminder.objects.update(sent_at=datetime.datetime(2026, 4, 1, tzinfo=datetime.UTC))
    assert followup.annual_accounts_remind_overdue() == 1
    followup.annual_accounts_submit(
        scheme=payable, area=area, uploaded=accounts_file(), no_wages=True, user=editor
    )
    AccountsReminder.objects.update(sent_at=datetime.datetime(2026, 4, 1, tzinfo=datetime.UTC))
    assert followup.annual_accounts_remind_overdue() == 0  # submitted: no longer overdue
    statuses = {s.area.slug: s for s in year_status(payable)}
    assert statuses["tollose"].accounts_state == "submitted"
    assert statuses["jyderup"].accounts_state == "not_due"


def test_the_reminder_task_is_scheduled_weekly():
    from holbaek.schedule import recurring_tasks

    names = [entry.task.name for entry in recurring_tasks()]
    assert "remind_overdue_accounts" in names


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_two_concurrent_payments_never_exceed_the_approved_amount(reference_data):
    """Both see the whole amount unpaid; the lock on the year makes the second one wait."""
    import threading

    from django.db import connection, connections

    from lokalfora.models import GrantScheme, LocalArea
    from lokalfora.services import grants as services

    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL's row locks")
    scheme, _created = GrantScheme.objects.update_or_create(
        year=2026,
        defaults={"kind": "formula", "base": Decimal(13000), "rate": Decimal("3.45"),
                  "population_date": datetime.date(2026, 1, 1)},
    )  # fmt: skip
    services.grant_scheme_approve(scheme=scheme, user=None)
    area = LocalArea.objects.select_related("forum").get(slug="oro")
    area.forum.legal_form, area.forum.cvr = "association", "12345678"
    area.forum.save()
    CooperationAgreementFactory(scheme=scheme, area=area, signed_on=PAID_ON)
    amount = approved_amount(scheme, area)
    barrier = threading.Barrier(2)
    outcomes = []

    def register(reference):
        try:
            barrier.wait(timeout=10)
            pay(scheme, area, amount, reference=reference)
            outcomes.append("paid")
        except ValidationError:
            outcomes.append("refused")
        finally:
            connections.close_all()

    threads = [threading.Thread(target=register, args=(ref,)) for ref in ("NK-A", "NK-B")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert sorted(outcomes) == ["paid", "refused"]
    assert GrantPayment.objects.filter(scheme=scheme).count() == 1


def test_the_same_payment_registered_twice_is_refused(payable, area):
    pay(payable, area, 1000, reference="NK-7")
    with pytest.raises(ValidationError, match="allerede registreret"):
        pay(payable, area, 1000, reference="NK-7")
    assert GrantPayment.objects.count() == 1


def test_accounts_are_owed_only_after_a_payment(payable, area):
    with pytest.raises(ValidationError, match="når tilskuddet for 2026 er udbetalt"):
        followup.annual_accounts_submit(
            scheme=payable, area=area, uploaded=accounts_file(), no_wages=True, user=None
        )


def test_a_failing_mail_never_undoes_the_review(paid, area, django_capture_on_commit_callbacks):
    import smtplib
    from unittest import mock

    editor = make_user("kasserer@example.org")
    forum_editor_add(forum=area.forum, user=editor)
    accounts = followup.annual_accounts_submit(
        scheme=paid, area=area, uploaded=accounts_file(), no_wages=True, user=editor
    )
    with (
        mock.patch("holbaek.mail.EmailMessage.send", side_effect=smtplib.SMTPException("nede")),
        django_capture_on_commit_callbacks(execute=True),
    ):
        followup.annual_accounts_review(accounts=accounts, accept=True, note="", user=None)
    accounts.refresh_from_db()
    assert accounts.status == "accepted"


def test_reminders_count_whole_days_so_a_weekly_run_reminds_every_second_week(paid, area):
    from django.utils import timezone

    paid.accounts_due = datetime.date(2026, 3, 31)
    paid.save()
    forum_editor_add(forum=area.forum, user=make_user("kasserer@example.org"))
    assert followup.annual_accounts_remind_overdue() == 1
    # Sent 14 days ago at 23:59:59, later in the day than now: due again today all the same
    # (a weekly run would otherwise slip to every third week).
    day = timezone.localdate() - datetime.timedelta(days=14)
    late = timezone.make_aware(datetime.datetime.combine(day, datetime.time(23, 59, 59)))
    AccountsReminder.objects.update(sent_at=late)
    assert followup.annual_accounts_remind_overdue() == 1
    # 13 days ago: not yet.
    AccountsReminder.objects.update(sent_at=timezone.now() - datetime.timedelta(days=13))
    assert followup.annual_accounts_remind_overdue() == 0
