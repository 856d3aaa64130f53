from django.db.models import Prefetch

from faelles_skabere.models import AreaAssignment, CoCreator


def directory():
    """Every fælles-skaber and the process consultant with their current areas."""
    current = AreaAssignment.objects.current().select_related("area").order_by("area__name")
    return list(
        CoCreator.objects.prefetch_related(
            Prefetch("assignments", queryset=current, to_attr="current_assignments")
        )
    )


def current_co_creator(area):
    assignment = (
        AreaAssignment.objects.current().select_related("co_creator").filter(area=area).first()
    )
    return assignment.co_creator if assignment else None
