"""After the decision: payouts within the grant, final report, lapse, close, reminders."""

import datetime
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from projektudvalg import mails
from projektudvalg.eligibility import kr
from projektudvalg.models import (
    Application,
    AttachmentKind,
    Decision,
    FinalReport,
    Outcome,
    Payout,
    Status,
)
from projektudvalg.services.applying import attach
from projektudvalg.workflow import transition


def granted_amount(application: Application) -> Decimal | None:
    decision = (
        application.decisions.filter(outcome__in=[Outcome.GRANTED, Outcome.PARTLY])
        .order_by("-decided_at")
        .first()
    )
    return decision.amount if decision else None


@transaction.atomic
def register_payout(
    *, application: Application, user, paid_on, amount, nemkonto_reference, cvr=""
) -> Payout:
    application = (
        Application.objects.select_for_update().select_related("pool").get(pk=application.pk)
    )
    if application.status not in (Status.GRANTED, Status.PAID):
        raise ValidationError(_("Der kan kun udbetales til bevilgede ansøgninger."))
    if paid_on > timezone.localdate():
        raise ValidationError({"paid_on": _("Datoen ligger i fremtiden.")})
    if (
        application.pool.payout_after_accounts
        and not application.final_reports.filter(accepted_at__isnull=False).exists()
    ):
        raise ValidationError(
            _(
                "Puljen udbetaler først, når arbejdet er færdigt og regnskabet er modtaget og "
                "godkendt."
            )
        )
    granted = granted_amount(application) or Decimal(0)
    paid = application.payouts.aggregate(total=Sum("amount"))["total"] or Decimal(0)
    if amount <= 0 or paid + amount > granted:
        raise ValidationError(
            {
                "amount": _("Der kan højst udbetales %(left)s mere (bevilget %(granted)s).")
                % {"left": kr(granted - paid), "granted": kr(granted)}
            }
        )
    if not nemkonto_reference.strip():
        raise ValidationError({"nemkonto_reference": _("Skriv NemKonto-referencen.")})
    if application.payouts.filter(nemkonto_reference=nemkonto_reference.strip()).exists():
        raise ValidationError(
            {"nemkonto_reference": _("En udbetaling med denne reference er allerede registreret.")}
        )
    payout = Payout.objects.create(
        application=application,
        paid_on=paid_on,
        amount=amount,
        cvr=cvr or application.cvr,
        nemkonto_reference=nemkonto_reference.strip(),
        registered_by=user,
    )
    transition(application, "pay", by=user)
    return payout


@transaction.atomic
def submit_final_report(*, application: Application, user, text: str, files=()) -> FinalReport:
    application = Application.objects.select_for_update().get(pk=application.pk)
    if application.status not in (Status.GRANTED, Status.PAID):
        raise ValidationError(_("Slutrapporten indsendes, når ansøgningen er bevilget."))
    if not text.strip():
        raise ValidationError({"text": _("Skriv slutrapporten.")})
    report = FinalReport.objects.create(application=application, text=text.strip())
    for uploaded in files:
        attach(application=application, uploaded=uploaded, kind=AttachmentKind.FINAL_REPORT)
    return report


def accept_final_report(*, report: FinalReport, user) -> FinalReport:
    if report.accepted_at is None:
        report.accepted_at, report.accepted_by = timezone.now(), user
        report.save(update_fields=["accepted_at", "accepted_by"])
    return report


@transaction.atomic
def lapse(*, application: Application, user, reason: str) -> Application:
    """A grant that was never paid out lapses; its money goes back to the round's budget."""
    if not reason.strip():
        raise ValidationError({"reason": _("Skriv, hvorfor tilskuddet bortfalder.")})
    if Payout.objects.filter(application=application).exists():
        raise ValidationError(_("Der er udbetalt penge: afslut sagen i stedet."))
    return transition(application, "lapse", by=user, note=reason.strip())


@transaction.atomic
def close(*, application: Application, user, note="") -> Application:
    if not application.final_reports.filter(accepted_at__isnull=False).exists():
        raise ValidationError(_("Slutrapporten skal være godkendt, før sagen afsluttes."))
    return transition(application, "close", by=user, note=note)


REMINDER_INTERVAL = datetime.timedelta(days=14)


def remind_final_reports() -> int:
    """Mails applicants whose final report is overdue, at most every 14 days."""
    now = timezone.now()
    overdue = (
        Decision.objects.filter(
            outcome__in=[Outcome.GRANTED, Outcome.PARTLY],
            report_due__lt=timezone.localdate(),
            application__status__in=[Status.GRANTED, Status.PAID],
            application__final_reports__isnull=True,
        )
        .select_related("application__applicant")
        .order_by("pk")
    )
    sent = 0
    for decision in overdue:
        if decision.report_reminded_at and now - decision.report_reminded_at < REMINDER_INTERVAL:
            continue
        if mails.report_reminder(decision):
            Decision.objects.filter(pk=decision.pk).update(report_reminded_at=now)
            sent += 1
    return sent
