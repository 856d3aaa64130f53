"""Who follows which area: the directory, the one answer to "who is responsible here today",
and the staff's assignment overview."""

import datetime
from dataclasses import dataclass

from django.db.models import Prefetch, Q
from django.utils import timezone

from faelles_skabere.models import AreaAssignment, CoCreator, StandIn
from lokalfora.models import LocalArea


def directory():
    """Every fælles-skaber and the process consultant with their areas.

    Each gets `current_assignments` (the areas they follow now) and
    `processes` (the process consultant's processes, newest first).
    """
    current = AreaAssignment.objects.fixed_on().select_related("area").order_by("area__name")
    processes = (
        AreaAssignment.objects.processes()
        .select_related("area")
        .order_by("-started_on", "area__name")
    )
    return list(
        CoCreator.objects.prefetch_related(
            "expertise",
            Prefetch("assignments", queryset=current, to_attr="current_assignments"),
            Prefetch("assignments", queryset=processes, to_attr="processes"),
        )
    )


def current_co_creator(area, on=None):
    """The area's fixed fælles-skaber on the day (today by default), or None."""
    assignment = (
        AreaAssignment.objects.fixed_on(on).select_related("co_creator").filter(area=area).first()
    )
    return assignment.co_creator if assignment else None


@dataclass(frozen=True)
class Responsible:
    """Who handles an area's new requests on a day, and for whom they stand in (if anyone).

    Both count as the area's fælles-skaber that day (see `follows_area`): the stand-in
    handles new requests, the absent fixed fælles-skaber keeps their access."""

    co_creator: CoCreator
    covering_for: CoCreator | None = None

    @property
    def fixed(self) -> CoCreator:
        """The area's fixed fælles-skaber (the one away, while a stand-in covers)."""
        return self.covering_for or self.co_creator

    @property
    def people(self) -> list[CoCreator]:
        return [self.co_creator, *([self.covering_for] if self.covering_for else [])]


def stand_in_for(co_creator: CoCreator, on: datetime.date) -> CoCreator | None:
    entry = (
        StandIn.objects.select_related("stand_in")
        .filter(co_creator=co_creator, starts_on__lte=on, ends_on__gte=on)
        .first()
    )
    return entry.stand_in if entry else None


def responsible_for(area, on: datetime.date | None = None) -> Responsible | None:
    """The one answer to "who is this area's fælles-skaber on this date" (today by default):
    its fixed fælles-skaber, or their stand-in while one is set. None: nobody. A process
    (the process consultant's) never counts. Routing, the area page, the pool mails and,
    through `areas_followed_by`/`follows_area`, the inbox and the pool permissions ask here.
    `area` is a LocalArea or its id."""
    on = on or timezone.localdate()
    co_creator = current_co_creator(area, on)
    if co_creator is None:
        return None
    stand_in = stand_in_for(co_creator, on)
    if stand_in is not None:
        return Responsible(co_creator=stand_in, covering_for=co_creator)
    return Responsible(co_creator=co_creator)


def areas_followed_by(user, on: datetime.date | None = None):
    """The inverse of `responsible_for`, as a subquery of `area_id`s: the areas on the day
    whose fixed fælles-skaber is the user, or whose fixed fælles-skaber the user stands in
    for. Empty for everyone else, the process consultant's processes included."""
    if not getattr(user, "is_authenticated", False):
        return AreaAssignment.objects.none().values("area_id")
    on = on or timezone.localdate()
    covered = StandIn.objects.filter(
        stand_in__user=user, starts_on__lte=on, ends_on__gte=on
    ).values("co_creator")
    return (
        AreaAssignment.objects.fixed_on(on)
        .filter(Q(co_creator__user=user) | Q(co_creator__in=covered))
        .values("area_id")
    )


def follows_area(user, area_id, on: datetime.date | None = None) -> bool:
    """Whether `responsible_for` the area on the day names the user (stand-in or fixed)."""
    return area_id is not None and areas_followed_by(user, on).filter(area_id=area_id).exists()


def areas_with_co_creators():
    """All areas with their current fixed fælles-skaber (`current_assignment`), for staff."""
    current = AreaAssignment.objects.fixed_on().select_related("co_creator")
    return list(
        LocalArea.objects.prefetch_related(
            Prefetch("co_creator_assignments", queryset=current, to_attr="current_fixed")
        ).order_by("name")
    )


def assignment_overview(today: datetime.date):
    """Each area with its current fixed fælles-skaber, and the stand-ins running or coming."""
    areas = areas_with_co_creators()
    stand_ins = list(
        StandIn.objects.filter(ends_on__gte=today)
        .select_related("co_creator", "stand_in")
        .order_by("starts_on")
    )
    ended = list(
        AreaAssignment.objects.fixed()
        .filter(ended_on__isnull=False)
        .select_related("area", "co_creator")
        .order_by("-ended_on", "area__name")[:50]
    )
    return {"areas": areas, "stand_ins": stand_ins, "ended": ended}
