"""Committee meetings with their printable agenda, and the staff exports."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from projektudvalg import exports, permissions, selectors, services
from projektudvalg.forms.review import MeetingForm
from projektudvalg.models import Meeting


@login_required
@require_http_methods(["GET", "POST"])
def meetings(request):
    permissions.require_reviewer(request.user)
    form = MeetingForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        meeting = services.meeting_create(**form.cleaned_data)
        messages.success(request, _("Mødet er oprettet."))
        return redirect("projektudvalg:meeting", pk=meeting.pk)
    status = 400 if request.method == "POST" else 200
    context = {"form": form, "meetings": Meeting.objects.order_by("-date")[:100]}
    return render(request, "projektudvalg/meetings.html", context, status=status)


def _agenda(pk):
    found = selectors.meeting_agenda(pk)
    if found is None:
        raise Http404
    return found


@login_required
@require_safe
def meeting(request, pk):
    """The agenda, printable (the print style sheet hides the navigation)."""
    permissions.require_reviewer(request.user)
    return render(request, "projektudvalg/meeting.html", {"meeting": _agenda(pk)})


@login_required
@require_safe
def meeting_csv(request, pk):
    permissions.require_reviewer(request.user)
    found = _agenda(pk)
    response = HttpResponse(exports.agenda_csv(found), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="dagsorden-{found.date:%Y-%m-%d}.csv"'
    return response


@login_required
@require_safe
def export(request, kind, fmt):
    permissions.require_reviewer(request.user)
    if kind not in exports.KINDS or fmt not in ("csv", "xlsx"):
        raise Http404
    if fmt == "csv":
        response = HttpResponse(exports.as_csv(kind), content_type="text/csv; charset=utf-8")
    else:
        response = HttpResponse(
            exports.as_xlsx(kind),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
    response["Content-Disposition"] = f'attachment; filename="{kind}.{fmt}"'
    return response
