"""Sparring requests from form to answer. Plain functions, keyword-only, atomic.

submit -> (the requester confirms by link) confirm: reference number, routing,
receipt -> replies, notes, transfers -> close -> anonymised after N months.
"""

import datetime
import logging
import smtplib

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from faelles_skabere.selectors import stand_in_for
from holbaek import mail
from holbaek.links import absolute_url
from holbaek.logfilters import log_send_failure
from holbaek.mail import STAFF_LANGUAGE, mail_language
from sparring import tokens
from sparring.models import (
    Attachment,
    Message,
    MessageKind,
    ReferenceCounter,
    SparringRequest,
    SparringSettings,
    Status,
)
from sparring.routing import route
from sparring.workdays import add_working_days, municipal_calendar

logger = logging.getLogger(__name__)

UNCONFIRMED_DAYS = 7
DOUBLE_SUBMIT_WINDOW = datetime.timedelta(hours=1)
CLOSED_MESSAGE = _("Anmodningen er afsluttet. Send en ny anmodning, hvis du vil fortsætte.")


def thread_url(request: SparringRequest) -> str:
    token = tokens.make(request, tokens.THREAD_SALT)
    return absolute_url(reverse("sparring:thread", kwargs={"token": token}))


class SendFailed(Exception):
    """The mail server did not take the confirmation mail."""


def _mail(
    *,
    to: list[str],
    language: str,
    subject,
    template: str,
    context: dict,
    subject_params: dict | None = None,
) -> None:
    """Subject and body in one language: the requester's own, or Danish for staff."""
    mail.send(
        language=language,
        to=to,
        subject=subject,
        template=f"sparring/email/{template}",
        context=context,
        subject_params=subject_params,
    )


def _after_commit(send) -> None:
    """Sends once the change is saved; a failing mail server is logged, the change stands."""

    def run():
        try:
            send()
        except (smtplib.SMTPException, OSError) as error:
            log_send_failure(
                logger, error, "Kunne ikke sende en e-mail om en anmodning om sparring"
            )

    transaction.on_commit(run)


def _staff_address(co_creator) -> str:
    return co_creator.email or (co_creator.user.email if co_creator.user_id else "")


# --- From form to confirmed request ------------------------------------------------------


def submit(*, data: dict, language: str = "da") -> SparringRequest:
    """Saves the request unconfirmed and mails the confirmation link.

    `language` is the one the requester wrote in; every mail to them is in it.

    The same description from the same address within an hour is a double
    submission: the first request is kept and no second mail is sent.
    """
    email = data["email"].strip().lower()
    duplicate = SparringRequest.objects.filter(
        email=email,
        description=data["description"],
        created_at__gt=timezone.now() - DOUBLE_SUBMIT_WINDOW,
    ).first()
    if duplicate is not None:
        return duplicate
    request = SparringRequest(**(data | {"email": email, "language": mail_language(language)}))
    request.full_clean()
    request.save()
    link = absolute_url(
        reverse("sparring:confirm", kwargs={"token": tokens.make(request, tokens.CONFIRM_SALT)})
    )
    try:
        _mail(
            to=[email],
            language=request.language,
            subject=gettext_lazy("Bekræft din anmodning om sparring"),
            template="confirm.txt",
            context={"request": request, "link": link, "days": UNCONFIRMED_DAYS},
        )
    except (smtplib.SMTPException, OSError) as error:
        log_send_failure(logger, error, "Kunne ikke sende bekræftelse af en anmodning om sparring")
        request.delete()
        raise SendFailed from error
    return request


def request_for_token(token: str, salt: str, max_age) -> SparringRequest:
    request_id, hashed = tokens.read(token, salt, max_age)
    request = (
        SparringRequest.objects.select_related("area", "assigned_to")
        .filter(pk=request_id, anonymised_at__isnull=True)
        .first()
    )
    if request is None or not tokens.matches(request, hashed):
        # deleted, anonymised, or the address no longer matches
        raise tokens.LinkError("expired")
    return request


def _next_number(year: int) -> int:
    counter, _created = ReferenceCounter.objects.select_for_update().get_or_create(year=year)
    counter.last = F("last") + 1
    counter.save(update_fields=["last"])
    counter.refresh_from_db(fields=["last"])
    return counter.last


