"""A special effort itself: creating it (from a drejebog or not), changing it, and moving
its status through the one table in projektudvalg.effort_workflow.

The committee's setting says how many areas an effort covers (default 2-4, "vælger 2-4
lokalområder"); an effort outside it is refused. Leaving foreslået needs the committee
decision (an agenda item of the committee's own meetings) that selected the effort.
"""

import datetime

from django.core.exceptions import ValidationError
from django.core.validators import validate_slug
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from holbaek.pagecache import content_changed
from projektudvalg import effort_workflow
from projektudvalg.models import (
    PUBLIC_STATUSES,
    AgendaItem,
    Committee,
    EffortStatus,
    EffortTemplate,
    EffortTransition,
    SpecialEffort,
)
from projektudvalg.selectors.efforts_staff import paused_from
from projektudvalg.services.effort_milestones import milestones_from_template, milestones_sync

# The words the effort pages use themselves under /saerlige-indsatser/.
RESERVED_SLUGS = frozenset({"ny", "styring", "grupper", "forpligtelser", "opdateringer"})

# What effort_update may change (status only through effort_transition).
EDITABLE = (
    "title", "slug", "tagline", "summary", "summary_easy", "selection_basis", "period_start",
    "period_end", "lead_role", "lead_mailbox", "process_role", "process_mailbox",
    "partner_committees", "internal_notes",
)  # fmt: skip


def area_bounds_message(committee: Committee) -> str:
    low, high = committee.effort_min_areas, committee.effort_max_areas
    if low == high:
        return ngettext(
            "En særlig indsats skal omfatte %(count)d lokalområde",
            "En særlig indsats skal omfatte %(count)d lokalområder",
            low,
        ) % {"count": low}
    return _("En særlig indsats skal omfatte mellem %(min)d og %(max)d lokalområder") % {
        "min": low,
        "max": high,
    }


def _check_areas(committee: Committee, areas) -> list:
    areas = list(areas or ())
    if not areas:
        message = _("Vælg indsatsens lokalområder. %(bounds)s.")
        raise ValidationError({"areas": message % {"bounds": area_bounds_message(committee)}})
    if not committee.effort_min_areas <= len(areas) <= committee.effort_max_areas:
        raise ValidationError({"areas": area_bounds_message(committee)})
    return areas


def _check_slug(slug: str, effort: SpecialEffort | None = None) -> None:
    try:
        validate_slug(slug)
    except ValidationError:
        raise ValidationError(
            {"slug": _("Brug kun små bogstaver, tal og bindestreger i det korte navn.")}
        ) from None
    if slug in RESERVED_SLUGS:
        raise ValidationError(
            {"slug": _("»%(slug)s« bruger siderne selv. Vælg et andet kort navn.") % {"slug": slug}}
        )
    taken = SpecialEffort.objects.filter(slug=slug)
    if effort is not None:
        taken = taken.exclude(pk=effort.pk)
    if taken.exists():
        raise ValidationError({"slug": _("Der findes allerede en indsats med det korte navn.")})


def _save(effort: SpecialEffort) -> None:
    effort.full_clean(exclude=["areas", "leads"], validate_unique=False)
    effort.save()


@transaction.atomic
def effort_create(
    *,
    committee: Committee,
    title: str,
    slug: str,
    tagline: str,
    summary: str,
    areas,
    template: EffortTemplate | None = None,
    start: datetime.date | None = None,
    leads=(),
    **fields,
) -> SpecialEffort:
    """A new proposed effort. From a drejebog, its phases become milestones counted from
    `start` (the period's start when not given), in each area's calendar once it is
    selected (a proposed effort is not public); the
    drejebog's toolbox documents stay the drejebog's and show on the effort's page."""
    areas = _check_areas(committee, areas)
    _check_slug(slug)
    unknown = set(fields) - set(EDITABLE)
    if unknown:
        raise ValueError(f"not an effort field: {sorted(unknown)}")
    if template is not None and start is None:
        start = fields.get("period_start")
        if start is None:
            raise ValidationError({"start": _("Vælg datoen, drejebogen regner fra.")})
    effort = SpecialEffort(
        committee=committee, title=title, slug=slug, tagline=tagline, summary=summary, **fields
    )
    if template is not None and effort.period_start is None:
        effort.period_start = start
    _save(effort)
    effort.areas.set(areas)
    content_changed("efforts", areas=areas)  # the save's own signal saw no areas yet
    effort.leads.set(leads)
    if template is not None:
        milestones_from_template(effort=effort, template=template, start=start)
    return effort


