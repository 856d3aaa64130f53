"""The area page's section "Høringer og høringssvar": the newest five public hearings about
the area or addressed to its forum (one query), with a link to them all."""

from django.utils import timezone

from lokalfora.models import InvitationStatus
from lokalfora.sections import AreaSection, register_area_section
from lokalfora.selectors.hearings import hearings_for_area

NEWEST = 5


def area_hearing_rows(hearings, now=None) -> list:
    """Each hearing with its forum's invitation status in words and whether the forum's
    answer is public now (the hearing's own rule)."""
    now = now or timezone.now()

    rows = list(hearings)
    for hearing in rows:
        hearing.forum_status_label = (
            InvitationStatus(hearing.forum_status).label if hearing.forum_status else ""
        )
        hearing.forum_answer_public = bool(hearing.forum_answer) and hearing.answers_are_public(now)
    return rows


def _context(area, user):
    hearings = area_hearing_rows(hearings_for_area(area)[:NEWEST])
    return {"hearings": hearings, "area": area} if hearings else None


register_area_section(
    AreaSection(
        key="hearings",
        order=50,
        template="lokalfora/hearings/public/area_section.html",
        context=_context,
    )
)
