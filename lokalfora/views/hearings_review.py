"""Committee staff check a hearing's answers before they are published, write the
høringsnotat, and export the answers for the case file."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from holbaek import privacy
from lokalfora.forms.hearings_staff import (
    NoteIntroForm,
    NoteLines,
    ReasonForm,
    RedactForm,
)
from lokalfora.hearing_export import export_name, hearing_zip
from lokalfora.models import Hearing, HearingStatus, ScreeningStatus
from lokalfora.permissions import require_hearing_staff
from lokalfora.selectors import hearings as selectors
from lokalfora.services import hearing_notes, hearing_responses

NOTE_STATUSES = (HearingStatus.CLOSED,)  # a published høringsnotat stays as published


def _hearing(pk) -> Hearing:
    return get_object_or_404(Hearing, pk=pk)


def _with_labels(response):
    response.finding_labels = privacy.labels(response.screening_findings)
    for attachment in response.attachments.all():
        attachment.finding_labels = privacy.labels(attachment.extracted_text_findings)
    return response


@login_required
@require_http_methods(["GET", "HEAD"])
def hearing_review(request, pk):
    """Every answer received, the ones waiting for a check first, with who sent it."""
    require_hearing_staff(request.user)
    hearing = _hearing(pk)
    responses = [_with_labels(response) for response in selectors.responses_for_review(hearing)]
    context = {"hearing": hearing, "responses": responses, "HELD": ScreeningStatus.HELD}
    return render(request, "lokalfora/hearings/staff/review.html", context)


REVIEW_FORMS = {"release": ReasonForm, "redact": RedactForm, "hide": ReasonForm}


def _review_page(request, hearing, response, *, status=200, posted=None):
    forms = {
        "release": ReasonForm(prefix="release"),
        "redact": RedactForm(
            prefix="redact", initial={"public_text": response.public_text or response.text}
        ),
        "hide": ReasonForm(prefix="hide"),
    }
    forms |= posted or {}
    for attachment in response.attachments.all():
        prefix = f"withhold-{attachment.pk}"
        attachment.withhold_form = forms.get(prefix) or ReasonForm(prefix=prefix)
    context = {
        "hearing": hearing,
        "response": _with_labels(response),
        "forms": forms,
        "HELD": ScreeningStatus.HELD,
    }
    return render(request, "lokalfora/hearings/staff/review_response.html", context, status=status)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def response_review(request, pk, number):
    """One answer in full, and the decisions: release, redact, hide, withhold a file."""
    require_hearing_staff(request.user)
    hearing = _hearing(pk)
    response = selectors.response_for_review(hearing, number)
    if response is None:
        raise Http404
    if request.method != "POST":
        return _review_page(request, hearing, response)
    action, attachment = request.POST.get("action", ""), None
    if action == "withhold":
        attachment_id = request.POST.get("attachment", "")
        attachment = next(
            (a for a in response.attachments.all() if str(a.pk) == attachment_id), None
        )
        if attachment is None:
            raise Http404
        action = f"withhold-{attachment.pk}"
        form = ReasonForm(request.POST, prefix=action)
    elif action in REVIEW_FORMS:
        form = REVIEW_FORMS[action](request.POST, prefix=action)
    else:
        messages.error(request, _("Ukendt handling."))
        return _review_page(request, hearing, response, status=400)
    if form.is_valid():
        try:
            _decide(action, response, request.user, form, attachment)
        except ValidationError as error:
            form.refuse(error)
        else:
            messages.success(request, _("Beslutningen er gemt i loggen."))
            return redirect("lokalfora:hearing-review-response", pk=hearing.pk, number=number)
    response = selectors.response_for_review(hearing, number)
    return _review_page(request, hearing, response, status=400, posted={action: form})


def _decide(action, response, by, form, attachment) -> None:
    reason = form.cleaned_data["reason"]
    if action == "release":
        hearing_responses.response_release(response=response, by=by, reason=reason)
    elif action == "redact":
        hearing_responses.response_redact(
            response=response, by=by, reason=reason, public_text=form.cleaned_data["public_text"]
        )
    elif action == "hide":
        hearing_responses.response_hide(response=response, by=by, reason=reason)
    else:
        hearing_responses.attachment_withhold(attachment=attachment, by=by, reason=reason)


def _note_rows(responses) -> list[dict]:
    rows = []
    for response in responses:
        line = getattr(response, "note_line", None)
        rows.append(
            {
                "response": response.pk,
                "summary": line.summary if line else "",
                "comment": line.comment if line else "",
                "leads_to_change": line.leads_to_change if line else False,
            }
        )
    return rows


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def hearing_note_edit(request, pk):
    """The høringsnotat, once the deadline has passed: an introduction and a line for each
    submitted answer. Published on the status page."""
    require_hearing_staff(request.user)
    hearing = _hearing(pk)
    if hearing.status not in NOTE_STATUSES:
        messages.error(
            request, _("Høringsnotatet skrives, når fristen er udløbet, og før det offentliggøres.")
        )
        return redirect("lokalfora:hearing-status", pk=hearing.pk)
    responses = {response.pk: response for response in selectors.responses_for_note(hearing)}
    initial = _note_rows(responses.values())
    data = request.POST if request.method == "POST" else None
    intro_form = NoteIntroForm(data, prefix="intro", initial={"intro": hearing.note_intro})
    formset = NoteLines(data, prefix="lines", initial=initial)
    valid = data is not None and intro_form.is_valid() and formset.is_valid()
    if valid and _save_note(hearing, intro_form, formset, responses, request.user):
        messages.success(request, _("Høringsnotatet er gemt."))
        return redirect("lokalfora:hearing-note-edit", pk=hearing.pk)
    rows = list(zip(formset.forms, responses.values(), strict=False))
    context = {"hearing": hearing, "intro_form": intro_form, "formset": formset, "rows": rows}
    status = 400 if data is not None else 200
    return render(request, "lokalfora/hearings/staff/note.html", context, status=status)


@transaction.atomic
def _save_note(hearing, intro_form, formset, responses, by) -> bool:
    """Saves the introduction and each row that has text, all or nothing; a row must be
    one of the hearing's submitted answers, each once (a forged id is refused on its row)."""
    seen, ok = set(), True
    for form in formset.forms:
        response = responses.get(form.cleaned_data.get("response"))
        if response is None or response.pk in seen:
            form.add_error(None, _("Linjen hører ikke til et svar i denne høring."))
            ok = False
            continue
        seen.add(response.pk)
    if not ok:
        return False
    try:
        hearing_notes.hearing_note_intro_save(
            hearing=hearing, intro=intro_form.cleaned_data["intro"], by=by
        )
    except ValidationError as error:
        intro_form.add_error(None, error)
        return False
    for form in formset.forms:
        values = form.cleaned_data
        response = responses[values["response"]]
        has_line = getattr(response, "note_line", None) is not None
        if not (values["summary"] or values["comment"] or has_line):
            continue
        try:
            hearing_notes.note_line_save(
                hearing=hearing,
                response=response,
                summary=values["summary"],
                comment=values["comment"],
                leads_to_change=values["leads_to_change"],
            )
        except ValidationError as error:
            form.add_error(None, error)
            ok = False
    if not ok:
        transaction.set_rollback(True)
    return ok


@login_required
@require_http_methods(["GET", "HEAD"])
def hearing_export(request, pk):
    """Every answer for the case file, as a ZIP."""
    require_hearing_staff(request.user)
    hearing = _hearing(pk)
    response = FileResponse(
        hearing_zip(hearing),
        as_attachment=True,
        filename=export_name(hearing),
        content_type="application/zip",
    )
    response["Cache-Control"] = "private, no-store"
    return response