@transaction.atomic
def effort_update(*, effort: SpecialEffort, data: dict, areas=None, leads=None) -> SpecialEffort:
    """Changes the effort's text, period and roles (`data`: fields of EDITABLE); `areas`
    and `leads` when given. New or removed areas move the milestones' calendar copies."""
    effort = SpecialEffort.objects.select_for_update().select_related("committee").get(pk=effort.pk)
    unknown = set(data) - set(EDITABLE)
    if unknown:
        raise ValueError(f"not an effort field: {sorted(unknown)}")
    if "slug" in data:
        _check_slug(data["slug"], effort)
    old_path = effort.get_absolute_url()
    for name, value in data.items():
        setattr(effort, name, value)
    _save(effort)
    if leads is not None:
        effort.leads.set(leads)
    if areas is not None:
        before = list(effort.areas.all())
        effort.areas.set(_check_areas(effort.committee, areas))
        # Saving the effort told the page cache; a many-to-many change does not.
        content_changed("efforts", areas=before + list(areas))
    if areas is not None or effort.get_absolute_url() != old_path:
        milestones_sync(effort=effort)
    return effort


def _check_decision(effort: SpecialEffort, decision: AgendaItem | None) -> None:
    if decision is not None and decision.meeting.committee_id != effort.committee_id:
        raise ValidationError(
            {"decision": _("Beslutningen skal være et punkt fra udvalgets egne møder.")}
        )


@transaction.atomic
def effort_transition(
    *, effort: SpecialEffort, to_status: str, by, decision: AgendaItem | None = None, note=""
) -> SpecialEffort:
    """Moves the effort to `to_status` if the table allows it, under the effort's lock, and
    logs who, when, from, to and the decision. Leaving foreslået sets `decision` as the
    selection decision (one is needed); afsluttet sets the actual end to today. Becoming
    public (leaving foreslået) puts the milestones in the areas' calendars."""
    effort = SpecialEffort.objects.select_for_update().get(pk=effort.pk)
    from_status = effort.status
    if not effort_workflow.allowed(from_status, to_status, paused_from=paused_from(effort)):
        raise ValidationError(
            {
                "to_status": _("En indsats kan ikke gå fra »%(from)s« til »%(to)s«.")
                % {"from": EffortStatus(from_status).label, "to": _label(to_status)}
            }
        )
    _check_decision(effort, decision)
    if from_status == EffortStatus.PROPOSED:
        effort.selection_decision = decision or effort.selection_decision
        if effort.selection_decision is None:
            raise ValidationError(
                {"decision": _("Vælg udvalgets beslutning om at udvælge indsatsen.")}
            )
    effort.status = to_status
    if to_status == EffortStatus.FINISHED:
        effort.actual_end = max(timezone.localdate(), effort.period_start or datetime.date.min)
    _save(effort)
    EffortTransition.objects.create(
        effort=effort, from_status=from_status, to_status=to_status, by=by,
        decision=decision, note=note,
    )  # fmt: skip
    if (from_status in PUBLIC_STATUSES) != (to_status in PUBLIC_STATUSES):
        milestones_sync(effort=effort)  # its milestones come into (or leave) the calendars
    return effort


def _label(status: str) -> str:
    try:
        return str(EffortStatus(status).label)
    except ValueError:
        return status
