"""Answers to hearings: a forum's shared draft, submitting (numbered, checked for personal
data, a receipt at once), withdrawing, and staff's release or redaction of held answers.

Who may act for a forum is `lokalfora.permissions.can_answer_for_forum`; the views ask it
before calling these. What these refuse whoever calls: a hearing that does not accept
answers (not open, not started, past the deadline), a forum that was not asked, an
answer from the public to a hearing only for the forums, a missing acknowledgement.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from holbaek import privacy
from holbaek.uploads import check_document
from lokalfora.hearing_mails import held_notice_send, receipt_send
from lokalfora.models import (
    Hearing,
    HearingAttachment,
    HearingInvitation,
    HearingResponse,
    HearingResponseReview,
    InvitationStatus,
    OnBehalfOf,
    ResponseStatus,
    ReviewAction,
    ScreeningStatus,
)

MAX_ATTACHMENTS = 10
# The types a hearing answer may carry (the hearing portals' list).
ANSWER_EXTENSIONS = {"pdf", "docx", "odt", "jpg", "png"}
RESPONSE_FIELDS = (
    "author_name",
    "author_email",
    "address",
    "address_secret",
    "initials_only",
    "hide_name",
    "text",
    "contains_sensitive_information",
    "consent_ack",
    "organisation_name",
    "on_behalf_of",
)


def _closed_error():
    return ValidationError(_("Høringen er lukket. Svar kan ikke længere afgives."), code="closed")


def _check_open(hearing: Hearing, now) -> None:
    if not hearing.accepts_answers(now):
        raise _closed_error()


def _invitation(hearing: Hearing, forum) -> HearingInvitation:
    invitation = (
        HearingInvitation.objects.select_for_update().filter(hearing=hearing, forum=forum).first()
    )
    if invitation is None:
        raise ValidationError(_("Høringen er ikke sendt til dette lokalforum."))
    return invitation


def _apply(response: HearingResponse, data: dict) -> None:
    for field, value in data.items():
        if field not in RESPONSE_FIELDS:
            raise ValueError(f"not a response field: {field}")
        setattr(response, field, value)
    if response.on_behalf_of != OnBehalfOf.ORGANISATION:
        response.organisation_name = ""
    if response.on_behalf_of != OnBehalfOf.PRIVATE:
        response.initials_only = False
    if not response.hearing.asks_for_address:
        response.address, response.address_secret = "", False


def check_attachment(uploaded):
    """The file's kind, or a Danish refusal: PDF, DOCX, ODT, JPG or PNG, 10 MB at most, read
    for its kind (not its name). The answer forms ask it too, to show the error on the field."""
    checked = check_document(uploaded)
    if checked.extension not in ANSWER_EXTENSIONS:
        raise ValidationError(
            _("%(name)s kan ikke bruges. Du kan vedhæfte PDF, DOCX, ODT, JPG og PNG.")
            % {"name": uploaded.name}
        )
    return checked


def check_attachment_room(*, adding: int, existing: int) -> None:
    room = MAX_ATTACHMENTS - existing
    if adding > room:
        raise ValidationError(
            _("Et svar kan have højst %(count)d bilag. Du kan vedhæfte %(room)d mere.")
            % {"count": MAX_ATTACHMENTS, "room": max(room, 0)}
        )


def attachment_add(*, response: HearingResponse, uploaded) -> HearingAttachment:
    """One file on a draft (or on an answer being submitted); its text is checked for
    personal data now."""
    if response.status != ResponseStatus.DRAFT:
        raise ValidationError(_("Et afgivet svar kan ikke ændres."))
    check_attachment_room(adding=1, existing=response.attachments.count())
    checked = check_attachment(uploaded)
    text = privacy.document_text(uploaded, checked.extension)
    findings = [privacy.UNREADABLE] if text is None else privacy.findings(text)
    attachment = HearingAttachment.from_upload(
        uploaded, checked, response=response, extracted_text_findings=findings
    )
    attachment.save()
    return attachment


@transaction.atomic
def attachment_delete(*, attachment: HearingAttachment, now=None) -> None:
    """Under the hearing's lock, as sending is: a draft being sent keeps its files."""
    hearing = Hearing.objects.select_for_update().get(pk=attachment.response.hearing_id)
    _check_open(hearing, now or timezone.now())
    response = HearingResponse.objects.get(pk=attachment.response_id)
    if response.status != ResponseStatus.DRAFT:
        raise ValidationError(_("Et afgivet svar kan ikke ændres."))
    file = attachment.file
    attachment.delete()
    transaction.on_commit(lambda: file.delete(save=False))


