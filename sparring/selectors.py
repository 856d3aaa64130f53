"""Reads for the inbox and the thread, each a fixed number of queries."""

from django.db.models import Q
from django.utils import timezone

from faelles_skabere.models import AreaAssignment, CoCreator, StandIn
from sparring.models import (
    OPEN_STATUSES,
    Attachment,
    Message,
    MessageKind,
    SparringRequest,
    Status,
)

TABS = ("mine", "mine-omraader", "alle")


def co_creator_of(user) -> CoCreator | None:
    if not getattr(user, "is_authenticated", False):
        return None
    return CoCreator.objects.filter(user=user).first()


def inbox(*, user, tab: str, area: str = "", topic: str = "", status: str = ""):
    """The requests for one tab of the inbox, filtered, most urgent first (a queryset)."""
    me = co_creator_of(user)
    requests = SparringRequest.objects.exclude(status=Status.UNCONFIRMED).select_related(
        "area", "assigned_to"
    )
    if tab == "mine":
        # Mine, and those of colleagues I stand in for today.
        people = [me, *covered_by(me, timezone.localdate())] if me else []
        requests = requests.filter(assigned_to__in=people) if me else requests.none()
    elif tab == "mine-omraader":
        my_areas = AreaAssignment.objects.fixed_on().filter(co_creator=me)
        requests = requests.filter(area__in=my_areas.values("area")) if me else requests.none()
    if status:
        requests = requests.filter(status=status)
    elif tab == "alle":
        requests = requests.filter(status__in=OPEN_STATUSES)
    if area:
        requests = requests.filter(area__slug=area)
    if topic:
        requests = requests.filter(topic=topic)
    return requests.order_by("answer_due_on", "created_at")


def mark_overdue(rows):
    """Sets `is_overdue` on each request of a page."""
    today = timezone.localdate()
    for row in rows:
        row.is_overdue = (
            row.is_open and row.first_answered_at is None and row.answer_due_on is not None
            and row.answer_due_on < today
        )  # fmt: skip
    return rows


def thread(request: SparringRequest, *, for_requester: bool):
    messages = (
        Message.objects.filter(request=request)
        .select_related("author")
        .prefetch_related("attachments")
    )
    if for_requester:
        messages = messages.filter(kind__in=[MessageKind.REQUESTER, MessageKind.REPLY])
    return list(messages)


def colleagues():
    return CoCreator.objects.order_by("kind", "title")


def overdue_for(co_creator, today):
    return SparringRequest.objects.filter(
        Q(assigned_to=co_creator),
        status__in=OPEN_STATUSES,
        first_answered_at__isnull=True,
        answer_due_on__lt=today,
    )


def requester_attachment(request, pk):
    """A file in the request's thread that the requester may see, or None."""
    return (
        Attachment.objects.filter(
            pk=pk,
            message__request=request,
            message__kind__in=[MessageKind.REQUESTER, MessageKind.REPLY],
        )
        .select_related("message")
        .first()
    )


def covered_by(co_creator, today) -> list:
    """The colleagues `co_creator` stands in for today (their open requests need an eye too)."""
    return [
        entry.co_creator
        for entry in StandIn.objects.filter(
            stand_in=co_creator, starts_on__lte=today, ends_on__gte=today
        ).select_related("co_creator")
    ]
