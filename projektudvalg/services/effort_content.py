"""A special effort's budget lines, commitments and actions (the project lead's and the
committee staff's writes).

Budget: kroner as Decimal, a plausible year, nothing negative, and never more spent
than the line's amount (refused: the line's amount is raised first, so the public page
never shows an overspent line without a decision behind it).
Commitments: a party always; the forum (of one of the effort's areas) when the party is
the forum, the group (of this effort) when it is a working group, a name when it is
another committee; a reason when it is changed or dropped.
Actions: progress 0-100 and an optional weight of at least 1; linked to granted pool
applications in the effort's areas and to a decision of the committee's own meetings.
"""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from projektudvalg.models import (
    Application,
    CommitmentParty,
    CommitmentStatus,
    EffortAction,
    EffortBudgetLine,
    EffortCommitment,
    SpecialEffort,
)
from projektudvalg.selectors import GRANTED_STATUSES

BUDGET_FIELDS = ("source", "year", "amount", "spent", "external")
COMMITMENT_FIELDS = (
    "party", "forum", "group", "party_name", "text", "due_date", "status", "status_reason",
    "evidence_url", "order",
)  # fmt: skip
ACTION_FIELDS = (
    "title", "description", "responsible", "status_label", "progress", "weight", "decision",
    "order",
)  # fmt: skip
MAX_BUDGET_LINES = 30


def _line_problems(line: dict) -> list[str]:
    source = line.get("source", "").strip() or _("linjen")
    problems = []
    year = line.get("year")
    if year is None or not 2000 <= year <= 2100:
        problems.append(_("%(source)s: skriv et år mellem 2000 og 2100.") % {"source": source})
    amount, spent = line.get("amount"), line.get("spent") or Decimal(0)
    if amount is None or amount < 0 or spent < 0:
        problems.append(_("%(source)s: beløbene kan ikke være negative.") % {"source": source})
    elif spent > amount:
        problems.append(
            _("%(source)s: der kan ikke være brugt mere, end linjen har. Ret beløbet først.")
            % {"source": source}
        )
    return problems


@transaction.atomic
def budget_lines_save(*, effort: SpecialEffort, lines: list[dict]) -> list[EffortBudgetLine]:
    """Replaces the effort's budget lines with `lines` (dicts of BUDGET_FIELDS), all or none."""
    effort = SpecialEffort.objects.select_for_update().get(pk=effort.pk)
    if len(lines) > MAX_BUDGET_LINES:
        raise ValidationError(
            _("Der kan højst være %(max)d budgetlinjer.") % {"max": MAX_BUDGET_LINES}
        )
    problems = []
    for line in lines:
        if not line.get("source", "").strip():
            problems.append(_("Skriv kilden for hver budgetlinje, fx Landdistriktspuljen."))
        problems += _line_problems(line)
    if problems:
        raise ValidationError(problems)
    effort.budget_lines.all().delete()
    rows = [
        EffortBudgetLine(effort=effort, **{name: line.get(name) for name in BUDGET_FIELDS})
        for line in lines
    ]
    for row in rows:
        row.spent = row.spent or Decimal(0)
        row.external = bool(row.external)
        row.full_clean()
        row.save()
    return rows


def _commitment_problems(effort: SpecialEffort, commitment: EffortCommitment) -> dict:
    problems = {}
    party = commitment.party
    if party not in CommitmentParty.values:
        problems["party"] = _("Vælg hvem forpligtelsen er for.")
    if party == CommitmentParty.FORUM:
        forums = set(effort.areas.values_list("forum__pk", flat=True))
        if commitment.forum_id not in forums:
            problems["forum"] = _("Vælg lokalforummet i et af indsatsens lokalområder.")
    if party == CommitmentParty.GROUP and (
        commitment.group_id is None or commitment.group.effort_id != effort.pk
    ):
        problems["group"] = _("Vælg en af indsatsens arbejdsgrupper.")
    if party == CommitmentParty.COMMITTEE and not commitment.party_name.strip():
        problems["party_name"] = _("Skriv udvalgets navn.")
    changed = commitment.status in (CommitmentStatus.CHANGED, CommitmentStatus.DROPPED)
    if changed and not commitment.status_reason.strip():
        problems["status_reason"] = _("Skriv hvorfor forpligtelsen er ændret eller opgivet.")
    if not commitment.text.strip():
        problems["text"] = _("Skriv, hvad parten forpligter sig til.")
    return problems


@transaction.atomic
def commitment_save(
    *, effort: SpecialEffort, data: dict, commitment: EffortCommitment | None = None
) -> EffortCommitment:
    """Creates or changes a commitment (`data`: COMMITMENT_FIELDS), its status too."""
    unknown = set(data) - set(COMMITMENT_FIELDS)
    if unknown:
        raise ValueError(f"not a commitment field: {sorted(unknown)}")
    if commitment is not None and commitment.effort_id != effort.pk:
        raise ValueError("the commitment is another effort's")
    commitment = commitment or EffortCommitment(effort=effort)
    for name, value in data.items():
        setattr(commitment, name, value)
    # Only the party's own link is kept: a municipality commitment names no forum.
    if commitment.party != CommitmentParty.FORUM:
        commitment.forum = None
    if commitment.party != CommitmentParty.GROUP:
        commitment.group = None
    problems = _commitment_problems(effort, commitment)
    if problems:
        raise ValidationError(problems)
    commitment.full_clean()
    commitment.save()
    return commitment


@transaction.atomic
def commitment_delete(*, commitment: EffortCommitment) -> None:
    commitment.delete()


def action_applications(effort: SpecialEffort):
    """The pool applications an action may link to: granted ones in the effort's areas."""
    return Application.objects.filter(
        area__in=effort.areas.all(), status__in=GRANTED_STATUSES
    ).order_by("-id")


def _action_problems(effort: SpecialEffort, action: EffortAction, applications) -> dict:
    problems = {}
    if action.progress is None or not 0 <= action.progress <= 100:
        problems["progress"] = _("Fremdriften skal være mellem 0 og 100 %.")
    if action.weight is not None and not 1 <= action.weight <= 100:
        problems["weight"] = _("Vægten skal være et helt tal fra 1 til 100, eller tom.")
    decision = action.decision
    if decision is not None and decision.meeting.committee_id != effort.committee_id:
        problems["decision"] = _("Vælg et punkt fra udvalgets egne møder.")
    allowed = set(action_applications(effort).values_list("pk", flat=True))
    if any(application.pk not in allowed for application in applications):
        problems["applications"] = _("Vælg bevilgede ansøgninger fra indsatsens lokalområder.")
    return problems


@transaction.atomic
def action_save(
    *, effort: SpecialEffort, data: dict, applications=None, action: EffortAction | None = None
) -> EffortAction:
    """Creates or changes an action (`data`: ACTION_FIELDS; `applications` when given)."""
    unknown = set(data) - set(ACTION_FIELDS)
    if unknown:
        raise ValueError(f"not an action field: {sorted(unknown)}")
    if action is not None and action.effort_id != effort.pk:
        raise ValueError("the action is another effort's")
    action = action or EffortAction(effort=effort)
    for name, value in data.items():
        setattr(action, name, value)
    linked = list(applications) if applications is not None else []
    problems = _action_problems(effort, action, linked)
    if problems:
        raise ValidationError(problems)
    action.full_clean()
    action.save()
    if applications is not None:
        action.applications.set(linked)
    return action


@transaction.atomic
def action_delete(*, action: EffortAction) -> None:
    action.delete()
