"""The printable agenda (dagsorden) and minutes (referat), as a page and as a PDF.

The public version follows the publication rules (AgendaItem.text_is_public and
decision_is_public): a closed item shows only its number and "Lukket punkt", decisions
appear only once the minutes are published, and a meeting whose agenda is not published
is not found. Committee staff get the internal version: closed items in full, marked.
"""

from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from projektudvalg import letters, permissions, selectors
from projektudvalg.models import Meeting, MeetingStatus


def _title(meeting: Meeting) -> str:
    if meeting.status == MeetingStatus.MINUTES_PUBLISHED:
        return _("Referat")
    return _("Dagsorden")


def _context(meeting: Meeting, internal: bool) -> dict:
    day = timezone.localdate(meeting.starts_at)
    return {
        "meeting": meeting,
        "internal": internal,
        "kind": _title(meeting),
        "title": f"{_title(meeting)}: {meeting.committee.name}, {day:%d.%m.%Y}",
        "items": [
            {
                "item": item,
                "text": internal or item.text_is_public,
                "decision": (internal and item.has_decision) or item.decision_is_public,
                "line_decisions": internal or meeting.decisions_are_public,
            }
            for item in meeting.items.all()
        ],
    }


@require_safe
def meeting_print(request, pk):
    internal = permissions.can_see_internal_agenda(request.user)
    meeting = selectors.printable_meeting(pk, internal=internal)
    if meeting is None:
        raise Http404
    context = _context(meeting, internal)
    if request.GET.get("format") == "pdf":
        day = timezone.localdate(meeting.starts_at)
        kind = "referat" if meeting.status == MeetingStatus.MINUTES_PUBLISHED else "dagsorden"
        response = HttpResponse(
            letters.pdf_from_template("projektudvalg/meetings/print_pdf.html", context),
            content_type="application/pdf",
        )
        response["Content-Disposition"] = f'attachment; filename="{kind}-{day:%Y-%m-%d}.pdf"'
        return response
    return render(request, "projektudvalg/meetings/print.html", context)
