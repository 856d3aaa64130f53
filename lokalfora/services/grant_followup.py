"""Following a year's grant through: agreement, payment, accounts and reminders.

Each change is one service; the views only call them. Payments lock the year's
scheme row, so two people registering at once can never pay out more than the
approved amount.
"""

import datetime
import logging
import smtplib
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from holbaek import mail, uploads
from holbaek.links import absolute_url
from holbaek.logfilters import log_send_failure
from holbaek.text import kroner
from lokalfora.models import (
    AccountsReminder,
    AccountsStatus,
    AnnualAccounts,
    CooperationAgreement,
    Forum,
    GrantPayment,
    GrantScheme,
    LocalArea,
)
from lokalfora.selectors.grant_followup import year_status

logger = logging.getLogger(__name__)

REMINDER_INTERVAL = datetime.timedelta(days=14)


def _check_date(value: datetime.date, scheme: GrantScheme, field: str) -> None:
    """Registered dates lie in the past, and not before the year before the grant's."""
    if value > timezone.localdate():
        raise ValidationError({field: _("Datoen ligger i fremtiden.")})
    if value.year < scheme.year - 1:
        raise ValidationError(
            {field: _("Datoen ligger for langt før %(year)s.") % {"year": scheme.year}}
        )


@transaction.atomic
def cooperation_agreement_register(
    *, scheme: GrantScheme, area: LocalArea, signed_on: datetime.date, note: str = "", user
) -> CooperationAgreement:
    """Records (or corrects) that the forum signed the year's samarbejdsaftale."""
    _check_date(signed_on, scheme, "signed_on")
    agreement, _created = CooperationAgreement.objects.update_or_create(
        scheme=scheme,
        area=area,
        defaults={"signed_on": signed_on, "note": note.strip(), "registered_by": user},
    )
    return agreement


def _payable_amount(amount, status) -> Decimal:
    """The amount as Decimal kroner, if it is positive, in øre and within what remains."""
    try:
        amount = Decimal(amount)
    except (InvalidOperation, TypeError, ValueError):
        raise ValidationError({"amount": _("Skriv beløbet som et tal.")}) from None
    if amount <= 0 or amount != amount.quantize(Decimal("0.01")):
        raise ValidationError({"amount": _("Beløbet skal være over 0 kr. og højst have øre.")})
    if amount > status.remaining:
        raise ValidationError(
            {
                "amount": _(
                    "Der kan højst udbetales %(remaining)s mere: årets tilskud er "
                    "%(approved)s, og %(paid)s er udbetalt."
                )
                % {
                    "remaining": kroner(max(status.remaining, Decimal(0))),
                    "approved": kroner(status.approved),
                    "paid": kroner(status.paid),
                }
            }
        )
    return amount


@transaction.atomic
def grant_payment_register(
    *,
    scheme: GrantScheme,
    area: LocalArea,
    paid_on: datetime.date,
    amount: Decimal,
    nemkonto_reference: str,
    user,
) -> GrantPayment:
    """Records a payment, if the area may be paid and it stays within the approved amount."""
    scheme = GrantScheme.objects.select_for_update().get(pk=scheme.pk)
    _check_date(paid_on, scheme, "paid_on")
    (status,) = year_status(scheme, area=area)
    if status.blockers:
        raise ValidationError(status.blockers)
    amount = _payable_amount(amount, status)
    reference = nemkonto_reference.strip()
    if not reference:
        raise ValidationError({"nemkonto_reference": _("Skriv NemKonto-referencen.")})
    if GrantPayment.objects.filter(scheme=scheme, area=area, nemkonto_reference=reference).exists():
        raise ValidationError(
            {"nemkonto_reference": _("En udbetaling med denne reference er allerede registreret.")}
        )
    return GrantPayment.objects.create(
        scheme=scheme,
        area=area,
        paid_on=paid_on,
        amount=amount,
        cvr=status.forum.cvr,
        nemkonto_reference=reference,
        registered_by=user,
    )


def annual_accounts_submit(
    *, scheme: GrantScheme, area: LocalArea, uploaded, no_wages: bool, user
) -> AnnualAccounts:
    """The forum's accounts for the year, checked by content and stored privately."""
    (status,) = year_status(scheme, area=area)
    if not status.payments:
        raise ValidationError(
            _("Regnskabet indsendes, når tilskuddet for %(year)s er udbetalt.")
            % {"year": scheme.year},
            code="not_paid",
        )
    if not no_wages:
        raise ValidationError(
            {"no_wages": _("Bekræft, at tilskuddet ikke er brugt til løn.")}, code="no_wages"
        )
    try:
        kind = uploads.check_document(uploaded)
    except ValidationError as error:
        raise ValidationError({"file": error.messages}) from None
    try:
        with transaction.atomic():
            accounts = AnnualAccounts.from_upload(
                uploaded, kind, scheme=scheme, area=area, no_wages=True, uploaded_by=user
            )
            accounts.save()
            return accounts
    except IntegrityError:
        raise ValidationError(
            _(
                "Der er allerede indsendt et regnskab for %(year)s. Kommunen skal sende det "
                "retur, før et nyt kan indsendes."
            )
            % {"year": scheme.year}
        ) from None


