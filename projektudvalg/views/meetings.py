"""The pool pages' old meeting addresses, the agenda's CSV and the staff exports. The
meetings themselves are run on views.meetings_staff and views.agenda_staff."""

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.utils import timezone
from django.views.decorators.http import require_safe

from projektudvalg import exports, permissions, selectors


@login_required
@require_safe
def meetings(request):
    """/puljer/moeder/ was the pools' own meeting list: now the committee's."""
    permissions.require_meeting_staff(request.user)
    return redirect("projektudvalg:meeting-admin", permanent=True)


@login_required
@require_safe
def meeting(request, pk):
    permissions.require_meeting_staff(request.user)
    return redirect("projektudvalg:meeting-edit", pk=pk, permanent=True)


def _agenda(pk):
    found = selectors.meeting_agenda(pk)
    if found is None:
        raise Http404
    return found


@login_required
@require_safe
def meeting_csv(request, pk):
    """The meeting's pool applications with their recommendations, for a spreadsheet."""
    permissions.require_reviewer(request.user)
    found = _agenda(pk)
    response = HttpResponse(exports.agenda_csv(found), content_type="text/csv; charset=utf-8")
    day = timezone.localdate(found.starts_at)
    response["Content-Disposition"] = f'attachment; filename="dagsorden-{day:%Y-%m-%d}.csv"'
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
