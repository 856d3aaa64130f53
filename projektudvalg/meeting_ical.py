"""The committee's iCal feed: its meetings, written by lokalfora's iCal writer.

A meeting is handed to `lokalfora.ical.calendar_for` as a `MeetingEntry`, which has the
attributes that writer reads of an event. A cancelled meeting stays in the feed with
STATUS:CANCELLED, so calendars that subscribed drop it. Nothing of the agenda goes in:
the description is the place and, for a cancelled meeting, the reason.

The window is the area feeds' (lokalfora.selectors.events.feed_window), and the ETag is
computed from the meetings in it, so a conditional GET costs one query.
"""

import datetime
import hashlib
from dataclasses import dataclass

from django.db.models import Count, Max, Sum
from django.utils import translation
from django.utils.translation import gettext as _

from lokalfora.selectors.events import feed_window, midnight
from lokalfora.selectors.feeds import FeedVersion
from projektudvalg.models import Meeting

DEFAULT_LENGTH = datetime.timedelta(hours=2)


@dataclass(frozen=True)
class MeetingEntry:
    pk: int
    uid: str
    created_at: datetime.datetime
    updated_at: datetime.datetime
    starts_at: datetime.datetime
    ends_at: datetime.datetime
    title: str
    place: str
    address: str
    description: str
    signup_url: str
    kind: str
    cancelled: bool
    url: str

    def get_absolute_url(self) -> str:
        return self.url

    def get_kind_display(self) -> str:
        return _("Udvalgsmøde")


def _description(meeting: Meeting) -> str:
    lines = []
    if meeting.is_cancelled:
        lines.append(_("Mødet er aflyst: %(reason)s") % {"reason": meeting.cancel_reason})
    if meeting.online:
        lines.append(_("Mødet holdes online."))
    if meeting.area_id:
        lines.append(_("Mødet holdes i %(area)s.") % {"area": meeting.area.name})
    return "\n".join(lines)


def meeting_entry(meeting: Meeting) -> MeetingEntry:
    committee = meeting.committee.short_name or meeting.committee.name
    return MeetingEntry(
        pk=meeting.pk,
        uid=meeting.uid,
        created_at=meeting.created_at,
        updated_at=meeting.updated_at,
        starts_at=meeting.starts_at,
        ends_at=meeting.ends_at or meeting.starts_at + DEFAULT_LENGTH,
        title=f"{meeting.title} ({committee})" if committee not in meeting.title else meeting.title,
        place=meeting.place,
        address="",
        description=_description(meeting),
        signup_url="",
        kind="committee_meeting",
        cancelled=meeting.is_cancelled,
        url=meeting.get_absolute_url(),
    )


def feed_meetings():
    """Every committee's meetings starting in the feed's window, cancelled ones too."""
    first, last = feed_window()
    return (
        Meeting.objects.filter(
            starts_at__gte=midnight(first),
            starts_at__lt=midnight(last + datetime.timedelta(days=1)),
        )
        .select_related("committee", "area")
        .order_by("starts_at", "id")
    )


def feed_version(_area=None) -> FeedVersion:
    """The feed's ETag: its window, which meetings are in it and their last save. No
    Last-Modified: a deleted meeting leaves no trace to date it by, the ETag changes."""
    first, last = feed_window()
    window = (
        feed_meetings()
        .select_related(None)
        .order_by()
        .aggregate(
            count=Count("id"),
            ids=Sum("id"),
            newest=Max("updated_at"),
            renamed=Max("committee__updated_at"),
        )
    )
    text = "|".join(
        str(part) for part in (translation.get_language(), "udvalg", first, last, *window.values())
    )
    return FeedVersion(etag=hashlib.sha256(text.encode()).hexdigest()[:32], last_modified=None)