@transaction.atomic
def forum_draft_save(
    *, hearing: Hearing, forum, by, data: dict, files=(), now=None, _sending=False
) -> HearingResponse:
    """The forum's one draft: made by a contact person, seen and continued by the others.
    Saving it tells the municipality the forum is working on it (forum behandler)."""
    now = now or timezone.now()
    hearing = Hearing.objects.select_for_update().get(pk=hearing.pk)
    _check_open(hearing, now)
    invitation = _invitation(hearing, forum)
    response = (
        HearingResponse.objects.select_for_update()
        .filter(hearing=hearing, forum=forum)
        .exclude(status=ResponseStatus.WITHDRAWN)
        .first()
    )
    if response is not None and response.status != ResponseStatus.DRAFT:
        raise ValidationError(_("Lokalforummet har allerede afgivet sit svar."))
    response = response or HearingResponse(
        hearing=hearing, forum=forum, on_behalf_of=OnBehalfOf.FORUM
    )
    if not _sending or response.drafted_by_id is None:
        response.drafted_by = by  # who saved the draft last: "Udkast gemt af ..."
    data = {
        key: value
        for key, value in data.items()
        if key not in ("on_behalf_of", "organisation_name")
    }
    _apply(response, data)
    response.full_clean(exclude=["author_email", "author_name", "number"])
    response.save()
    for uploaded in files:
        attachment_add(response=response, uploaded=uploaded)
    if invitation.status in (InvitationStatus.INVITED, InvitationStatus.OPENED):
        invitation.status = InvitationStatus.PROCESSING
        invitation.opened_at = invitation.opened_at or now
        invitation.status_changed_at = now
        invitation.save(update_fields=["status", "opened_at", "status_changed_at"])
    return response


def _screen(response: HearingResponse) -> None:
    """Everything the public could see: the text, the names shown, the files' names and
    what the files say."""
    shown = [response.text, response.author_name, response.organisation_name]
    shown += [attachment.name for attachment in response.attachments.all()]
    found = privacy.findings("\n".join(shown))
    for attachment in response.attachments.all():
        for kind in attachment.extracted_text_findings:
            if kind not in found:
                found.append(kind)
    response.screening_findings = found
    response.screening = ScreeningStatus.HELD if found else ScreeningStatus.CLEAR


def _number(hearing: Hearing) -> int:
    """The next number in the hearing (the hearing row is locked by the caller)."""
    highest = hearing.responses.aggregate(highest=Max("number"))["highest"]
    return (highest or 0) + 1


def _submit(response: HearingResponse, hearing: Hearing, by, now) -> HearingResponse:
    if not response.consent_ack:
        raise ValidationError(
            {"consent_ack": _("Sæt kryds for at vise, at du ved, at høringssvar er sagsakter.")}
        )
    if not response.text.strip() and not response.attachments.exists():
        raise ValidationError({"text": _("Skriv dit svar, eller vedhæft det som en fil.")})
    _screen(response)
    response.number = _number(hearing)
    response.status = ResponseStatus.SUBMITTED
    response.submitted_at = now
    response.submitted_by = by if getattr(by, "is_authenticated", False) else None
    response.full_clean(exclude=["number"])
    response.save()
    transaction.on_commit(lambda: receipt_send(response=response))
    if response.screening == ScreeningStatus.HELD:
        transaction.on_commit(lambda: held_notice_send(response=response))
    return response


@transaction.atomic
def forum_response_submit(
    *, hearing: Hearing, forum, by, data: dict, files=(), now=None
) -> HearingResponse:
    """Any contact person of the forum sends its answer, on behalf of the forum: the draft
    with what they changed now. The invitation becomes "svar afgivet"."""
    now = now or timezone.now()
    data = {**data, "author_email": by.email}  # the receipt goes to the one who sent it
    response = forum_draft_save(
        hearing=hearing, forum=forum, by=by, data=data, files=files, now=now, _sending=True
    )
    hearing = Hearing.objects.get(pk=hearing.pk)
    response = _submit(response, hearing, by, now)
    HearingInvitation.objects.filter(hearing=hearing, forum=forum).update(
        status=InvitationStatus.ANSWERED, status_changed_at=now
    )
    return response


@transaction.atomic
def public_response_submit(
    *, hearing: Hearing, by, data: dict, files=(), now=None
) -> HearingResponse:
    """An answer on behalf of an association or as a private person, to a hearing open to all."""
    now = now or timezone.now()
    hearing = Hearing.objects.select_for_update().get(pk=hearing.pk)
    _check_open(hearing, now)
    if not hearing.open_to_public:
        raise ValidationError(_("Kun de lokalfora, høringen er sendt til, kan svare på den."))
    if data.get("on_behalf_of") not in (OnBehalfOf.ORGANISATION, OnBehalfOf.PRIVATE):
        raise ValidationError({"on_behalf_of": _("Vælg, hvem du svarer på vegne af.")})
    response = HearingResponse(
        hearing=hearing, drafted_by=by if getattr(by, "is_authenticated", False) else None
    )
    _apply(response, data)
    problems = {}
    if response.on_behalf_of == OnBehalfOf.ORGANISATION and not response.organisation_name.strip():
        problems["organisation_name"] = _("Skriv foreningens eller organisationens navn.")
    if not response.author_name.strip():
        problems["author_name"] = _("Skriv dit navn.")
    if not response.author_email:
        problems["author_email"] = _("Skriv din e-mailadresse, så vi kan sende dig en kvittering.")
    if problems:
        raise ValidationError(problems)
    response.full_clean(exclude=["number"])
    response.save()
    for uploaded in files:
        attachment_add(response=response, uploaded=uploaded)
    return _submit(response, hearing, by, now)


