"""The reads of the special efforts' staff and project-lead pages."""

from dataclasses import dataclass

from django.db.models import BooleanField, Count, ExpressionWrapper, Prefetch, Q, Value
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from lokalfora.models import LocalArea
from projektudvalg import effort_workflow
from projektudvalg.models import (
    ACTIVE_STATUSES,
    TEXT_IS_PUBLIC,
    AgendaItem,
    Committee,
    EffortStatus,
    EffortTemplate,
    EffortTransition,
    SpecialEffort,
)


@dataclass(frozen=True)
class Overview:
    committee: Committee | None
    efforts: list
    templates: list
    warnings: list[str]


def _bounds_text(committee: Committee) -> str:
    low, high = committee.effort_min_areas, committee.effort_max_areas
    if low == high:
        return _("%(count)d") % {"count": low}
    return _("%(min)d-%(max)d") % {"min": low, "max": high}


def _warnings(committee: Committee | None, efforts: list) -> list[str]:
    """The active efforts compared with the committee's bounds: in all, and one by one."""
    if committee is None:
        return [_("Der er intet udvalg endnu. Opret udvalget i administrationen først.")]
    low, high = committee.effort_min_areas, committee.effort_max_areas
    active = [e for e in efforts if e.status in ACTIVE_STATUSES and e.committee_id == committee.pk]
    covered = {area.pk for effort in active for area in effort.areas.all()}
    found = []
    if not low <= len(covered) <= high:
        found.append(
            _(
                "De igangværende indsatser omfatter %(count)d lokalområder. Udvalget har sat "
                "rammen til %(bounds)s lokalområder."
            )
            % {"count": len(covered), "bounds": _bounds_text(committee)}
        )
    for effort in active:
        count = len(effort.areas.all())
        if not low <= count <= high:
            found.append(
                _("»%(title)s« omfatter %(count)d lokalområder, uden for rammen %(bounds)s.")
                % {"title": effort.title, "count": count, "bounds": _bounds_text(committee)}
            )
    return found


def effort_overview() -> Overview:
    """Every effort with its status and areas, the drejebøger, and the bounds' warnings."""
    committee = Committee.objects.current()
    efforts = list(
        SpecialEffort.objects.select_related("committee").prefetch_related(
            Prefetch("areas", queryset=LocalArea.objects.order_by("name"))
        )
    )
    templates = list(EffortTemplate.objects.annotate(phase_count=Count("phases")))
    return Overview(committee, efforts, templates, _warnings(committee, efforts))


def staff_effort(slug: str) -> SpecialEffort:
    """The effort of a staff or lead page, or 404."""
    return get_object_or_404(
        SpecialEffort.objects.select_related("committee", "selection_decision__meeting"),
        slug=slug,
    )


def decision_choices(effort: SpecialEffort, *, internal: bool, keep: int | None = None):
    """The agenda items a status change, a milestone or an action may point to: those of
    the committee's own meetings, newest first. Committee staff (`internal`) get them all;
    a project lead only those whose text is public (AgendaItem.text_is_public), and the
    row's own item (`keep`), which keeps its link but not its title (decision_label).
    Each item has `title_shown`: whether its title may be shown to the user."""
    items = AgendaItem.objects.filter(meeting__committee_id=effort.committee_id)
    if internal:
        items = items.annotate(title_shown=Value(True))
    else:
        items = items.filter((TEXT_IS_PUBLIC | Q(pk=keep)) if keep else TEXT_IS_PUBLIC)
        items = items.annotate(title_shown=ExpressionWrapper(TEXT_IS_PUBLIC, BooleanField()))
    return items.select_related("meeting").order_by("-meeting__starts_at", "number", "id")


def paused_from(effort: SpecialEffort) -> str | None:
    """The status a paused effort was paused from (its last move into the pause)."""
    if effort.status != EffortStatus.PAUSED:
        return None
    last = (
        EffortTransition.objects.filter(effort=effort, to_status=EffortStatus.PAUSED)
        .order_by("-at", "-id")
        .first()
    )
    return last.from_status if last else None


def status_choices(effort: SpecialEffort) -> list[tuple[str, str]]:
    """The statuses the effort may move to now (the one table)."""
    paused = paused_from(effort)
    return [
        (status, EffortStatus(status).label)
        for status in effort_workflow.targets(effort.status, paused_from=paused)
    ]


def transitions(effort: SpecialEffort) -> list:
    return list(effort.transitions.select_related("by", "decision__meeting").order_by("-at", "-id"))
