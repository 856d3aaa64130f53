from django.utils import timezone

from faelles_skabere.selectors import current_co_creator, stand_in_for
from lokalfora.sections import AreaSection, register_area_section


def _context(area, user):
    co_creator = current_co_creator(area)
    stand_in = stand_in_for(co_creator, timezone.localdate()) if co_creator else None
    return {"co_creator": co_creator, "stand_in": stand_in, "area": area}


register_area_section(
    AreaSection(
        key="co_creator", order=10, template="faelles_skabere/area_section.html", context=_context
    )
)