@transaction.atomic
def confirm(*, token: str) -> SparringRequest:
    """Confirms the address, gives the reference number, routes, and sends the receipt."""
    found = request_for_token(token, tokens.CONFIRM_SALT, tokens.CONFIRM_MAX_AGE)
    request = SparringRequest.objects.select_for_update().get(pk=found.pk)
    if request.status != Status.UNCONFIRMED:
        return request  # confirming twice is harmless
    now = timezone.now()
    today = timezone.localdate(now)
    decision = route(area=found.area, topic=request.topic, on=today)
    request.year = today.year
    request.number = _next_number(today.year)
    request.status = Status.NEW
    request.confirmed_at = now
    request.assigned_to = decision.co_creator
    request.routing_reason = decision.reason
    settings = SparringSettings.current()
    request.answer_due_on = add_working_days(
        today, settings.response_days, calendar=municipal_calendar(settings)
    )
    request.save()
    Message.objects.create(request=request, kind=MessageKind.EVENT, body=decision.reason)
    _after_commit(lambda: _send_receipt_and_notify(request.pk))
    return request


def _send_receipt_and_notify(request_id: int) -> None:
    request = SparringRequest.objects.select_related("area", "assigned_to__user").get(pk=request_id)
    context = {
        "request": request,
        "thread_url": thread_url(request),
        "inbox_url": absolute_url(request.get_absolute_url()),
    }
    _mail(
        to=[request.email],
        language=request.language,
        subject=gettext_lazy("Vi har modtaget din anmodning %(reference)s"),
        subject_params={"reference": request.reference},
        template="receipt.txt",
        context=context,
    )
    if request.assigned_to and _staff_address(request.assigned_to):
        _mail(
            to=[_staff_address(request.assigned_to)],
            language=STAFF_LANGUAGE,
            subject=gettext_lazy("Ny anmodning om sparring: %(reference)s"),
            subject_params={"reference": request.reference},
            template="new_request.txt",
            context=context,
        )


def purge_unconfirmed() -> int:
    cutoff = timezone.now() - datetime.timedelta(days=UNCONFIRMED_DAYS)
    count, _by_model = SparringRequest.objects.filter(
        status=Status.UNCONFIRMED, created_at__lt=cutoff
    ).delete()
    return count


# --- The thread ----------------------------------------------------------------------------


ANONYMISED_MESSAGE = _("Anmodningen er anonymiseret og kan ikke ændres.")


def _refuse_if_anonymised(request: SparringRequest) -> None:
    if request.anonymised_at is not None:
        raise ValidationError(ANONYMISED_MESSAGE, code="anonymised")


def _refuse_if_closed(request: SparringRequest) -> None:
    _refuse_if_anonymised(request)
    if request.status == Status.CLOSED:
        raise ValidationError(CLOSED_MESSAGE, code="closed")


@transaction.atomic
def requester_reply(*, request: SparringRequest, body: str, files=()) -> Message:
    """The requester writes; `files` are (uploaded, holbaek.uploads.Kind) pairs, already checked."""
    request = SparringRequest.objects.select_for_update().get(pk=request.pk)
    _refuse_if_closed(request)
    message = Message.objects.create(request=request, kind=MessageKind.REQUESTER, body=body)
    saved = []
    try:
        for uploaded, kind in files:
            attachment = Attachment(
                message=message,
                name=uploaded.name[:255],
                extension=kind.extension,
                content_type=kind.content_type,
                size=uploaded.size,
            )
            attachment.file.save(uploaded.name, uploaded, save=False)
            saved.append(attachment.file)
            attachment.save()
    except Exception:
        for file in saved:  # nothing is kept half-way: the message is rolled back too
            file.storage.delete(file.name)
        raise
    if request.status == Status.AWAITING_REPLY:
        request.status = Status.IN_DIALOGUE
        request.save(update_fields=["status"])
    if request.assigned_to_id:
        _after_commit(lambda: _notify_assignee_of_reply(request.pk))
    return message


def _notify_assignee_of_reply(request_id: int) -> None:
    """The assigned fælles-skaber hears of the answer, and so does their stand-in if away."""
    request = SparringRequest.objects.select_related("assigned_to__user").get(pk=request_id)
    stand_in = stand_in_for(request.assigned_to, timezone.localdate())
    people = [request.assigned_to, *([stand_in] if stand_in else [])]
    addresses = [address for address in map(_staff_address, people) if address]
    if addresses:
        _mail(
            to=addresses,
            language=STAFF_LANGUAGE,
            subject=gettext_lazy("Nyt svar på %(reference)s"),
            subject_params={"reference": request.reference},
            template="requester_replied.txt",
            context={"request": request, "inbox_url": absolute_url(request.get_absolute_url())},
        )


@transaction.atomic
def staff_reply(*, request: SparringRequest, author, body: str) -> Message:
    """A reply to the requester, sent by e-mail with a fresh link to the thread."""
    request = SparringRequest.objects.select_for_update().get(pk=request.pk)
    _refuse_if_closed(request)
    message = Message.objects.create(
        request=request, kind=MessageKind.REPLY, author=author, body=body
    )
    request.status = Status.AWAITING_REPLY
    request.first_answered_at = request.first_answered_at or message.created_at
    request.save(update_fields=["status", "first_answered_at"])
    _after_commit(lambda: _send_reply(message.pk))
    return message


