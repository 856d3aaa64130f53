"""A confirmed request's thread: replies both ways, internal notes, transfers and status."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from faelles_skabere import mails
from faelles_skabere.models import Attachment, Message, MessageKind, SparringRequest, Status

CLOSED_MESSAGE = _("Anmodningen er afsluttet. Send en ny anmodning, hvis du vil fortsætte.")
ANONYMISED_MESSAGE = _("Anmodningen er anonymiseret og kan ikke ændres.")
OUTCOME_MESSAGE = _("Vælg et resultat, når anmodningen afsluttes.")


def _locked(request: SparringRequest) -> SparringRequest:
    return SparringRequest.objects.select_for_update().get(pk=request.pk)


def _refuse_if_anonymised(request: SparringRequest) -> None:
    if request.anonymised_at is not None:
        raise ValidationError(ANONYMISED_MESSAGE, code="anonymised")


def _refuse_if_closed(request: SparringRequest) -> None:
    _refuse_if_anonymised(request)
    if request.status == Status.CLOSED:
        raise ValidationError(CLOSED_MESSAGE, code="closed")


@transaction.atomic
def sparring_requester_reply_create(
    *, sparring_request: SparringRequest, body: str, files=()
) -> Message:
    """The requester writes; `files` are (uploaded, holbaek.uploads.Kind) pairs, already checked."""
    request = _locked(sparring_request)
    _refuse_if_closed(request)
    message = Message.objects.create(request=request, kind=MessageKind.REQUESTER, body=body)
    _save_attachments(message, files)
    if request.status == Status.AWAITING_REPLY:
        request.status = Status.IN_DIALOGUE
        request.save(update_fields=["status"])
    if request.assigned_to_id:
        mails.send_after_commit(lambda: mails.requester_replied(request.pk))
    return message


def _save_attachments(message: Message, files) -> None:
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


@transaction.atomic
def sparring_staff_reply_create(*, sparring_request: SparringRequest, author, body: str) -> Message:
    """A reply to the requester, sent by e-mail with a fresh link to the thread."""
    request = _locked(sparring_request)
    _refuse_if_closed(request)
    message = Message.objects.create(
        request=request, kind=MessageKind.REPLY, author=author, body=body
    )
    request.status = Status.AWAITING_REPLY
    request.first_answered_at = request.first_answered_at or message.created_at
    request.save(update_fields=["status", "first_answered_at"])
    mails.send_after_commit(lambda: mails.staff_replied(message.pk))
    return message


@transaction.atomic
def sparring_note_create(*, sparring_request: SparringRequest, author, body: str) -> Message:
    """An internal note: colleagues see it, the requester never does. Also after closing."""
    request = _locked(sparring_request)
    _refuse_if_anonymised(request)
    return Message.objects.create(request=request, kind=MessageKind.NOTE, author=author, body=body)


@transaction.atomic
def sparring_request_transfer(
    *, sparring_request: SparringRequest, author, to, reason: str
) -> SparringRequest:
    """Hands the request to a colleague, with a reason in the thread; the colleague is mailed."""
    request = _locked(sparring_request)
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
    address = mails.staff_address(to)
    if address:
        mails.send_after_commit(
            lambda: mails.transferred(
                request=request, address=address, author=author, reason=reason
            )
        )
    return request


@transaction.atomic
def sparring_request_set_status(
    *, sparring_request: SparringRequest, author, status: str, outcome: str = ""
) -> None:
    """ny -> i dialog -> afventer svar -> afsluttet; closing needs an outcome."""
    request = _locked(sparring_request)
    _refuse_if_anonymised(request)
    if status == Status.CLOSED and not outcome:
        raise ValidationError({"outcome": OUTCOME_MESSAGE}, code="outcome")
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
