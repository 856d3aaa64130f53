"""Committee staff run the hearings: the list, the forums' matrix, the hearing's form, its
material and its status changes, and sending an invitation again. The answers' check,
the høringsnotat and the export are in hearings_review.py."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from lokalfora.forms.hearings_staff import DocumentForm, ExtendForm, HearingForm, ReasonForm
from lokalfora.models import Hearing, HearingInvitation, HearingStatus, InvitationStatus
from lokalfora.permissions import require_hearing_staff
from lokalfora.selectors import hearings as selectors
from lokalfora.services import hearing_documents as documents
from lokalfora.services import hearing_invitations
from lokalfora.services import hearings as services

PER_PAGE = 25
# The invitation's status as DKFDS badge colours; the text is always shown as well.
BADGES = {
    InvitationStatus.INVITED: "badge-info",
    InvitationStatus.OPENED: "badge-info",
    InvitationStatus.PROCESSING: "badge-warning",
    InvitationStatus.ANSWERED: "badge-success",
    InvitationStatus.NO_COMMENTS: "badge-success",
    InvitationStatus.DECLINED: "badge-success",
    InvitationStatus.NO_REACTION: "badge-error",
}
# What the status page offers in each state.
ACTIONS = {
    HearingStatus.DRAFT: ("publish", "delete"),
    HearingStatus.PLANNED: ("withdraw",),
    HearingStatus.OPEN: ("extend", "withdraw"),
    HearingStatus.CLOSED: ("extend", "conclude", "withdraw"),
    HearingStatus.CONCLUDED: ("archive",),
}


def _hearing(pk) -> Hearing:
    return get_object_or_404(Hearing, pk=pk)


@login_required
@require_http_methods(["GET", "HEAD"])
def hearing_admin(request):
    """Every hearing, drafts too, newest deadline first, with its answers counted."""
    require_hearing_staff(request.user)
    page = Paginator(selectors.hearings_for_staff(), PER_PAGE).get_page(request.GET.get("side"))
    return render(request, "lokalfora/hearings/staff/admin.html", {"page_obj": page})


@login_required
@require_http_methods(["GET", "HEAD"])
def hearing_matrix(request):
    """The 18 forums against the open and planned hearings: who has answered what."""
    require_hearing_staff(request.user)
    hearings, rows = selectors.invitation_matrix()
    now = timezone.now()
    open_ids = {hearing.pk for hearing in hearings if hearing.accepts_answers(now)}
    for _forum, _reachable, cells in rows:
        for cell in cells:
            if cell is not None:
                cell.resendable = cell.hearing_id in open_ids
    rows = [
        (forum, reachable, [(cell, BADGES.get(cell.status) if cell else "") for cell in cells])
        for forum, reachable, cells in rows
    ]
    context = {"hearings": hearings, "rows": rows, "columns": selectors.MATRIX_COLUMNS}
    return render(request, "lokalfora/hearings/staff/matrix.html", context)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def hearing_form(request, pk=None):
    """A new hearing (a draft), or changes to one."""
    require_hearing_staff(request.user)
    hearing = _hearing(pk) if pk is not None else None
    if hearing is not None and hearing.status not in services.EDITABLE:
        messages.error(request, _("En afsluttet høring kan ikke ændres."))
        return redirect("lokalfora:hearing-status", pk=hearing.pk)
    form = HearingForm(request.POST or None, instance=hearing or Hearing())
    if request.method == "POST" and form.is_valid():
        try:
            saved = services.hearing_save(by=request.user, hearing=hearing, **form.values())
        except ValidationError as error:
            form.refuse(error)
        else:
            messages.success(request, _("Høringen er gemt."))
            if hearing is None:
                return redirect("lokalfora:hearing-documents", pk=saved.pk)
            return redirect("lokalfora:hearing-status", pk=saved.pk)
    status = 400 if request.method == "POST" else 200
    context = {"form": form, "hearing": hearing}
    return render(request, "lokalfora/hearings/staff/form.html", context, status=status)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def hearing_documents(request, pk):
    """The material and the letter: uploaded here; removed while the hearing is a draft."""
    require_hearing_staff(request.user)
    hearing = _hearing(pk)
    form = DocumentForm()
    if request.method == "POST" and request.POST.get("action") == "delete":
        document = get_object_or_404(hearing.documents, pk=_int(request.POST.get("document")))
        try:
            documents.hearing_document_delete(document=document)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Dokumentet er fjernet."))
        return redirect("lokalfora:hearing-documents", pk=hearing.pk)
    if request.method == "POST":
        form = DocumentForm(request.POST, request.FILES)
        if form.is_valid():
            try:
                documents.hearing_document_add(
                    hearing=hearing,
                    uploaded=form.cleaned_data["file"],
                    title=form.cleaned_data["title"],
                    kind=form.cleaned_data["kind"],
                )
            except ValidationError as error:
                form.add_error("file" if not hasattr(error, "error_dict") else None, error)
            else:
                messages.success(request, _("Dokumentet er lagt ved."))
                return redirect("lokalfora:hearing-documents", pk=hearing.pk)
    context = {
        "hearing": hearing,
        "form": form,
        "documents": hearing.documents.order_by("kind", "id"),
        "can_add": hearing.status in services.EDITABLE,
        "can_delete": hearing.status == HearingStatus.DRAFT,
    }
    status = 400 if request.method == "POST" else 200
    return render(request, "lokalfora/hearings/staff/documents.html", context, status=status)


def _int(value) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return 0


def _status_page(request, hearing, *, status=200, extend_form=None, withdraw_form=None):
    context = {
        "hearing": hearing,
        "actions": ACTIONS.get(hearing.status, ()),
        "extend_form": extend_form or ExtendForm(prefix="extend"),
        "withdraw_form": withdraw_form or ReasonForm(prefix="withdraw"),
        "changes": hearing.deadline_changes.select_related("changed_by").order_by("changed_at"),
        "counts": selectors.response_counts(hearing),
    }
    return render(request, "lokalfora/hearings/staff/status.html", context, status=status)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def hearing_status(request, pk):
    """Publish, extend, withdraw, publish the høringsnotat, archive, or delete a draft."""
    require_hearing_staff(request.user)
    hearing = _hearing(pk)
    if request.method != "POST":
        return _status_page(request, hearing)
    action = request.POST.get("action", "")
    if action not in ACTIONS.get(hearing.status, ()):
        messages.error(request, _("Handlingen er ikke mulig i høringens nuværende status."))
        return _status_page(request, hearing, status=400)
    forms = {
        "extend": ExtendForm(request.POST, prefix="extend"),
        "withdraw": ReasonForm(request.POST, prefix="withdraw"),
    }
    form = forms.get(action)
    refused = {"extend_form": forms["extend"]} if action == "extend" else {}
    refused |= {"withdraw_form": forms["withdraw"]} if action == "withdraw" else {}
    if form is not None and not form.is_valid():
        return _status_page(request, hearing, status=400, **refused)
    try:
        if action == "delete":
            services.hearing_delete(hearing=hearing)
            messages.success(request, _("Kladden er slettet."))
            return redirect("lokalfora:hearing-admin")
        _act(action, hearing, request.user, form)
    except ValidationError as error:
        if form is not None and hasattr(error, "error_dict"):
            form.refuse(error)
        else:
            for message in error.messages:
                messages.error(request, message)
        return _status_page(request, _hearing(pk), status=400, **refused)
    messages.success(request, _("Høringens status er ændret."))
    return redirect("lokalfora:hearing-status", pk=hearing.pk)


def _act(action, hearing, by, form) -> None:
    if action == "publish":
        services.hearing_publish(hearing=hearing, by=by)
    elif action == "extend":
        services.hearing_extend_deadline(
            hearing=hearing,
            new_deadline=form.cleaned_data["new_deadline"],
            reason=form.cleaned_data["reason"],
            by=by,
        )
    elif action == "withdraw":
        services.hearing_withdraw(hearing=hearing, reason=form.cleaned_data["reason"], by=by)
    elif action == "conclude":
        services.hearing_conclude(hearing=hearing, by=by)
    elif action == "archive":
        services.hearing_archive(hearing=hearing, by=by)


@login_required
@require_POST
def invitation_resend(request, invitation):
    """Sends the invitation again to the forum's active contact persons."""
    require_hearing_staff(request.user)
    invitation = get_object_or_404(
        HearingInvitation.objects.select_related("hearing", "forum__area"), pk=invitation
    )
    try:
        sent = hearing_invitations.invitation_resend(invitation=invitation, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        if sent:
            messages.success(
                request,
                _("Invitationen til %(forum)s er sendt igen.") % {"forum": invitation.forum.name},
            )
        else:
            messages.error(request, _("Invitationen kunne ikke sendes. Prøv igen senere."))
    return redirect("lokalfora:hearing-matrix")
