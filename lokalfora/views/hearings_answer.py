"""Answering a hearing: a forum's workspace (its status, the shared draft, sending and
withdrawing its answer), the public's form, the receipt and the withdraw link.

Who may act for a forum is `can_answer_for_forum`; when a hearing takes answers is
`Hearing.accepts_answers`; everything else the services decide. A hearing that no longer
takes answers shows "Høringen er lukket" without a form, and every POST is refused (410).
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponseBadRequest
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from holbaek.caching import private_page
from holbaek.forms import add_refusal
from holbaek.ratelimit import allow_public_form
from lokalfora.forms.hearings_answer import (
    DeclineForm,
    ForumAnswerForm,
    ProcessingForm,
    PublicAnswerForm,
)
from lokalfora.models import Hearing, HearingStatus, InvitationStatus, ResponseStatus
from lokalfora.permissions import can_answer_for_forum
from lokalfora.selectors import hearings as selectors
from lokalfora.services.hearing_invitations import invitation_mark_opened, invitation_set_status
from lokalfora.services.hearing_responses import (
    attachment_delete,
    forum_draft_save,
    forum_response_submit,
    public_response_submit,
    response_withdraw,
)

# The session remembers which answer it sent to each hearing: the receipt shows only that one.
RECEIPTS = "hearing_receipts"
# Answers from the public per client address and per e-mail address, per hour.
LIMIT_PER_IP = 20
LIMIT_PER_EMAIL = 5
PROCESSING_PREFIX, DECLINE_PREFIX = "behandler", "afstaar"


def _not_yet_open(hearing, now) -> bool:
    """Announced or opened but not started: the closed page says "not yet", not "closed"."""
    return hearing.status in (HearingStatus.PLANNED, HearingStatus.OPEN) and (
        hearing.starts_at > now
    )


def _closed(request, hearing, now, *, posted, context=None):
    """The page of a hearing that takes no answers now. A POST is refused: 410 when it is
    over, 403 when it has not started; nothing is saved."""
    not_yet = _not_yet_open(hearing, now)
    status = 200
    if posted:
        status = 403 if not_yet else 410
    elif not not_yet:
        status = 410
    context = {"hearing": hearing, "not_yet": not_yet, "posted": posted, **(context or {})}
    return render(request, "lokalfora/hearings/answer/closed.html", context, status=status)


def _remember_receipt(request, response) -> None:
    receipts = dict(request.session.get(RECEIPTS, {}))
    receipts[str(response.hearing_id)] = response.pk
    request.session[RECEIPTS] = receipts


# The forum's workspace.


@login_required
@require_http_methods(["GET", "POST"])
def forum_answer(request, pk, slug):
    invitation = selectors.invitation_for_forum_page(pk, slug)
    if invitation is None or not invitation.hearing.is_public:
        raise Http404
    hearing, forum = invitation.hearing, invitation.forum
    if not can_answer_for_forum(request.user, forum):
        raise PermissionDenied
    now = timezone.now()
    if request.method == "GET":
        invitation_mark_opened(invitation=invitation, now=now)
    answer = selectors.forum_answer(hearing, forum)
    if not hearing.accepts_answers(now):
        if request.method == "POST":
            return _closed(request, hearing, now, posted=True, context={"forum": forum})
        return _forum_page(
            request, invitation, answer, closed=True, not_yet=_not_yet_open(hearing, now)
        )
    if request.method == "POST":
        return _forum_post(request, invitation, answer, now)
    return _forum_page(request, invitation, answer)


def _forum_post(request, invitation, answer, now):
    action = request.POST.get("action", "")
    here = redirect(
        "lokalfora:hearing-forum", pk=invitation.hearing.pk, slug=invitation.forum.area.slug
    )
    if action in ("processing", "no_comments", "declined"):
        return _status_post(request, invitation, answer, action, here, now)
    if action == "withdraw":
        return _withdraw_post(request, answer, here, now)
    if action == "remove":
        return _remove_post(request, answer, here)
    if action not in ("save", "submit"):
        return HttpResponseBadRequest(_("Vælg, om udkastet skal gemmes eller svaret sendes."))
    if answer is not None and answer.status != ResponseStatus.DRAFT:
        messages.error(request, _("Lokalforummet har allerede afgivet sit svar."))
        return here
    return _answer_post(request, invitation, answer, action, here, now)


def _withdraw_post(request, answer, here, now):
    if answer is None or answer.status != ResponseStatus.SUBMITTED:
        raise Http404
    try:
        response_withdraw(response=answer, now=now)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            _("Svaret nr. %(number)s er trukket tilbage. I kan skrive et nyt.")
            % {"number": answer.number},
        )
    return here


def _remove_post(request, answer, here):
    """Removes one attachment of the forum's draft (another's id is 404)."""
    chosen = request.POST.get("attachment", "")
    attachments = answer.attachments.all() if answer else ()
    attachment = next((found for found in attachments if str(found.pk) == chosen), None)
    if attachment is None or answer.status != ResponseStatus.DRAFT:
        raise Http404
    try:
        attachment_delete(attachment=attachment)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request, _("%(name)s er fjernet fra udkastet.") % {"name": attachment.name}
        )
    return here


def _answer_post(request, invitation, answer, action, here, now):
    """Saves the shared draft, or sends it on behalf of the forum (then the receipt)."""
    existing = len(answer.attachments.all()) if answer else 0
    form = ForumAnswerForm(
        request.POST, request.FILES, existing_attachments=existing, submitting=action == "submit"
    )
    if form.is_valid():
        service = forum_response_submit if action == "submit" else forum_draft_save
        try:
            saved = service(
                hearing=invitation.hearing,
                forum=invitation.forum,
                by=request.user,
                data=form.answer_data(),
                files=form.cleaned_data["attachments"],
                now=now,
            )
        except ValidationError as error:
            add_refusal(form, error)
        else:
            if action == "submit":
                _remember_receipt(request, saved)
                return redirect("lokalfora:hearing-receipt", pk=invitation.hearing.pk)
            messages.success(
                request, _("Udkastet er gemt. De andre kontaktpersoner kan se og fortsætte det.")
            )
            return here
    return _forum_page(request, invitation, answer, form=form, files_lost=bool(request.FILES))


def _status_post(request, invitation, answer, action, here, now):
    processing = ProcessingForm(
        request.POST if action == "processing" else None, prefix=PROCESSING_PREFIX
    )
    decline = DeclineForm(request.POST if action == "declined" else None, prefix=DECLINE_PREFIX)
    chosen = {"processing": processing, "declined": decline}.get(action)
    if chosen is not None and not chosen.is_valid():
        return _forum_page(request, invitation, answer, processing=processing, decline=decline)
    fields = chosen.cleaned_data if chosen is not None else {}
    status = {
        "processing": InvitationStatus.PROCESSING,
        "no_comments": InvitationStatus.NO_COMMENTS,
        "declined": InvitationStatus.DECLINED,
    }[action]
    try:
        invitation = invitation_set_status(
            invitation=invitation,
            status=status,
            by=request.user,
            internal_due_date=fields.get("internal_due_date"),
            internal_note=fields.get("internal_note", ""),
            decline_reason=fields.get("decline_reason", ""),
            now=now,
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            _("Lokalforummets status er nu »%(status)s«.")
            % {"status": invitation.get_status_display()},
        )
    return here


def _forum_page(request, invitation, answer, *, closed=False, not_yet=False, **forms):
    """The workspace: the status, and the draft's form or the sent answer. `forms` are bound
    forms to show again with their errors (form, processing, decline) and files_lost."""
    draft = answer if answer is not None and answer.status == ResponseStatus.DRAFT else None
    sent = answer if answer is not None and answer.status == ResponseStatus.SUBMITTED else None
    context = {
        "hearing": invitation.hearing,
        "forum": invitation.forum,
        "invitation": invitation,
        "draft": draft,
        "sent": sent,
        "files_lost": forms.get("files_lost", False),
        "closed": closed,
        "not_yet": not_yet,
        "can_set_status": not closed and invitation.status != InvitationStatus.ANSWERED,
    }
    if not closed:
        context |= {
            "form": forms.get("form") or _draft_form(request.user, draft),
            "processing_form": forms.get("processing")
            or ProcessingForm(
                prefix=PROCESSING_PREFIX,
                initial={
                    "internal_due_date": invitation.internal_due_date,
                    "internal_note": invitation.internal_note,
                },
            ),
            "decline_form": forms.get("decline")
            or DeclineForm(
                prefix=DECLINE_PREFIX, initial={"decline_reason": invitation.decline_reason}
            ),
        }
    return render(request, "lokalfora/hearings/answer/forum.html", context)


def _draft_form(user, draft):
    """The shared draft as its contact persons left it; the name is the user's own first."""
    return ForumAnswerForm(
        initial={
            "author_name": (draft.author_name if draft else "") or user.full_name,
            "text": draft.text if draft else "",
            "contains_sensitive_information": bool(draft and draft.contains_sensitive_information),
            "consent_ack": bool(draft and draft.consent_ack),
        }
    )


