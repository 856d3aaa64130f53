"""The "Særlig indsats" section on each affected area's page (lokalfora.sections)."""

from lokalfora.sections import AreaSection, register_area_section
from projektudvalg.selectors.efforts import efforts_for_area


def _context(area, user):
    """The area's running public efforts (at most 5), with their areas and progress:
    3 queries."""
    efforts = efforts_for_area(area)
    return {"efforts": efforts, "area": area} if efforts else None


register_area_section(
    AreaSection(
        key="special_efforts",
        order=25,
        template="projektudvalg/efforts/area_section.html",
        context=_context,
    )
)
