"""Following an area includes its hearings: the weekly mail tells of hearings that opened
in the last week and of høringsnotater published, under each followed area the hearing is
about (once per mail, however many of the follower's areas it covers)."""

from collections import defaultdict

from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from lokalfora.digest_sections import DigestLine, DigestSection, register_digest_section
from lokalfora.models import Hearing, HearingStatus


def hearing_lines(area_ids, window) -> dict[int, list[DigestLine]]:
    """Two queries: the hearings of the window, and their areas."""
    through = Hearing.areas.through
    opened = Q(opened_at__gt=window.since, opened_at__lte=window.now)
    noted = Q(note_published_at__gt=window.since, note_published_at__lte=window.now)
    hearings = {
        hearing.pk: hearing
        for hearing in Hearing.objects.public()
        .exclude(status=HearingStatus.WITHDRAWN)
        .filter(opened | noted, areas__in=area_ids)
        .distinct()
    }
    lines = defaultdict(list)
    rows = through.objects.filter(hearing_id__in=list(hearings), localarea_id__in=area_ids)
    for hearing_id, area_id in rows.values_list("hearing_id", "localarea_id").order_by(
        "hearing_id"
    ):
        hearing = hearings[hearing_id]
        if hearing.note_published_at and hearing.note_published_at > window.since:
            text = format_lazy(_("Høringsnotat: {title}"), title=hearing.title)
            url = reverse("lokalfora:hearing-note", kwargs={"pk": hearing.pk})
            at = hearing.note_published_at
        else:
            deadline = timezone.localtime(hearing.deadline).strftime("%d-%m-%Y %H:%M")
            text = format_lazy(
                _("Ny høring: {title}, frist {deadline}"), title=hearing.title, deadline=deadline
            )
            url = reverse("lokalfora:hearing-detail", kwargs={"pk": hearing.pk})
            at = hearing.opened_at
        line = DigestLine(text=text, url=url, once_key=f"hearing-{hearing.pk}", at=at)
        lines[area_id].append(line)
    return lines


register_digest_section(
    DigestSection(
        key="hearings",
        order=15,
        heading=_("Høringer"),
        lines=hearing_lines,
        queries=2,
        kind="wants_hearings",
    )
)
