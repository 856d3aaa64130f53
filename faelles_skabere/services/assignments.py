"""Writes and rules for who follows which area. Plain functions, keyword-only, atomic."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from faelles_skabere.models import (
    CONSULTANT_NOT_FIXED,
    AreaAssignment,
    AssignmentKind,
    CoCreator,
    CoCreatorKind,
    StandIn,
)
from lokalfora.models import LocalArea

YEAR = datetime.timedelta(days=365)


def _plausible(**days: datetime.date) -> None:
    """A handover or a stand-in lies within a year back and two years ahead: further off is a
    typing error (2062 for 2026), whichever door it comes through."""
    today = timezone.localdate()
    wrong = {
        field: _("Datoen skal ligge inden for et år tilbage og to år frem.")
        for field, day in days.items()
        if not today - YEAR <= day <= today + 2 * YEAR
    }
    if wrong:
        raise ValidationError(wrong, code="implausible_date")


@transaction.atomic
def assignment_create(
    *, area: LocalArea, co_creator: CoCreator, starts_on: datetime.date
) -> AreaAssignment:
    """Hands the area to another fixed fælles-skaber in one step.

    The current assignment ends the day before `starts_on` and the new one
    starts that day, so the area always has exactly one, and the history
    shows who covered it when. The area's row is locked while this happens.
    The process consultant is never made an area's fixed fælles-skaber.
    """
    if co_creator.kind == CoCreatorKind.PROCESS_CONSULTANT:
        raise ValidationError(CONSULTANT_NOT_FIXED, code="consultant_fixed")
    _plausible(starts_on=starts_on)
    LocalArea.objects.select_for_update().get(pk=area.pk)
    latest = _undo_planned_handover(area)
    if latest is not None:
        if latest.co_creator_id == co_creator.pk:
            raise ValidationError(
                _("%(name)s er allerede fast fælles-skaber for %(area)s.")
                % {"name": co_creator.display_name, "area": area.name},
                code="unchanged",
            )
        if starts_on <= latest.started_on:
            raise ValidationError(
                _("Skiftet skal ske efter %(date)s, hvor den nuværende fælles-skaber startede.")
                % {"date": latest.started_on.strftime("%d.%m.%Y")},
                code="too_early",
            )
        latest.ended_on = starts_on - datetime.timedelta(days=1)
        latest.save(update_fields=["ended_on"])
    return AreaAssignment.objects.create(
        area=area, co_creator=co_creator, kind=AssignmentKind.FIXED, started_on=starts_on
    )


def _undo_planned_handover(area) -> AreaAssignment | None:
    """The area's open assignment; a handover planned for a later day is undone first.

    So a handover set for the wrong date is corrected by simply setting it again.
    """
    fixed = AreaAssignment.objects.fixed().filter(area=area)
    latest = fixed.open().first()
    if latest is not None and latest.started_on > timezone.localdate():
        previous = fixed.filter(ended_on=latest.started_on - datetime.timedelta(days=1)).first()
        latest.delete()
        if previous is not None:
            previous.ended_on = None
            previous.save(update_fields=["ended_on"])
        latest = previous
    return latest


@transaction.atomic
def stand_in_create(
    *,
    co_creator: CoCreator,
    stand_in: CoCreator,
    starts_on: datetime.date,
    ends_on: datetime.date,
) -> StandIn:
    """Someone covers for a colleague for a period; periods for one person may not overlap."""
    _plausible(starts_on=starts_on, ends_on=ends_on)
    CoCreator.objects.select_for_update().get(pk=co_creator.pk)
    entry = StandIn(co_creator=co_creator, stand_in=stand_in, starts_on=starts_on, ends_on=ends_on)
    entry.full_clean()
    overlapping = StandIn.objects.filter(
        co_creator=co_creator, starts_on__lte=ends_on, ends_on__gte=starts_on
    )
    if overlapping.exists():
        raise ValidationError(
            _("%(name)s har allerede en stedfortræder i en del af perioden.")
            % {"name": co_creator.display_name},
            code="overlap",
        )
    entry.save()
    return entry
