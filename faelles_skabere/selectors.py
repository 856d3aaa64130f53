from django.db.models import Prefetch

from faelles_skabere.models import AreaAssignment, CoCreator


def directory():
    """Every fælles-skaber and the process consultant with their areas.

    Each gets `current_assignments` (the areas they follow now) and
    `processes` (the process consultant's processes, newest first).
    """
    current = AreaAssignment.objects.fixed().current().select_related("area").order_by("area__name")
    processes = (
        AreaAssignment.objects.processes()
        .select_related("area")
        .order_by("-started_on", "area__name")
    )
    return list(
        CoCreator.objects.prefetch_related(
            Prefetch("assignments", queryset=current, to_attr="current_assignments"),
            Prefetch("assignments", queryset=processes, to_attr="processes"),
        )
    )


def current_co_creator(area):
    """The area's fixed fælles-skaber today, or None."""
    assignment = (
        AreaAssignment.objects.fixed()
        .current()
        .select_related("co_creator")
        .filter(area=area)
        .first()
    )
    return assignment.co_creator if assignment else None
