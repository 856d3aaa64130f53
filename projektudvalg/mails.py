"""Mails to applicants: receipt, status changes (as staff have set), decision letters;
and to the area's fælles-skaber when an application waits for their advice."""

import logging
import smtplib

from django.tasks import task
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from faelles_skabere.selectors import responsible_for
from holbaek import mail
from holbaek.links import absolute_url
from holbaek.logfilters import log_send_failure
from projektudvalg import letters
from projektudvalg.models import APPLICANT_LABELS, Application, Decision, Status, StatusMail

logger = logging.getLogger(__name__)

SIGNATURE = "\n\nVenlig hilsen\nHolbæk Kommune, Projektudvalget for Udvikling af Lokalområderne"


def _status_url(application) -> str:
    return absolute_url(reverse("projektudvalg:application", kwargs={"pk": application.pk}))


def _send(*, body, attachments=(), **kwargs) -> bool:
    """Sends one mail in Danish, signed; a failing mail server is logged, not raised."""
    message = mail.compose(body=lambda: body() + SIGNATURE, attachments=attachments, **kwargs)
    try:
        message.send()
    except (smtplib.SMTPException, OSError) as error:
        log_send_failure(logger, error, "Mail om ansøgning kunne ikke sendes: %s", message.subject)
        return False
    return True


def _recipients(application) -> list[str]:
    addresses = {application.applicant.email, application.contact_email} - {""}
    return sorted(addresses)


def sends_mail(status: str) -> bool:
    """Staff choose per status in the admin; a status without a setting sends mail."""
    setting = StatusMail.objects.filter(status=status).first()
    return setting is None or setting.send


def receipt(pk: int) -> None:
    application = Application.objects.select_related("applicant", "pool").get(pk=pk)
    values = {
        "pool": application.pool.name,
        "title": application.title or application.property_address,
        "reference": application.reference,
        "link": _status_url(application),
    }
    _send(
        to=_recipients(application),
        subject=gettext_lazy("Kvittering: ansøgning %(reference)s er modtaget"),
        subject_params=values,
        body=lambda: (
            _(
                "Hej\n\nTak for din ansøgning til %(pool)s: »%(title)s«. Den har journalnummeret "
                "%(reference)s. Skriv nummeret, hvis du kontakter os.\n\nDu kan følge ansøgningen "
                "her:\n%(link)s"
            )
            % values
        ),
    )


def status_changed(pk: int, status: str) -> None:
    """The applicant's mail on a change; the receipt and the letters cover their own."""
    if status in (Status.SUBMITTED, Status.GRANTED, Status.REFUSED) or not sends_mail(status):
        return
    application = Application.objects.select_related("applicant").get(pk=pk)
    event = application.events.order_by("-at", "-id").first()

    def subject() -> str:
        return _("Ansøgning %(reference)s: %(status)s") % {
            "reference": application.reference,
            "status": APPLICANT_LABELS[status],
        }

    def body() -> str:
        text = _("Hej\n\nDin ansøgning %(reference)s har fået status: %(status)s.") % {
            "reference": application.reference,
            "status": APPLICANT_LABELS[status],
        }
        if status == Status.RETURNED and event and event.note:
            text += "\n\n" + _("Det skal du rette:\n%(note)s") % {"note": event.note}
        return text + "\n\n" + _status_url(application)

    _send(to=_recipients(application), subject=subject, body=body)


def decision_letter(decision_pk: int) -> None:
    """The tilsagn or afslag, as text in the mail and as a PDF attachment."""
    decision = Decision.objects.select_related("application__applicant", "application__pool").get(
        pk=decision_pk
    )
    application = decision.application
    if not sends_mail(application.status):
        return
    _send(
        to=_recipients(application),
        subject=lambda: letters.subject(decision),
        body=lambda: (
            _(
                "Hej\n\nHer er udvalgets afgørelse om din ansøgning %(reference)s. Brevet er "
                "vedhæftet som PDF og kan også læses her:\n%(link)s"
            )
            % {"reference": application.reference, "link": _status_url(application)}
        ),
        attachments=[(letters.filename(decision), letters.pdf(decision), "application/pdf")],
    )


def report_reminder(decision: Decision) -> bool:
    application = decision.application
    values = {
        "reference": application.reference,
        "due": f"{decision.report_due:%d.%m.%Y}",
        "link": _status_url(application),
    }
    return _send(
        to=_recipients(application),
        subject=gettext_lazy("Påmindelse: slutrapport for %(reference)s"),
        subject_params=values,
        body=lambda: (
            _(
                "Hej\n\nSlutrapporten og regnskabet for %(reference)s skulle have været indsendt "
                "senest %(due)s. Indsend dem her:\n%(link)s"
            )
            % values
        ),
    )


@task()
def ask_for_advice(pk: int) -> int:
    """An application in an area was submitted: its fixed fælles-skaber (and a stand-in
    covering for them) is asked for an advisory note. Returns the number of addresses."""
    application = Application.objects.select_related("pool", "area").get(pk=pk)
    responsible = responsible_for(application.area) if application.area_id else None
    if responsible is None:
        return 0
    people = [p for p in (responsible.co_creator, responsible.covering_for) if p is not None]
    addresses = sorted({p.email or (p.user.email if p.user_id else "") for p in people} - {""})
    if not addresses:
        return 0
    values = {
        "pool": application.pool.name,
        "area": application.area.name,
        "title": application.display_title,
        "reference": application.reference,
        "case": absolute_url(reverse("projektudvalg:case", kwargs={"pk": application.pk})),
        "list": absolute_url(reverse("projektudvalg:advice-list")),
    }
    sent = _send(
        to=addresses,
        subject=gettext_lazy("Ansøgning %(reference)s fra %(area)s venter på din rådgivning"),
        subject_params=values,
        body=lambda: (
            _(
                "Hej\n\nDer er kommet en ansøgning til %(pool)s fra %(area)s: »%(title)s« "
                "(%(reference)s). Udvalgssekretariatet vil gerne have din rådgivende bemærkning, "
                "før udvalget beslutter sig.\n\nSkriv den her:\n%(case)s\n\nAlle ansøgninger, "
                "der venter på din rådgivning:\n%(list)s"
            )
            % values
        ),
    )
    return len(addresses) if sent else 0
