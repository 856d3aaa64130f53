"""Reads for the committee's public record: the committee and its members, its meetings and
their agendas. Each a fixed number of queries.

The publication rules are the model's (`AgendaItem.text_is_public`, `decision_is_public`):
what a public page gets of an agenda item is a `PublicItem` built here, holding only what
those rules let out, so a template can never show a closed item's text by mistake.
"""

import datetime
from dataclasses import dataclass, field

from django.db.models import Prefetch, prefetch_related_objects
from django.utils import timezone

from projektudvalg.models import (
    AgendaApplication,
    AgendaItem,
    Committee,
    CommitteeDocument,
    Decision,
    DocumentKind,
    Meeting,
    MeetingStatus,
)
from projektudvalg.selectors.hearing_links import hearings_of_items
from projektudvalg.selectors.municipal_news import news_of_items


def _committees():
    return Committee.objects.select_related("predecessor", "successor")


def current_committee() -> Committee | None:
    """The committee now sitting (the newest without a successor), with its neighbours."""
    return _committees().current()


def committee_by_slug(slug: str) -> Committee | None:
    return _committees().filter(slug=slug).first()


def successor(committee: Committee) -> Committee | None:
    try:
        return committee.successor
    except Committee.DoesNotExist:
        return None


@dataclass(frozen=True)
class CommitteePage:
    committee: Committee
    predecessor: Committee | None
    successor: Committee | None
    members: list
    former_members: list
    mandates: list
    next_meeting: Meeting | None


def committee_page(committee: Committee, *, day: datetime.date) -> CommitteePage:
    """The members sitting on `day` (from_date ≤ day ≤ to_date) and those who had left by
    then ("Tidligere medlemmer"), the mandate documents and the next meeting. 4 queries."""
    sitting = list(committee.members.on(day))
    former = list(committee.members.former(day).order_by("-to_date", "order", "id"))
    mandates = list(
        CommitteeDocument.objects.filter(committee=committee, kind=DocumentKind.MANDATE)
    )
    return CommitteePage(
        committee=committee,
        predecessor=committee.predecessor,
        successor=successor(committee),
        members=sitting,
        former_members=former,
        mandates=mandates,
        next_meeting=next_meeting(committee),
    )


def next_meeting(committee: Committee) -> Meeting | None:
    """The next meeting that is not cancelled (starting now or later). 1 query."""
    return (
        Meeting.objects.filter(committee=committee, starts_at__gte=timezone.now())
        .exclude(status=MeetingStatus.CANCELLED)
        .select_related("area")
        .order_by("starts_at", "id")
        .first()
    )


def meeting_years() -> list[int]:
    """The years (Danish time) with a meeting, newest first. 1 query."""
    moments = Meeting.objects.datetimes(
        "starts_at", "year", order="DESC", tzinfo=timezone.get_default_timezone()
    )
    return [moment.year for moment in moments]


def meetings_in_year(year: int):
    """Every committee's meetings in a Danish calendar year, in order."""
    local = timezone.get_default_timezone()
    start = datetime.datetime(year, 1, 1, tzinfo=local)
    end = datetime.datetime(year + 1, 1, 1, tzinfo=local)
    return (
        Meeting.objects.filter(starts_at__gte=start, starts_at__lt=end)
        .select_related("committee", "area")
        .order_by("starts_at", "id")
    )


# --- One meeting and its items ------------------------------------------------------------


@dataclass(frozen=True)
class PoolLine:
    title: str
    area: object
    outcome: str  # the decision's outcome once the decision is public, else ""


@dataclass(frozen=True)
class PublicDecision:
    outcome: str
    text: str
    date: datetime.date | None
    body: str  # "Beslutning i <body> den DD-MM-ÅÅÅÅ"