# The public's answer, the receipt and the withdraw link.


def _public_hearing(pk):
    hearing = Hearing.objects.filter(pk=pk).first()
    if hearing is None or not hearing.is_public:
        raise Http404
    return hearing


@require_http_methods(["GET", "POST"])
@private_page
def public_answer(request, pk):
    hearing = _public_hearing(pk)
    posted = request.method == "POST"
    if not hearing.open_to_public:
        context = {"hearing": hearing, "posted": posted}
        status = 403 if posted else 200
        return render(request, "lokalfora/hearings/answer/forums_only.html", context, status=status)
    now = timezone.now()
    if not hearing.accepts_answers(now):
        return _closed(request, hearing, now, posted=posted)
    form = PublicAnswerForm(
        request.POST if posted else None, request.FILES if posted else None, hearing=hearing
    )
    status = 200
    if posted and form.is_valid():
        if form.is_spam:  # answered as if it went well, so the robot learns nothing
            return render(request, "lokalfora/hearings/answer/receipt.html", {"hearing": hearing})
        if not allow_public_form(
            request,
            "hearing-answer",
            form.cleaned_data["author_email"],
            per_ip=LIMIT_PER_IP,
            per_email=LIMIT_PER_EMAIL,
        ):
            form.add_error(None, _("Der er sendt for mange svar. Prøv igen om en time."))
            status = 429
        else:
            try:
                response = public_response_submit(
                    hearing=hearing,
                    by=request.user,
                    data=form.answer_data(),
                    files=form.cleaned_data["attachments"],
                    now=now,
                )
            except ValidationError as error:
                add_refusal(form, error)
            else:
                _remember_receipt(request, response)
                return redirect("lokalfora:hearing-receipt", pk=hearing.pk)
    context = {"hearing": hearing, "form": form, "files_lost": posted and bool(request.FILES)}
    return render(request, "lokalfora/hearings/answer/public.html", context, status=status)


