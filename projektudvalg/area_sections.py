from lokalfora.sections import AreaSection, register_area_section
from projektudvalg.selectors import granted_projects


def _context(area, user):
    """The area's granted pool projects (newest 10): 2 queries."""
    projects = list(granted_projects(area=area)[:10])
    return {"projects": projects, "area": area} if projects else None


register_area_section(
    AreaSection(
        key="granted_projects",
        order=30,
        template="projektudvalg/area_section.html",
        context=_context,
    )
)
