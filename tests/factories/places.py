"""The reference data's places: areas and forums are loaded, never built (`reference_data`)."""

from lokalfora.models import Forum, LocalArea

DEFAULT_AREA = "tollose"


def default_area() -> LocalArea:
    return LocalArea.objects.get(slug=DEFAULT_AREA)


def default_forum() -> Forum:
    return Forum.objects.get(area__slug=DEFAULT_AREA)
