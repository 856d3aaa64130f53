"""What signed-in people do on an effort: ask to join a working group, answer the
requests (the group's contact), post updates, and comment on a forum's commitments."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from holbaek.ratelimit import allow
from projektudvalg import permissions
from projektudvalg.forms.efforts_public import CommentForm, DecideForm, JoinForm, UpdateForm
from projektudvalg.models import (
    EffortCommitment,
    MembershipStatus,
    SpecialEffort,
    WorkingGroup,
    WorkingGroupMember,
)
from projektudvalg.selectors.efforts import PUBLIC_STATUSES
from projektudvalg.services import working_groups as services

# Requests to join, per account, per hour.
JOIN_LIMIT = 10


def _group(pk) -> WorkingGroup:
    return get_object_or_404(
        WorkingGroup.objects.select_related("effort"), pk=pk, effort__status__in=PUBLIC_STATUSES
    )


def _back(effort, anchor=""):
    return redirect(effort.get_absolute_url() + anchor)


@login_required
@require_http_methods(["GET", "POST"])
def group_join(request, pk):
    """ "Jeg vil være med": the name comes from the account; consent is off by default."""
    group = _group(pk)
    existing = WorkingGroupMember.objects.filter(group=group, user=request.user).first()
    form = JoinForm(
        request.POST if request.method == "POST" else None,
        initial={"name": request.user.full_name},
    )
    status = 200
    if request.method == "POST":
        status = 400
        if not allow("group-join", str(request.user.pk), limit=JOIN_LIMIT, period=3600):
            form.add_error(None, _("Der er prøvet for mange gange. Prøv igen om en time."))
            status = 429
        elif form.is_valid():
            try:
                services.working_group_join(group=group, user=request.user, **form.cleaned_data)
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, _("Tak! Gruppens kontaktperson svarer dig på e-mail."))
                return _back(group.effort, f"#gruppe-{group.pk}")
    context = {"group": group, "effort": group.effort, "form": form, "existing": existing}
    return render(request, "projektudvalg/efforts/group_join.html", context, status=status)


def _decide(request, group) -> int:
    form = DecideForm(request.POST)
    if not form.is_valid():
        return 400
    member = get_object_or_404(WorkingGroupMember, pk=form.cleaned_data["request"], group=group)
    accept = form.cleaned_data["answer"] == "accept"
    try:
        services.working_group_request_decide(member=member, accept=accept)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return 400
    messages.success(request, _("Anmodningen er besvaret."))
    return 302


@login_required
@require_http_methods(["GET", "POST"])
def group_requests(request, pk):
    """The group's contact (and committee staff) accept or decline the requests."""
    group = _group(pk)
    if not permissions.can_answer_group_requests(request.user, group):
        raise PermissionDenied
    status = 200
    if request.method == "POST":
        status = _decide(request, group)
        if status == 302:
            return redirect("projektudvalg:group-requests", pk=group.pk)
    members = list(group.members.order_by("status", "requested_at", "id"))
    context = {
        "group": group,
        "effort": group.effort,
        "requests": [m for m in members if m.status == MembershipStatus.REQUESTED],
        "accepted": [m for m in members if m.status == MembershipStatus.ACCEPTED],
    }
    return render(request, "projektudvalg/efforts/group_requests.html", context, status=status)


def _update_page(request, *, effort, group, form, status=200):
    context = {"effort": effort, "group": group, "form": form}
    return render(request, "projektudvalg/efforts/update_form.html", context, status=status)


def _post_update(request, *, effort, group=None):
    form = UpdateForm(request.POST if request.method == "POST" else None)
    if request.method != "POST":
        return _update_page(request, effort=effort, group=group, form=form)
    if form.is_valid():
        try:
            services.effort_update_post(
                effort=effort, group=group, author=request.user, text=form.cleaned_data["text"]
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Opdateringen er lagt på indsatsens side."))
            return _back(effort, "#opdateringer")
    return _update_page(request, effort=effort, group=group, form=form, status=400)


@login_required
@require_http_methods(["GET", "POST"])
def group_update(request, pk):
    """The group's contact posts an update for their own group; another group's gets 403."""
    group = _group(pk)
    if not permissions.can_post_group_update(request.user, group):
        raise PermissionDenied
    return _post_update(request, effort=group.effort, group=group)


@login_required
@require_http_methods(["GET", "POST"])
def effort_update(request, slug):
    """The effort's project leads and committee staff post an update for the effort."""
    effort = get_object_or_404(SpecialEffort, slug=slug, status__in=PUBLIC_STATUSES)
    if not permissions.can_post_effort_update(request.user, effort):
        raise PermissionDenied
    return _post_update(request, effort=effort)


@login_required
@require_http_methods(["GET", "POST"])
def commitment_comment(request, pk):
    """An editor of the forum the commitment is for comments on the forum's behalf."""
    commitment = get_object_or_404(
        EffortCommitment.objects.select_related("effort", "forum"),
        pk=pk,
        effort__status__in=PUBLIC_STATUSES,
    )
    if not permissions.can_comment_commitment(request.user, commitment):
        raise PermissionDenied
    form = CommentForm(request.POST if request.method == "POST" else None)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                services.commitment_comment_add(
                    commitment=commitment, author=request.user, text=form.cleaned_data["text"]
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, _("Kommentaren er lagt ved forpligtelsen."))
                return _back(commitment.effort, f"#forpligtelse-{commitment.pk}")
    context = {"commitment": commitment, "effort": commitment.effort, "form": form}
    return render(request, "projektudvalg/efforts/comment_form.html", context, status=status)
