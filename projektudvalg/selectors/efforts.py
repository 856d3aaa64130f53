"""Reads for the public pages of the special efforts (track 2), each a fixed number of
queries whatever the effort holds.

What is public: everything but `internal_notes`, the members' contact data and the names
of members who did not consent (`WorkingGroupMember.show_name`); a group contact's name
only with `contact_name_public`. An agenda item shows only as its publication rules
allow (`AgendaItem.text_is_public`, `decision_is_public`). A proposed effort is the
committee's draft and not yet public (`PUBLIC_STATUSES`).
"""

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, F, Prefetch, Q, QuerySet
from django.db.models.functions import Coalesce
from django.urls import NoReverseMatch

from projektudvalg.effort_progress import weighted_progress
from projektudvalg.models import (
    PUBLIC_STATUSES,
    CommitmentComment,
    CommitmentParty,
    EffortAction,
    EffortCommitment,
    EffortStatus,
    EffortUpdate,
    MembershipStatus,
    Milestone,
    SpecialEffort,
    WorkingGroup,
    WorkingGroupMember,
)

UPDATES_SHOWN = 20


def _url(obj) -> str:
    """The object's page, or "" while that page is not part of the portal (the meeting and
    document pages come with the committee's public pages)."""
    try:
        return obj.get_absolute_url()
    except NoReverseMatch:
        return ""


def _progress_actions():
    actions = EffortAction.objects.only("id", "effort", "progress", "weight")
    return Prefetch("actions", queryset=actions)


def public_efforts(*, status: str | None = None, area=None, year: int | None = None) -> QuerySet:
    """The public efforts, newest period first, with their areas and actions (for the
    progress) prefetched: 3 queries for a page of them. `year`: those running in that
    year (begun by its end, not ended before it begins; an effort without a start date
    is left out)."""
    efforts = SpecialEffort.objects.filter(status__in=PUBLIC_STATUSES)
    if status:
        efforts = efforts.filter(status=status)
    if area is not None:
        efforts = efforts.filter(areas=area)
    if year is not None:
        efforts = efforts.annotate(ends=Coalesce(F("actual_end"), F("period_end"))).filter(
            Q(ends__isnull=True) | Q(ends__gte=datetime.date(year, 1, 1)),
            period_start__lte=datetime.date(year, 12, 31),
        )
    return efforts.prefetch_related("areas", _progress_actions()).order_by(
        "-period_start", "title", "id"
    )


def with_progress(efforts) -> list:
    """The efforts (their actions prefetched), each with its `progress` in whole per cent."""
    efforts = list(efforts)
    for effort in efforts:
        effort.progress = weighted_progress(effort.actions.all())
    return efforts


def efforts_for_area(area) -> list:
    """The area's public efforts that are not finished, for the area page: 3 queries."""
    efforts = public_efforts(area=area).exclude(status=EffortStatus.FINISHED)
    return with_progress(efforts[:5])


@dataclass(frozen=True)
class PublicItem:
    """An agenda item as the public may see it: a closed one only as its number."""

    number: int
    meeting_date: datetime.datetime
    title: str  # "" for a closed item
    closed: bool
    url: str
    outcome: str  # "" unless the decision is public
    decision_text: str
    decision_date: datetime.date | None


def public_item(item) -> PublicItem | None:
    """The item as the public may see it, or None before its agenda is published. The
    item's meeting must be selected along."""
    if item is None or not item.meeting.agenda_is_public:
        return None
    decision = item.decision_is_public
    return PublicItem(
        number=item.number,
        meeting_date=item.meeting.starts_at,
        title=item.title if item.text_is_public else "",
        closed=item.is_closed,
        url=_url(item),
        outcome=item.get_outcome_display() if decision else "",
        decision_text=item.decision_text if decision else "",
        decision_date=item.decision_date if decision else None,
    )


@dataclass
class CommitmentGroup:
    party: str
    name: str
    commitments: list = field(default_factory=list)


def _party_name(commitment) -> str:
    if commitment.party == CommitmentParty.FORUM and commitment.forum is not None:
        return commitment.forum.name
    if commitment.party == CommitmentParty.GROUP and commitment.group is not None:
        return commitment.group.name
    return commitment.party_name or commitment.get_party_display()


