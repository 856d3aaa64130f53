"""Reads for the sparring inbox, the thread and routing, each a fixed number of queries."""

from collections import defaultdict

from django.db.models import Count, Prefetch, Q
from django.utils import timezone

from faelles_skabere import sparring_tokens
from faelles_skabere.models import (
    OPEN_STATUSES,
    Attachment,
    CoCreator,
    Expertise,
    Message,
    MessageKind,
    SparringRequest,
    StandIn,
    Status,
)
from faelles_skabere.selectors.assignments import areas_followed_by

TABS = ("mine", "mine-omraader", "alle")


def co_creator_of(user) -> CoCreator | None:
    if not getattr(user, "is_authenticated", False):
        return None
    return CoCreator.objects.filter(user=user).first()


def inbox(*, user, tab: str, area: str = "", topic: str = "", status: str = ""):
    """The requests for one tab of the inbox, filtered, most urgent first (a queryset).

    "Mine": assigned to me or to a colleague I stand in for today. "Mine områder": in the
    areas I follow today (`areas_followed_by`: as fixed fælles-skaber or stand-in).
    """
    requests = SparringRequest.objects.exclude(status=Status.UNCONFIRMED).select_related(
        "area", "assigned_to"
    )
    if tab == "mine":
        me = co_creator_of(user)
        people = [me, *covered_by(me, timezone.localdate())] if me else []
        requests = requests.filter(assigned_to__in=people) if me else requests.none()
    elif tab == "mine-omraader":
        requests = requests.filter(area__in=areas_followed_by(user))
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


def request_for_token(*, token: str, salt: str, max_age) -> SparringRequest:
    """The request a signed link names, or sparring_tokens.LinkError."""
    request_id, hashed = sparring_tokens.read(token, salt, max_age)
    request = (
        SparringRequest.objects.select_related("area", "assigned_to")
        .filter(pk=request_id, anonymised_at__isnull=True)
        .first()
    )
    if request is None or not sparring_tokens.matches(request, hashed):
        # deleted, anonymised, or the address no longer matches
        raise sparring_tokens.LinkError("expired")
    return request


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


def expert_for_topic(topic: str):
    """(co_creator, fagområde) whose fagområder cover the topic, least busy first; or None."""
    fields = {field.pk: field for field in Expertise.objects.all() if topic in (field.topics or [])}
    if not fields:
        return None
    open_requests = Count(
        "sparring_requests",
        filter=Q(sparring_requests__status__in=OPEN_STATUSES),
        distinct=True,
    )
    chosen = (
        CoCreator.objects.filter(expertise__in=fields)
        .annotate(open_requests=open_requests)
        .order_by("open_requests", "title")
        .first()
    )
    if chosen is None:
        return None
    field_id = (
        chosen.expertise.filter(pk__in=fields).order_by("name").values_list("pk", flat=True)[0]
    )
    return chosen, fields[field_id]


def open_requests_by_person(today) -> list[tuple[CoCreator, list[SparringRequest]]]:
    """Each fælles-skaber with their open requests, and those of colleagues they stand in
    for today, soonest due first (for the daily mail)."""
    open_requests = SparringRequest.objects.filter(status__in=OPEN_STATUSES).order_by(
        "answer_due_on"
    )
    people = list(
        CoCreator.objects.select_related("user").prefetch_related(
            Prefetch("sparring_requests", queryset=open_requests, to_attr="open_requests")
        )
    )
    by_id = {person.pk: person for person in people}
    covering = defaultdict(list)  # stand-in id -> the open requests of those they cover for
    for entry in StandIn.objects.filter(starts_on__lte=today, ends_on__gte=today):
        covering[entry.stand_in_id].extend(by_id[entry.co_creator_id].open_requests)
    return [(person, person.open_requests + covering[person.pk]) for person in people]