@require_safe
@private_page
def receipt(request, pk):
    """The answer this session sent (its number is in the session, never in the address)."""
    response_pk = request.session.get(RECEIPTS, {}).get(str(pk))
    response = selectors.submitted_response(pk, response_pk) if response_pk else None
    if response is None:
        return redirect("lokalfora:hearing-detail", pk=pk)
    context = {"hearing": response.hearing, "response": response}
    return render(request, "lokalfora/hearings/answer/receipt.html", context)


@require_http_methods(["GET", "POST"])
@private_page
def withdraw(request, key):
    """GET asks, POST withdraws: mail programs that check links only GET."""
    response = selectors.response_for_withdraw_key(key)
    if response is None:
        raise Http404
    hearing = response.hearing
    context = {"hearing": hearing, "response": response}
    if response.status == ResponseStatus.WITHDRAWN:
        return render(request, "lokalfora/hearings/answer/withdraw_done.html", context)
    if not hearing.accepts_answers():
        return render(
            request, "lokalfora/hearings/answer/withdraw_refused.html", context, status=410
        )
    if request.method == "POST":
        try:
            response = response_withdraw(response=response)
        except ValidationError as error:
            context["message"] = " ".join(error.messages)
            return render(
                request, "lokalfora/hearings/answer/withdraw_refused.html", context, status=410
            )
        return render(request, "lokalfora/hearings/answer/withdraw_done.html", context)
    return render(request, "lokalfora/hearings/answer/withdraw.html", context)
