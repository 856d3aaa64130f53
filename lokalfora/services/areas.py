"""Writes for the local areas themselves (the admin; the 18 areas come from lokalfora.reference)."""

from django.db import transaction

from lokalfora.models import Forum, LocalArea


@transaction.atomic
def area_save(*, data: dict, area: LocalArea | None = None) -> LocalArea:
    """Creates or changes an area. A new area gets its forum, as the reference data's do:
    every area has one."""
    area = area or LocalArea()
    adding = area._state.adding
    for field, value in data.items():
        setattr(area, field, value)
    area.full_clean()
    area.save()
    if adding:
        Forum.objects.get_or_create(area=area, defaults={"name": f"Lokalforum {area.name}"})
    return area


@transaction.atomic
def area_delete(*, area: LocalArea) -> None:
    """Deletes the area with its forum, contacts, news and events (the database cascades)."""
    area.delete()