def _send_reply(message_id: int) -> None:
    message = Message.objects.select_related("request").get(pk=message_id)
    request = message.request
    _mail(
        to=[request.email],
        language=request.language,
        subject=gettext_lazy("Svar på din anmodning %(reference)s"),
        subject_params={"reference": request.reference},
        template="reply.txt",
        context={"request": request, "message": message, "thread_url": thread_url(request)},
    )


@transaction.atomic
def add_note(*, request: SparringRequest, author, body: str) -> Message:
    """An internal note: colleagues see it, the requester never does. Also after closing."""
    request = SparringRequest.objects.select_for_update().get(pk=request.pk)
    _refuse_if_anonymised(request)
    return Message.objects.create(request=request, kind=MessageKind.NOTE, author=author, body=body)


@transaction.atomic
def transfer(*, request: SparringRequest, author, to, reason: str) -> SparringRequest:
    request = SparringRequest.objects.select_for_update().get(pk=request.pk)
    _refuse_if_closed(request)
    if to.pk == request.assigned_to_id:
        raise ValidationError(_("Anmodningen er allerede hos %(name)s.") % {"name": to})
    previous = request.assigned_to
    request.assigned_to = to
    request.save(update_fields=["assigned_to"])
    Message.objects.create(
        request=request,
        kind=MessageKind.EVENT,
        author=author,
        body=_("Overdraget fra %(old)s til %(new)s: %(reason)s")
        % {"old": previous or _("ingen"), "new": to, "reason": reason},
    )
    address = _staff_address(to)
    if address:
        context = {
            "request": request,
            "reason": reason,
            "author": author,
            "inbox_url": absolute_url(request.get_absolute_url()),
        }
        _after_commit(
            lambda: _mail(
                to=[address],
                language=STAFF_LANGUAGE,
                subject=gettext_lazy("%(reference)s er overdraget til dig"),
                subject_params={"reference": request.reference},
                template="transferred.txt",
                context=context,
            )
        )
    return request


@transaction.atomic
def set_status(*, request: SparringRequest, author, status: str, outcome: str = "") -> None:
    request = SparringRequest.objects.select_for_update().get(pk=request.pk)
    _refuse_if_anonymised(request)
    if status == Status.CLOSED and not outcome:
        raise ValidationError(_("Vælg et resultat, når anmodningen afsluttes."), code="outcome")
    if status == Status.UNCONFIRMED:
        raise ValidationError(_("Ugyldig status."), code="status")
    request.status = status
    request.outcome = outcome if status == Status.CLOSED else ""
    request.closed_at = timezone.now() if status == Status.CLOSED else None
    request.save(update_fields=["status", "outcome", "closed_at"])
    Message.objects.create(
        request=request,
        kind=MessageKind.EVENT,
        author=author,
        body=_("Status: %(status)s") % {"status": request.get_status_display()}
        + (f" ({request.get_outcome_display()})" if request.outcome else ""),
    )


# --- Privacy -------------------------------------------------------------------------------

ANONYMOUS = "(anonymiseret)"


def _anonymise(queryset) -> int:
    """Clears the personal data and the thread; keeps area, topic, kind and the dates."""
    now = timezone.now()
    ids = list(queryset.values_list("pk", flat=True))
    for attachment in Attachment.objects.filter(message__request_id__in=ids):
        storage, name = attachment.file.storage, attachment.file.name
        transaction.on_commit(lambda storage=storage, name=name: storage.delete(name))
    Message.objects.filter(request_id__in=ids).delete()
    return SparringRequest.objects.filter(pk__in=ids).update(
        name=ANONYMOUS,
        email="",
        phone="",
        description=ANONYMOUS,
        routing_reason="",
        anonymised_at=now,
    )


@transaction.atomic
def delete_on_request(*, request: SparringRequest) -> None:
    """The requester asked for deletion: statistics stay, nothing personal does."""
    request = SparringRequest.objects.select_for_update().get(pk=request.pk)
    if request.status != Status.CLOSED:
        request.status = Status.CLOSED
        request.outcome = request.outcome or "other"
        request.closed_at = timezone.now()
        request.save(update_fields=["status", "outcome", "closed_at"])
    _anonymise(SparringRequest.objects.filter(pk=request.pk))


def anonymise_old_closed(*, now=None) -> int:
    """Closed requests older than the configured period lose their personal data."""
    now = now or timezone.now()
    months = SparringSettings.current().anonymise_after_months
    cutoff = now - datetime.timedelta(days=round(months * 30.44))
    old = SparringRequest.objects.filter(
        status=Status.CLOSED, closed_at__lt=cutoff, anonymised_at__isnull=True
    )
    return _anonymise(old)
