from faelles_skabere.selectors.assignments import responsible_for
from lokalfora.sections import AreaSection, register_area_section


def _context(area, user):
    responsible = responsible_for(area)
    return {
        "co_creator": responsible.fixed if responsible else None,
        "stand_in": responsible.co_creator if responsible and responsible.covering_for else None,
        "area": area,
    }


register_area_section(
    AreaSection(
        key="co_creator", order=10, template="faelles_skabere/area_section.html", context=_context
    )
)
