"""Special efforts with everything on their page, for the tests of the public side.

effort = running_effort([tollose, undlose])        # selected by a published decision
fill(effort, groups=6, milestones=20, actions=30)  # children as direct rows
"""

import datetime
from decimal import Decimal

from projektudvalg.models import (
    CommitmentComment,
    CommitmentParty,
    EffortAction,
    EffortBudgetLine,
    EffortCommitment,
    EffortStatus,
    EffortTransition,
    EffortUpdate,
    MeetingStatus,
    Milestone,
    MilestoneKind,
    SpecialEffort,
    WorkingGroup,
    WorkingGroupMember,
)
from tests.clock import danish
from tests.factories import AgendaItemFactory, MeetingFactory, SpecialEffortFactory, make_user


def selection_item(**kwargs):
    meeting = MeetingFactory(
        status=MeetingStatus.MINUTES_PUBLISHED, starts_at=danish("2026-03-02 17:00")
    )
    values = {"title": "Valg af områder til særlig indsats", "outcome": "approved"}
    return AgendaItemFactory(meeting=meeting, **(values | kwargs))


def running_effort(areas, *, status=EffortStatus.ACTIVE, **kwargs) -> SpecialEffort:
    """A public effort: selected by a decision, in `status` (set as effort_transition would)."""
    values = {"period_start": datetime.date(2026, 4, 1), "period_end": datetime.date(2028, 3, 31)}
    effort = SpecialEffortFactory(areas=areas, **(values | kwargs))
    item = selection_item()
    SpecialEffort.objects.filter(pk=effort.pk).update(status=status, selection_decision=item)
    effort.refresh_from_db()
    return effort


def group(effort, number=1, **kwargs) -> WorkingGroup:
    values = {"name": f"Gruppe {number}", "theme": f"Tema {number}", "order": number}
    return WorkingGroup.objects.create(effort=effort, **(values | kwargs))


def member(group, name, *, show_name=False, status="accepted", user=None):
    return WorkingGroupMember.objects.create(
        group=group, name=name, show_name=show_name, status=status, user=user
    )


def _milestones(effort, count):
    start = danish("2026-05-01 17:00")
    for number in range(count):
        starts = start + datetime.timedelta(days=7 * number)
        Milestone.objects.create(
            effort=effort,
            title=f"Milepæl {number}",
            kind=MilestoneKind.WORKSHOP,
            starts_at=starts,
            ends_at=starts + datetime.timedelta(hours=2),
            agenda_item=effort.selection_decision if number == 0 else None,
        )


def _commitments(effort, count):
    forum = effort.areas.first().forum
    author = make_user(f"forum-{effort.pk}-{count}@example.org")
    for number in range(count):
        party = CommitmentParty.FORUM if number % 2 else CommitmentParty.MUNICIPALITY
        commitment = EffortCommitment.objects.create(
            effort=effort,
            party=party,
            forum=forum if party == CommitmentParty.FORUM else None,
            text=f"Løfte {number}",
            due_date=datetime.date(2026, 12, 1),
        )
        CommitmentComment.objects.create(
            commitment=commitment, forum=forum, author=author, text=f"Kommentar {number}"
        )


def fill(effort, *, groups=2, milestones=3, actions=3, members=2, lines=2, updates=2):
    """Children of every kind on the effort (direct rows: these tests read them)."""
    for number in range(groups):
        working_group = group(effort, number + 1)
        for index in range(members):
            member(working_group, f"Synlig {number}-{index}", show_name=True)
            member(working_group, f"Skjult {number}-{index}")
    _milestones(effort, milestones)
    for number in range(actions):
        EffortAction.objects.create(effort=effort, title=f"Handling {number}", progress=50)
    for number in range(lines):
        EffortBudgetLine.objects.create(
            effort=effort, source=f"Kilde {number}", year=2026, amount=Decimal("1000.50")
        )
    _commitments(effort, groups)
    author = make_user(f"leder-{effort.pk}-{updates}-{groups}@example.org")
    for number in range(updates):
        EffortUpdate.objects.create(effort=effort, author=author, text=f"Nyt {number}")
        EffortTransition.objects.create(
            effort=effort, from_status="selected", to_status="active", by=author
        )
    effort.agenda_items.add(effort.selection_decision)
