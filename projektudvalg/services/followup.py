"""After the decision: payouts within the grant, final report, lapse, close, reminders."""

import datetime
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from holbaek.text import kroner
from projektudvalg import mails
from projektudvalg.models import (
    Application,
    AttachmentKind,
    Decision,
    FinalReport,
    Payout,
    Status,
)
from projektudvalg.selectors import final_reports_overdue, granted_amount, paid_amount
from projektudvalg.services.applying import attachment_add
from projektudvalg.workflow import transition


@transaction.atomic
def payout_record(
    *, application: Application, user, paid_on: datetime.date, amount: Decimal,
    nemkonto_reference: str, cvr: str = "",
) -> Payout:  # fmt: skip
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
    paid = paid_amount(application)
    if amount <= 0 or paid + amount > granted:
        raise ValidationError(
            {
                "amount": _("Der kan højst udbetales %(left)s mere (bevilget %(granted)s).")
                % {"left": kroner(granted - paid), "granted": kroner(granted)}
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
def final_report_submit(*, application: Application, user, text: str, files=()) -> FinalReport:
    application = Application.objects.select_for_update().get(pk=application.pk)
    if application.status not in (Status.GRANTED, Status.PAID):
        raise ValidationError(_("Slutrapporten indsendes, når ansøgningen er bevilget."))
    if not text.strip():
        raise ValidationError({"text": _("Skriv slutrapporten.")})
    report = FinalReport.objects.create(application=application, text=text.strip())
    for uploaded in files:
        attachment_add(application=application, uploaded=uploaded, kind=AttachmentKind.FINAL_REPORT)
    return report


@transaction.atomic
def final_report_accept(*, report: FinalReport, user) -> FinalReport:
    if report.accepted_at is None:
        report.accepted_at, report.accepted_by = timezone.now(), user
        report.save(update_fields=["accepted_at", "accepted_by"])
    return report


@transaction.atomic
def application_lapse(*, application: Application, user, reason: str) -> Application:
    """A grant that was never paid out lapses; its money goes back to the round's budget."""
    if not reason.strip():
        raise ValidationError({"reason": _("Skriv, hvorfor tilskuddet bortfalder.")})
    if Payout.objects.filter(application=application).exists():
        raise ValidationError(_("Der er udbetalt penge: afslut sagen i stedet."))
    return transition(application, "lapse", by=user, note=reason.strip())


@transaction.atomic
def application_close(*, application: Application, user, note: str = "") -> Application:
    if not application.final_reports.filter(accepted_at__isnull=False).exists():
        raise ValidationError(_("Slutrapporten skal være godkendt, før sagen afsluttes."))
    return transition(application, "close", by=user, note=note)


REMINDER_INTERVAL = datetime.timedelta(days=14)


def final_report_remind_overdue() -> int:
    """Mails applicants whose final report is overdue, at most every 14 days."""
    now = timezone.now()
    sent = 0
    for decision in final_reports_overdue(timezone.localdate()):
        if decision.report_reminded_at and now - decision.report_reminded_at < REMINDER_INTERVAL:
            continue
        if mails.report_reminder(decision):
            Decision.objects.filter(pk=decision.pk).update(report_reminded_at=now)
            sent += 1
    return sent