@transaction.atomic
def response_withdraw(*, response: HearingResponse, now=None) -> HearingResponse:
    """The author withdraws before the deadline; the answer is kept (a case document) but
    never shown, and a forum may answer again."""
    now = now or timezone.now()
    response = (
        HearingResponse.objects.select_for_update().select_related("hearing").get(pk=response.pk)
    )
    if response.status != ResponseStatus.SUBMITTED:
        raise ValidationError(_("Svaret er ikke afgivet, eller det er allerede trukket tilbage."))
    if not response.hearing.accepts_answers(now):
        raise ValidationError(_("Høringsfristen er udløbet, så svaret kan ikke trækkes tilbage."))
    response.status = ResponseStatus.WITHDRAWN
    response.withdrawn_at = now
    response.save(update_fields=["status", "withdrawn_at", "updated_at"])
    if response.forum_id:
        HearingInvitation.objects.filter(hearing=response.hearing, forum=response.forum).update(
            status=InvitationStatus.PROCESSING, status_changed_at=now
        )
    return response


def _review(response, action, reason, by) -> None:
    if not reason.strip():
        raise ValidationError({"reason": _("Skriv en begrundelse. Den gemmes i loggen.")})
    HearingResponseReview.objects.create(
        response=response, action=action, reason=reason.strip(), reviewed_by=by
    )


def _held(response: HearingResponse, *, publishing: bool = True) -> HearingResponse:
    response = HearingResponse.objects.select_for_update().get(pk=response.pk)
    if response.status != ResponseStatus.SUBMITTED:
        raise ValidationError(_("Kun et afgivet svar kontrolleres."))
    # A file the check found personal data in is withheld first; one it could not read
    # (a picture, a scan) the staff member has looked at by releasing.
    flagged = [
        attachment.name
        for attachment in response.attachments.filter(withheld=False)
        if set(attachment.extracted_text_findings) - {privacy.UNREADABLE}
    ]
    if publishing and flagged:
        raise ValidationError(
            _("Bilaget %(names)s kan indeholde personoplysninger. Tilbagehold det først.")
            % {"names": ", ".join(flagged)}
        )
    return response


@transaction.atomic
def response_release(*, response: HearingResponse, by, reason: str) -> HearingResponse:
    """A staff member looked: the held answer may be published as written."""
    response = _held(response)
    _review(response, ReviewAction.RELEASE, reason, by)
    response.screening = ScreeningStatus.RELEASED
    response.public_text = ""
    response.save(update_fields=["screening", "public_text", "updated_at"])
    return response


@transaction.atomic
def response_redact(
    *, response: HearingResponse, by, reason: str, public_text: str
) -> HearingResponse:
    """Publishes an edited text instead (the original stays, for staff and the case file).
    The edited text must itself pass the check."""
    response = _held(response)
    if not public_text.strip():
        raise ValidationError({"public_text": _("Skriv den tekst, der skal offentliggøres.")})
    if privacy.findings(public_text):
        raise ValidationError(
            {
                "public_text": _("Teksten indeholder stadig %(kinds)s.")
                % {"kinds": privacy.labels(privacy.findings(public_text))}
            }
        )
    _review(response, ReviewAction.REDACT, reason, by)
    response.screening = ScreeningStatus.REDACTED
    response.public_text = public_text.strip()
    response.full_clean(exclude=["number"])
    response.save(update_fields=["screening", "public_text", "updated_at"])
    return response


@transaction.atomic
def response_hide(*, response: HearingResponse, by, reason: str) -> HearingResponse:
    """Not published at all (kept for staff and the case file)."""
    response = _held(response, publishing=False)
    _review(response, ReviewAction.HIDE, reason, by)
    response.screening = ScreeningStatus.HIDDEN
    response.save(update_fields=["screening", "updated_at"])
    return response


@transaction.atomic
def attachment_withhold(*, attachment: HearingAttachment, by, reason: str) -> HearingAttachment:
    """An attachment that must not be published (a signed letter with a CPR number)."""
    if not reason.strip():
        raise ValidationError({"reason": _("Skriv en begrundelse. Den gemmes i loggen.")})
    _review(
        attachment.response, ReviewAction.WITHHOLD_ATTACHMENT, f"{attachment.name}: {reason}", by
    )
    attachment.withheld = True
    attachment.save(update_fields=["withheld"])
    return attachment
