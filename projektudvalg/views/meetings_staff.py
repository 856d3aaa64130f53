"""Committee staff run the committee's meetings: the list, a new meeting, a meeting's own
page (its details, items and status buttons) and the status changes."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from holbaek.forms import add_refusal
from projektudvalg import permissions, selectors, services
from projektudvalg.forms.meetings import CancelForm, FromRoundForm, MeetingForm
from projektudvalg.models import Committee, Meeting, MeetingStatus
from projektudvalg.services.meetings import ACTIONS, actions_from, undecided_numbers

PER_PAGE = 25


@login_required
@require_http_methods(["GET", "POST"])
def meeting_admin(request):
    """Every meeting, newest first, and the form for a new one."""
    permissions.require_meeting_staff(request.user)
    committee = Committee.objects.current()
    form = MeetingForm(request.POST or None, committee=committee)
    if request.method == "POST" and form.is_valid():
        try:
            meeting = services.meeting_create(committee=committee, **form.values())
        except ValidationError as error:
            add_refusal(form, error)
        else:
            messages.success(request, _("Mødet er oprettet."))
            return redirect("projektudvalg:meeting-edit", pk=meeting.pk)
    page = Paginator(selectors.meetings_for_staff(), PER_PAGE).get_page(request.GET.get("side"))
    context = {"form": form, "page_obj": page, "committee": committee}
    status = 400 if request.method == "POST" else 200
    return render(request, "projektudvalg/meetings/admin.html", context, status=status)


def _meeting(pk) -> Meeting:
    meeting = selectors.meeting_agenda(pk)
    if meeting is None:
        raise Http404
    return meeting


def meeting_page(request, meeting, *, status=200, form=None, cancel_form=None):
    """The meeting's staff page; `form`/`cancel_form` are the posted ones, with errors."""
    context = {
        "meeting": meeting,
        "form": form or MeetingForm(
            instance=meeting, committee=meeting.committee,
            initial={"absent_members": list(meeting.absent_members.all())},
        ),
        "cancel_form": cancel_form or CancelForm(),
        "round_form": FromRoundForm(),
        "actions": actions_from(meeting.status),
        "undecided": undecided_numbers(meeting) if meeting.status == MeetingStatus.HELD else [],
    }  # fmt: skip
    return render(request, "projektudvalg/meetings/edit.html", context, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def meeting_edit(request, pk):
    permissions.require_meeting_staff(request.user)
    meeting = _meeting(pk)
    if request.method == "GET":
        return meeting_page(request, meeting)
    form = MeetingForm(request.POST, instance=meeting, committee=meeting.committee)
    if form.is_valid():
        try:
            services.meeting_update(meeting=meeting, **form.values())
        except ValidationError as error:
            add_refusal(form, error)
        else:
            messages.success(request, _("Mødet er gemt."))
            return redirect("projektudvalg:meeting-edit", pk=meeting.pk)
    return meeting_page(request, _meeting(pk), status=400, form=form)


@login_required
@require_POST
def meeting_status(request, pk):
    """Publish the agenda, mark as held, publish the minutes, cancel or reopen."""
    permissions.require_meeting_staff(request.user)
    meeting = _meeting(pk)
    action = request.POST.get("action", "")
    cancel_form = CancelForm(request.POST if action == "cancel" else None)
    if action != "cancel" and action not in ACTIONS:
        messages.error(request, _("Ukendt handling."))
        return redirect("projektudvalg:meeting-edit", pk=meeting.pk)
    if action == "cancel" and not cancel_form.is_valid():
        return meeting_page(request, meeting, status=400, cancel_form=cancel_form)
    try:
        if action == "cancel":
            services.meeting_cancel(meeting=meeting, reason=cancel_form.cleaned_data["reason"])
        else:
            ACTIONS[action](meeting=meeting)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return meeting_page(request, _meeting(pk), status=400, cancel_form=cancel_form)
    messages.success(request, _("Mødets status er ændret."))
    return redirect("projektudvalg:meeting-edit", pk=meeting.pk)
