"""A special effort's milestones, and their copies in the areas' calendars.

Each milestone keeps one event per area of the effort (lokalfora's kept events, origin
"effort", linking to the effort's page), so it shows in each area's calendar and iCal
feed. Changing the milestone changes its events; changing the effort's areas adds and
deletes them; deleting the milestone deletes them. A proposed effort is the committee's
draft: its milestones have no events until it is selected (services.efforts.effort_transition
syncs them then), and lose them if it ever is no longer public.

The area calendars hold events from a year back to five years ahead (lokalfora's rule).
A milestone outside that window keeps the copies it has as they are, and gets no new
ones: an old effort's history stays in the calendar archive, nothing is refused.
"""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from lokalfora.models import EventKind, EventOrigin
from lokalfora.services.events import YEAR, kept_event_delete, kept_event_save
from projektudvalg.models import PUBLIC_STATUSES, EffortTemplate, Milestone, SpecialEffort

FIELDS = ("title", "kind", "starts_at", "ends_at", "place", "description", "agenda_item")


def _in_calendar_window(milestone: Milestone) -> bool:
    now = timezone.now()
    return now - YEAR < milestone.starts_at < now + 5 * YEAR


def _event_data(milestone: Milestone, area) -> dict:
    effort = milestone.effort
    intro = _("Milepæl i den særlige indsats »%(effort)s«.") % {"effort": effort.title}
    description = f"{intro}\n\n{milestone.description}".strip()
    return {
        "title": milestone.title,
        "kind": EventKind.EFFORT_MILESTONE,
        "starts_at": milestone.starts_at,
        "ends_at": milestone.ends_at,
        "place": milestone.place or area.name,
        "description": description,
        "organiser": effort.title[:150],
    }


def _forums(milestone: Milestone, areas: list) -> dict:
    """The calendars the milestone belongs in, by forum id: its effort's areas that have a
    forum, and none while the effort is proposed (the committee's draft is not public)."""
    if milestone.effort.status not in PUBLIC_STATUSES:
        return {}
    forums = {}
    for area in areas:
        forum = getattr(area, "forum", None)  # None: an area without a forum has no calendar
        if forum is not None:
            forums[forum.pk] = (forum, area)
    return forums


def _sync_events(milestone: Milestone, areas: list) -> None:
    """One kept event per area of the effort; none for an area it no longer has."""
    existing = {event.forum_id: event for event in milestone.events.all()}
    forums = _forums(milestone, areas)
    for forum_id, event in existing.items():
        if forum_id not in forums:
            milestone.events.remove(event)
            kept_event_delete(event=event)
    if not forums or not _in_calendar_window(milestone):
        return
    path = milestone.effort.get_absolute_url()
    for forum_id, (forum, area) in forums.items():
        event = kept_event_save(
            forum=forum,
            origin=EventOrigin.EFFORT,
            origin_path=path,
            data=_event_data(milestone, area),
            event=existing.get(forum_id),
        )
        if forum_id not in existing:
            milestone.events.add(event)


def _areas(effort: SpecialEffort) -> list:
    return list(effort.areas.select_related("forum"))


def _check(milestone: Milestone) -> None:
    problems = {}
    if milestone.starts_at and milestone.ends_at and milestone.ends_at <= milestone.starts_at:
        problems["ends_at"] = _("Milepælen skal slutte, efter den er begyndt.")
    item = milestone.agenda_item
    if item is not None and item.meeting.committee_id != milestone.effort.committee_id:
        problems["agenda_item"] = _("Vælg et punkt fra udvalgets egne møder.")
    if problems:
        raise ValidationError(problems)
    milestone.full_clean()


@transaction.atomic
def milestone_save(
    *, effort: SpecialEffort, data: dict, milestone: Milestone | None = None
) -> Milestone:
    """Creates or changes a milestone (`data`: FIELDS) and its events in the areas."""
    unknown = set(data) - set(FIELDS)
    if unknown:
        raise ValueError(f"not a milestone field: {sorted(unknown)}")
    if milestone is not None and milestone.effort_id != effort.pk:
        raise ValueError("the milestone is another effort's")
    milestone = milestone or Milestone(effort=effort)
    milestone.effort = effort
    for name, value in data.items():
        setattr(milestone, name, value)
    _check(milestone)
    milestone.save()
    _sync_events(milestone, _areas(effort))
    return milestone


@transaction.atomic
def milestone_delete(*, milestone: Milestone) -> None:
    for event in list(milestone.events.all()):
        kept_event_delete(event=event)
    milestone.delete()


@transaction.atomic
def milestones_sync(*, effort: SpecialEffort) -> None:
    """After the effort's areas, its address or its being public changed: every milestone's
    events."""
    areas = _areas(effort)
    for milestone in effort.milestones.prefetch_related("events"):
        milestone.effort = effort
        _sync_events(milestone, areas)


def _local_start(day: datetime.date) -> datetime.datetime:
    """A phase starts at 17:00 Danish time on its day (after work, as the cases' did)."""
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(17)))


@transaction.atomic
def milestones_from_template(
    *, effort: SpecialEffort, template: EffortTemplate, start: datetime.date
) -> list[Milestone]:
    """The drejebog's phases as the effort's milestones, `offset_days` after `start`."""
    created = []
    for phase in template.phases.all():
        starts_at = _local_start(start + datetime.timedelta(days=phase.offset_days))
        data = {
            "title": phase.title,
            "kind": phase.kind,
            "starts_at": starts_at,
            "ends_at": starts_at + datetime.timedelta(hours=phase.duration_hours),
            "description": phase.description,
        }
        created.append(milestone_save(effort=effort, data=data))
    return created
