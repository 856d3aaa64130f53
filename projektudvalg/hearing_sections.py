"""The hearing page's "Behandlet i udvalget": the committee's agenda items that decide on
the hearing (linked on the item's form), registered with lokalfora's hearing page."""

from lokalfora.hearing_sections import HearingSection, register_hearing_section
from projektudvalg.selectors.hearing_links import items_deciding


def _context(hearing, user):
    """The public items linked to the hearing: 1 query."""
    items = items_deciding(hearing)
    return {"items": items} if items else None


register_hearing_section(
    HearingSection(
        key="committee_items",
        order=10,
        template="projektudvalg/committee/hearing_section.html",
        context=_context,
    )
)