def commitments_by_party(commitments) -> list[CommitmentGroup]:
    """The commitments grouped by who made them, the municipality first, then in the
    parties' order (forum, group, committee), each group in the commitments' own order."""
    order = {party: index for index, party in enumerate(CommitmentParty.values)}
    groups: dict[tuple, CommitmentGroup] = {}
    for commitment in sorted(commitments, key=lambda c: order.get(c.party, 99)):
        name = _party_name(commitment)
        key = (commitment.party, name)
        groups.setdefault(key, CommitmentGroup(party=commitment.party, name=name))
        groups[key].commitments.append(commitment)
    return list(groups.values())


@dataclass(frozen=True)
class Budget:
    lines: list
    total: Decimal
    spent: Decimal
    external: Decimal


def budget(lines) -> Budget:
    lines = list(lines)
    return Budget(
        lines=lines,
        total=sum((line.amount for line in lines), Decimal(0)),
        spent=sum((line.spent for line in lines), Decimal(0)),
        external=sum((line.amount for line in lines if line.external), Decimal(0)),
    )


def _groups():
    """The working groups with the count of accepted members and, as `public_members`,
    the accepted members who consented to their name being shown (names only)."""
    consenting = WorkingGroupMember.objects.filter(
        status=MembershipStatus.ACCEPTED, show_name=True
    ).only("id", "group", "name")
    return Prefetch(
        "working_groups",
        queryset=WorkingGroup.objects.annotate(
            member_count=Count("members", filter=Q(members__status=MembershipStatus.ACCEPTED))
        ).prefetch_related(Prefetch("members", queryset=consenting, to_attr="public_members")),
    )


def _prefetches() -> list:
    return [
        "areas",
        "transitions",
        Prefetch(
            "commitments",
            queryset=EffortCommitment.objects.select_related("forum", "group").prefetch_related(
                Prefetch("comments", queryset=CommitmentComment.objects.select_related("forum"))
            ),
        ),
        _groups(),
        Prefetch("milestones", queryset=Milestone.objects.select_related("agenda_item__meeting")),
        Prefetch("actions", queryset=EffortAction.objects.select_related("decision__meeting")),
        "budget_lines",
        "documents",
        "agenda_items__meeting",
    ]


@dataclass(frozen=True)
class EffortPage:
    effort: SpecialEffort
    areas: list
    transitions: list
    commitment_groups: list
    groups: list
    milestones: list
    actions: list
    progress: int | None
    budget: Budget
    documents: list
    updates: list
    selection: PublicItem | None
    decisions: list


def _updates(effort) -> list:
    return list(
        EffortUpdate.objects.filter(effort=effort)
        .select_related("group")
        .only("id", "text", "created_at", "group__name", "effort")[:UPDATES_SHOWN]
    )


def effort_page(slug: str) -> EffortPage | None:
    """Everything the effort's public page shows, or None if there is no public effort
    by that slug. 14 queries, however many areas, groups, milestones and actions."""
    effort = (
        SpecialEffort.objects.filter(slug=slug, status__in=PUBLIC_STATUSES)
        .select_related("committee", "selection_decision__meeting")
        .prefetch_related(*_prefetches())
        .first()
    )
    if effort is None:
        return None
    actions, milestones = list(effort.actions.all()), list(effort.milestones.all())
    for action in actions:
        action.public_decision = public_item(action.decision)
    for milestone in milestones:
        milestone.public_item = public_item(milestone.agenda_item)
    documents = list(effort.documents.all())
    for document in documents:
        document.public_url = _url(document)
    items = [public_item(item) for item in effort.agenda_items.all()]
    return EffortPage(
        effort=effort,
        areas=list(effort.areas.all()),
        transitions=list(effort.transitions.all()),
        commitment_groups=commitments_by_party(effort.commitments.all()),
        groups=list(effort.working_groups.all()),
        milestones=milestones,
        actions=actions,
        progress=weighted_progress(actions),
        budget=budget(effort.budget_lines.all()),
        documents=documents,
        updates=_updates(effort),
        selection=public_item(effort.selection_decision),
        decisions=sorted(
            (item for item in items if item is not None),
            key=lambda item: (item.meeting_date, item.number),
        ),
    )


def public_effort(slug: str) -> SpecialEffort | None:
    """The public effort by slug with its areas, or None: for the follow form. 2 queries."""
    return (
        SpecialEffort.objects.filter(slug=slug, status__in=PUBLIC_STATUSES)
        .prefetch_related("areas")
        .first()
    )
