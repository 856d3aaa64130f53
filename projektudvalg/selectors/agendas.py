"""Reads for committee staff's meeting pages and the printable agenda and minutes, each a
fixed number of queries however many items, applications and attachments there are."""

from django.db.models import Count, Prefetch

from projektudvalg.models import (
    AgendaApplication,
    AgendaItem,
    CommitteeDocument,
    Decision,
    Meeting,
)


def meetings_for_staff():
    """Every meeting, newest first, with its committee, area and number of items."""
    return (
        Meeting.objects.select_related("committee", "area")
        .annotate(item_count=Count("items"))
        .order_by("-starts_at", "-id")
    )


def _items():
    lines = AgendaApplication.objects.select_related(
        "application__pool", "application__area", "application__recommendation"
    ).order_by("application__reference", "id")
    decisions = Decision.objects.order_by("decided_at", "id")
    documents = CommitteeDocument.objects.order_by("uploaded_at", "id")
    return AgendaItem.objects.order_by("number").prefetch_related(
        Prefetch("pool_lines", queryset=lines),
        Prefetch("decisions", queryset=decisions),
        Prefetch("documents", queryset=documents),
        "areas",
    )


def _with_line_decisions(meeting: Meeting) -> Meeting:
    """Each pool line gets `decision`: the latest decision made under its item, or None."""
    for item in meeting.items.all():
        latest = {decision.application_id: decision for decision in item.decisions.all()}
        for line in item.pool_lines.all():
            line.decision = latest.get(line.application_id)
    return meeting


def meeting_agenda(pk: int) -> Meeting | None:
    """A meeting with its items in order, each with its pool lines (application, pool, area,
    recommendation and decision), decisions, attachments and areas. 7 queries."""
    meeting = (
        Meeting.objects.select_related("committee", "area")
        .prefetch_related(Prefetch("items", queryset=_items()), "absent_members")
        .filter(pk=pk)
        .first()
    )
    return _with_line_decisions(meeting) if meeting is not None else None


def agenda_item(pk: int) -> AgendaItem | None:
    """One item with its meeting, pool lines and their decisions, and attachments."""
    item = _items().select_related("meeting__committee", "round__pool").filter(pk=pk).first()
    if item is None:
        return None
    latest = {decision.application_id: decision for decision in item.decisions.all()}
    for line in item.pool_lines.all():
        line.decision = latest.get(line.application_id)
    return item


def printable_meeting(pk: int, *, internal: bool) -> Meeting | None:
    """The agenda or minutes to print: committee staff get every meeting (`internal`),
    everyone else only a meeting whose agenda is published."""
    meeting = meeting_agenda(pk)
    if meeting is None or (not internal and not meeting.agenda_is_public):
        return None
    return meeting