@transaction.atomic
def annual_accounts_review(
    *, accounts: AnnualAccounts, accept: bool, note: str, user
) -> AnnualAccounts:
    """Staff accept the accounts, or send them back with a note saying what is missing."""
    accounts = AnnualAccounts.objects.select_for_update().get(pk=accounts.pk)
    if accounts.status != AccountsStatus.SUBMITTED:
        raise ValidationError(_("Regnskabet er allerede behandlet."))
    if not accept and not note.strip():
        raise ValidationError({"note": _("Skriv, hvad forummet skal rette.")})
    accounts.status = AccountsStatus.ACCEPTED if accept else AccountsStatus.RETURNED
    accounts.review_note = note.strip()
    accounts.reviewed_by = user
    accounts.reviewed_at = timezone.now()
    accounts.save()
    transaction.on_commit(lambda: _mail_review(accounts))
    return accounts


def _forum_addresses(forum: Forum) -> list[str]:
    """The forum's editors and its shared address: where its grant mail goes."""
    addresses = [editor.user.email for editor in forum.editors.all() if editor.user.email]
    if forum.email:
        addresses.append(forum.email)
    return sorted(set(addresses))


def _follow_up_url(scheme, area) -> str:
    return absolute_url(
        reverse("tilskud:area-status", kwargs={"year": scheme.year, "slug": area.slug})
    )


def _mail_review(accounts: AnnualAccounts) -> None:
    """After commit: a mail that fails is logged; the decision stands either way."""
    forum = Forum.objects.prefetch_related("editors__user").filter(area_id=accounts.area_id).first()
    recipients = _forum_addresses(forum) if forum else []
    if not recipients:
        return
    values = {"year": accounts.scheme.year}
    if accounts.status == AccountsStatus.ACCEPTED:
        subject = gettext_lazy("Regnskabet for tilskuddet %(year)s er godkendt")
        opening = gettext_lazy(
            "Hej\n\nKommunen har godkendt jeres regnskab for tilskuddet %(year)s.\n\n"
        )
    else:
        subject = gettext_lazy("Regnskabet for tilskuddet %(year)s er sendt retur")
        opening = gettext_lazy(
            "Hej\n\nKommunen har sendt jeres regnskab for tilskuddet %(year)s retur. "
            "Ret det og indsend det igen.\n\n"
        )

    def body() -> str:
        text = opening % values
        if accounts.review_note:
            text += _("Kommunens bemærkning:\n%(note)s\n\n") % {"note": accounts.review_note}
        text += _follow_up_url(accounts.scheme, accounts.area) + "\n\n"
        return text + _("Venlig hilsen\nHolbæk Kommune")

    try:
        mail.send(to=recipients, subject=subject, subject_params=values, body=body)
    except (smtplib.SMTPException, OSError) as error:
        log_send_failure(
            logger, error, "Besked om regnskab kunne ikke sendes til %s", accounts.area
        )


def annual_accounts_remind_overdue() -> int:
    """Mails forums that were paid but whose accounts are overdue, at most every 14 days."""
    today = timezone.localdate()
    sent = 0
    schemes = GrantScheme.objects.filter(accounts_due__lt=today).order_by("year")
    for scheme in schemes:
        for status in year_status(scheme):
            if not status.is_overdue or status.forum is None:
                continue
            last = status.last_reminder
            if last and today - timezone.localtime(last).date() < REMINDER_INTERVAL:
                continue  # counted in days: a weekly run reminds every second Monday
            sent += _remind(scheme, status)
    return sent


def _remind(scheme, status) -> int:
    forum = Forum.objects.prefetch_related("editors__user").get(pk=status.forum.pk)
    recipients = _forum_addresses(forum)
    if not recipients:
        return 0  # the staff overview shows the forum as overdue without anyone to mail
    values = {
        "year": scheme.year,
        "due": f"{scheme.accounts_due:%d.%m.%Y}",
        "link": _follow_up_url(scheme, status.area),
    }
    try:
        mail.send(
            to=recipients,
            subject=gettext_lazy("Påmindelse: regnskab for tilskuddet %(year)s"),
            subject_params=values,
            body=gettext_lazy(
                "Hej\n\nI har fået tilskud for %(year)s, og regnskabet skulle have været "
                "indsendt senest %(due)s. Indsend det her, sammen med jeres erklæring om, "
                "at tilskuddet ikke er brugt til løn:\n\n%(link)s\n\n"
                "Venlig hilsen\nHolbæk Kommune"
            ),
            body_params=values,
        )
    except (smtplib.SMTPException, OSError) as error:
        log_send_failure(
            logger, error, "Påmindelse om regnskab kunne ikke sendes til %s", status.area
        )
        return 0
    AccountsReminder.objects.create(scheme=scheme, area=status.area, recipients=len(recipients))
    return 1