@dataclass(frozen=True)
class PublicItem:
    """What the public may see of an agenda item. A closed item has only its number (and
    its decision if staff marked it publishable)."""

    number: int
    closed: bool
    meeting: Meeting
    title: str = ""
    case_type: str = ""
    route_steps: list = field(default_factory=list)
    recommendation: str = ""
    description: str = ""
    documents: list = field(default_factory=list)
    hearings: list = field(default_factory=list)  # the hearings the item decides on
    news: list = field(default_factory=list)  # the published municipal news about it
    follow_up: str = ""
    follow_up_status: str = ""
    areas: list = field(default_factory=list)
    applications: list = field(default_factory=list)
    decision: PublicDecision | None = None

    @property
    def anchor(self) -> str:
        return f"punkt-{self.number}"

    @property
    def url(self) -> str:
        return f"{self.meeting.get_absolute_url()}#{self.anchor}"


def public_decision(item: AgendaItem) -> PublicDecision | None:
    if not item.decision_is_public:
        return None
    meeting = item.meeting
    day = item.decision_date or timezone.localdate(meeting.starts_at)
    return PublicDecision(
        outcome=item.get_outcome_display() if item.outcome else "",
        text=item.decision_text,
        date=day,
        body=meeting.committee.short_name or meeting.committee.name,
    )


def _pool_lines(item: AgendaItem, decision_public: bool) -> list[PoolLine]:
    """The applications on a pool item, with the outcome decided at this item once public
    (uses the prefetched `pool_lines` and `decisions`)."""
    outcomes = {}
    for decision in getattr(item, "public_decisions", []):
        outcomes[decision.application_id] = decision.get_outcome_display()
    return [
        PoolLine(
            title=line.application.public_title,
            area=line.application.area,
            outcome=outcomes.get(line.application_id, "") if decision_public else "",
        )
        for line in item.pool_lines.all()
    ]


def public_item(item: AgendaItem, *, with_details: bool = True, hearings=(), news=()) -> PublicItem:
    """The item as the public may see it (its meeting, committee and, if `with_details`,
    its areas, documents, pool lines and decisions prefetched)."""
    decision = public_decision(item)
    if not item.text_is_public:
        return PublicItem(number=item.number, closed=True, meeting=item.meeting, decision=decision)
    details = {}
    if with_details:
        details = {
            "documents": list(item.documents.all()),
            "applications": _pool_lines(item, decision is not None),
        }
    return PublicItem(
        number=item.number,
        closed=False,
        meeting=item.meeting,
        title=item.title,
        case_type=item.get_case_type_display(),
        route_steps=item.route_steps,
        recommendation=item.recommendation,
        description=item.description,
        follow_up=item.follow_up if decision else "",
        follow_up_status=item.get_follow_up_status_display() if decision else "",
        areas=list(item.areas.all()),
        decision=decision,
        hearings=list(hearings),
        news=list(news),
        **details,
    )


def _items_prefetch():
    items = AgendaItem.objects.order_by("number").prefetch_related(
        "areas",
        "documents",
        Prefetch(
            "pool_lines",
            queryset=AgendaApplication.objects.select_related("application__area"),
        ),
        Prefetch(
            "decisions",
            queryset=Decision.objects.order_by("decided_at", "id"),
            to_attr="public_decisions",
        ),
    )
    return Prefetch("items", queryset=items)


@dataclass(frozen=True)
class MeetingPage:
    meeting: Meeting
    items: list  # of PublicItem; empty until the agenda is published
    documents: list
    absent: list


def meeting_page(pk: int) -> MeetingPage | None:
    """A meeting with what of it is public: before the agenda is published only its time,
    place and status. At most 11 queries, however many items."""
    meeting = Meeting.objects.select_related("committee", "area").filter(pk=pk).first()
    if meeting is None:
        return None
    if not meeting.agenda_is_public:
        return MeetingPage(meeting=meeting, items=[], documents=[], absent=[])
    prefetch_related_objects([meeting], _items_prefetch(), "documents", "absent_members")
    shown = [item.pk for item in meeting.items.all() if item.text_is_public]
    hearings, news = hearings_of_items(shown), news_of_items(shown)
    items = [
        public_item(item, hearings=hearings.get(item.pk, ()), news=news.get(item.pk, ()))
        for item in meeting.items.all()
    ]
    absent = list(meeting.absent_members.all()) if meeting.decisions_are_public else []
    return MeetingPage(
        meeting=meeting, items=items, documents=list(meeting.documents.all()), absent=absent
    )
