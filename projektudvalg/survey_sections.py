"""The "Undersøgelser" section on each area's page (lokalfora.sections): the surveys aimed
at the area (or the whole municipality) open for answers now, and the newest published
results, at most 5 of each."""

from lokalfora.sections import AreaSection, register_area_section
from projektudvalg.selectors.survey_archive import for_area_page


def _context(area, user):
    """1 query; None (no section) when the area has neither."""
    found = for_area_page(area)
    return found | {"area": area} if found else None


register_area_section(
    AreaSection(
        key="surveys",
        order=45,
        template="projektudvalg/surveys/results/area_section.html",
        context=_context,
    )
)
