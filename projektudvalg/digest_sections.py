"""The committee's and the special efforts' lines in the weekly follow mail
(lokalfora/digest_sections.py): what happened in an area someone follows.

- Decisions: the public decisions about the area (AgendaItem.areas) whose minutes were
  published in the window; never a closed item's, whose tie to an area is not public
  (it may be about one property). 1 query.
- Special efforts: new updates of a public effort (not a proposed one) covering the
  area, and its coming milestones. 3 queries. Each line appears once per mail, however
  many of the effort's areas the person follows. A follower's "udvalgets beslutninger"
  choice (wants_decisions) covers them: an effort is the committee's work in the area,
  decided and followed up by it; "kommunens nyheder" is the news items' own section.
"""

from collections import defaultdict

from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.text import Truncator, format_lazy
from django.utils.translation import gettext_lazy as _

from lokalfora.digest_sections import DigestLine, DigestSection, register_digest_section
from projektudvalg.models import (
    PUBLIC_STATUSES,
    AgendaItem,
    EffortUpdate,
    Milestone,
    SpecialEffort,
)
from projektudvalg.selectors.committee import public_decision

EFFORTS_PATH = "/saerlige-indsatser/"


def effort_url(effort) -> str:
    """The effort's page; its list's path until the effort pages are in (another branch)."""
    try:
        return reverse("projektudvalg:effort-detail", kwargs={"slug": effort.slug})
    except NoReverseMatch:
        return EFFORTS_PATH


def _decision_line(item) -> DigestLine:
    decision = public_decision(item)
    outcome = decision.outcome or Truncator(decision.text).words(20)
    text = format_lazy(
        _("{title}: {outcome} (beslutning i {body} den {day})"),
        title=item.title,
        outcome=outcome,
        body=decision.body,
        day=decision.date.strftime("%d-%m-%Y"),
    )
    return DigestLine(
        text=text,
        url=item.get_absolute_url(),
        once_key=f"decision-{item.pk}",
        at=item.meeting.minutes_published_at,
    )


def decision_lines(area_ids, window) -> dict[int, list[DigestLine]]:
    through = AgendaItem.areas.through
    rows = (
        through.objects.filter(
            localarea_id__in=area_ids,
            agendaitem__meeting__minutes_published_at__gt=window.since,
            agendaitem__meeting__minutes_published_at__lte=window.now,
            agendaitem__is_closed=False,
        )
        .select_related("agendaitem__meeting__committee")
        .defer("agendaitem__search_vector")
        .order_by("agendaitem__meeting__starts_at", "agendaitem__number")
    )
    lines = defaultdict(list)
    for row in rows:
        if row.agendaitem.decision_is_public:  # the status and "has a decision", in one place
            lines[row.localarea_id].append(_decision_line(row.agendaitem))
    return lines


def _efforts_by_area(area_ids) -> dict[int, list[int]]:
    through = SpecialEffort.areas.through
    areas_of = defaultdict(list)
    rows = through.objects.filter(
        localarea_id__in=area_ids, specialeffort__status__in=PUBLIC_STATUSES
    ).values_list("specialeffort_id", "localarea_id")
    for effort_id, area_id in rows:
        areas_of[effort_id].append(area_id)
    return areas_of


def _spread(lines_of_effort, areas_of) -> dict[int, list[DigestLine]]:
    lines = defaultdict(list)
    for effort_id, effort_lines in lines_of_effort.items():
        for area_id in areas_of[effort_id]:
            lines[area_id].extend(effort_lines)
    return lines


def effort_lines(area_ids, window) -> dict[int, list[DigestLine]]:
    areas_of = _efforts_by_area(area_ids)
    lines_of_effort = defaultdict(list)
    updates = EffortUpdate.objects.filter(
        effort_id__in=list(areas_of),
        effort__status__in=PUBLIC_STATUSES,
        created_at__gt=window.since,
        created_at__lte=window.now,
    ).select_related("effort")
    for update in updates.order_by("created_at", "id"):
        text = format_lazy(
            _("{effort}: {text}"),
            effort=update.effort.title,
            text=Truncator(update.text).words(30),
        )
        url = effort_url(update.effort)
        line = DigestLine(
            text=text, url=url, once_key=f"effort-update-{update.pk}", at=update.created_at
        )
        lines_of_effort[update.effort_id].append(line)
    milestones = Milestone.objects.filter(
        effort_id__in=list(areas_of),
        effort__status__in=PUBLIC_STATUSES,
        starts_at__gte=window.now,
        starts_at__lt=window.until,
    ).select_related("effort")
    for milestone in milestones.order_by("starts_at", "id"):
        when = timezone.localtime(milestone.starts_at).strftime("%d-%m-%Y %H:%M")
        text = format_lazy(
            _("{effort}: {title}, {when}"),
            effort=milestone.effort.title,
            title=milestone.title,
            when=when,
        )
        line = DigestLine(
            text=text, url=effort_url(milestone.effort), once_key=f"ms-{milestone.pk}"
        )
        lines_of_effort[milestone.effort_id].append(line)
    return _spread(lines_of_effort, areas_of)


register_digest_section(
    DigestSection(
        key="committee_decisions",
        order=10,
        heading=_("Udvalgets beslutninger"),
        lines=decision_lines,
        queries=1,
        kind="wants_decisions",
    )
)
register_digest_section(
    DigestSection(
        key="special_efforts",
        order=20,
        heading=_("Særlige indsatser"),
        lines=effort_lines,
        queries=3,
        kind="wants_decisions",
    )
)
