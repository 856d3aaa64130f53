from lokalfora.sections import AreaSection, register_area_section
from projektudvalg.selectors import granted_projects
from projektudvalg.selectors.decisions import latest_decisions_about


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


# The committee's decisions about the area (committee-public).
def _decisions_context(area, user):
    """The newest public decisions tagged with the area: 2 queries."""
    decisions = latest_decisions_about(area)
    return {"decisions": decisions, "area": area} if decisions else None


register_area_section(
    AreaSection(
        key="committee_decisions",
        order=40,
        template="projektudvalg/committee/area_section.html",
        context=_decisions_context,
    )
)
