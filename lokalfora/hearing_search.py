"""Hearings in the portal's full-text search (lokalfora/search.py): every public hearing,
matched on its stored vector (title, summary, case number, department; migration 0008),
which is NULL for a draft."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from lokalfora.models import Hearing
from lokalfora.search import register_searched_kind

ALL_AREAS = 18


def _area_name(hearing) -> str:
    names = [area.name for area in hearing.areas.all()]
    if len(names) >= ALL_AREAS:
        return str(_("Hele kommunen"))
    return ", ".join(names) or str(_("Hele kommunen"))


register_searched_kind(
    "hearing",
    Hearing,
    ("title", "summary", "case_number", "department"),
    "title",
    lambda: Hearing.objects.public(),
    _area_name,
    lambda hearing: reverse("lokalfora:hearing-detail", kwargs={"pk": hearing.pk}),
    _("Høring"),
    related_fn=lambda queryset: queryset.prefetch_related("areas"),
)
