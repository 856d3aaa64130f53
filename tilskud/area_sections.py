from django.utils import timezone

from lokalfora.sections import AreaSection, register_area_section
from tilskud.selectors import area_grant


def _context(area, user):
    return area_grant(area, timezone.localdate().year)


register_area_section(
    AreaSection(key="grant", order=20, template="tilskud/area_section.html", context=_context)
)
