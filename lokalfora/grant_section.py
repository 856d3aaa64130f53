"""The area page's grant section: this year's amount, approved or as a labelled draft."""

from django.utils import timezone

from lokalfora.permissions import can_see_follow_up
from lokalfora.sections import AreaSection, register_area_section
from lokalfora.selectors.grants import area_grant


def _context(area, user):
    grant = area_grant(area, timezone.localdate().year, user=user)
    if grant is not None and getattr(user, "is_authenticated", False):
        # Editors of the forum and staff get a link to agreement, payment and accounts.
        grant["can_follow_up"] = can_see_follow_up(user, getattr(area, "forum", None))
    return grant


register_area_section(
    AreaSection(
        key="grant", order=20, template="lokalfora/grants/area_section.html", context=_context
    )
)
