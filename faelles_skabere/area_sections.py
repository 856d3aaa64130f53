from faelles_skabere.selectors import current_co_creator
from lokalfora.sections import AreaSection, register_area_section


def _context(area, user):
    return {"co_creator": current_co_creator(area), "area": area}


register_area_section(
    AreaSection(
        key="co_creator", order=10, template="faelles_skabere/area_section.html", context=_context
    )
)
