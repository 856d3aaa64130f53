"""Committee staff run a meeting: create and change it, and move it along its statuses.

The statuses, as one table (`TRANSITIONS`): planlagt → dagsorden offentliggjort →
afholdt → referat offentliggjort; planlagt or dagsorden offentliggjort → aflyst (with a
reason); aflyst → planlagt (reopened). Anything else is refused in Danish.

A meeting held in an area keeps one event in that area's forum calendar
(lokalfora.services.events.kept_event_save): moved, renamed, cancelled with the meeting,
deleted when the meeting leaves the area.
"""

import datetime
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from lokalfora.models import EventKind, EventOrigin
from lokalfora.services.events import kept_event_delete, kept_event_save
from projektudvalg.models import CaseType, Committee, Meeting, MeetingStatus

MEETING_FIELDS = (
    "title", "starts_at", "ends_at", "place", "area", "online", "official_url",
    "not_in_official_system", "minutes_summary",
)  # fmt: skip
EVENT_LENGTH = datetime.timedelta(hours=2)

M = MeetingStatus


@dataclass(frozen=True)
class Step:
    sources: frozenset[str]
    target: str
    label: object  # lazy Danish verb phrase: "få dagsordenen offentliggjort"


TRANSITIONS: dict[str, Step] = {
    "publish_agenda": Step(
        frozenset({M.PLANNED}), M.AGENDA_PUBLISHED, gettext_lazy("få dagsordenen offentliggjort")
    ),
    "mark_held": Step(
        frozenset({M.AGENDA_PUBLISHED}), M.HELD, gettext_lazy("markeres som afholdt")
    ),
    "publish_minutes": Step(
        frozenset({M.HELD}), M.MINUTES_PUBLISHED, gettext_lazy("få referatet offentliggjort")
    ),
    "cancel": Step(
        frozenset({M.PLANNED, M.AGENDA_PUBLISHED}), M.CANCELLED, gettext_lazy("aflyses")
    ),
    "reopen": Step(frozenset({M.CANCELLED}), M.PLANNED, gettext_lazy("genåbnes")),
}


def actions_from(status: str) -> list[str]:
    return [action for action, step in TRANSITIONS.items() if status in step.sources]


def _check(meeting: Meeting) -> None:
    problems = {}
    if meeting.starts_at and meeting.ends_at and meeting.ends_at <= meeting.starts_at:
        problems["ends_at"] = _("Mødet skal slutte, efter det er begyndt.")
    if not meeting.place and not meeting.online:
        problems["place"] = _("Skriv hvor mødet holdes, eller markér det som et online møde.")
    if meeting.official_url and meeting.not_in_official_system:
        problems["not_in_official_system"] = _(
            "Et møde med et link til kommunens mødesystem er i mødesystemet: fjern enten "
            "linket eller markeringen."
        )
    elif not meeting.official_url and not meeting.not_in_official_system:
        problems["official_url"] = _(
            "Skriv linket til mødet i kommunens mødesystem, eller markér at mødet ikke er der."
        )
    if problems:
        raise ValidationError(problems)


def _event_data(meeting: Meeting) -> dict:
    committee = meeting.committee
    where = meeting.place or _("Online")
    return {
        "title": f"{committee.short_name or committee.name}: {meeting.title}"[:150],
        "kind": EventKind.COMMITTEE_MEETING,
        "starts_at": meeting.starts_at,
        "ends_at": meeting.ends_at or meeting.starts_at + EVENT_LENGTH,
        "place": where[:150],
        "organiser": committee.name[:150],
        "description": _("%(committee)s holder møde i %(area)s. Møderne er offentlige.")
        % {"committee": committee.name, "area": meeting.area.name},
        "cancelled": meeting.is_cancelled,
    }


def _keep_event(meeting: Meeting) -> None:
    """The area calendar's copy: created, updated or deleted to match the meeting."""
    event = meeting.event
    forum = getattr(meeting.area, "forum", None)  # an area without a forum has no calendar
    if forum is None:
        if event is not None:
            meeting.event = None
            meeting.save(update_fields=["event"])
            kept_event_delete(event=event)
        return
    try:
        saved = kept_event_save(
            forum=forum, origin=EventOrigin.COMMITTEE,
            origin_path=meeting.get_absolute_url(), data=_event_data(meeting), event=event,
        )  # fmt: skip
    except ValidationError as refusal:
        raise ValidationError(
            {
                "starts_at": _(
                    "Et møde i et lokalområde kommer i områdets kalender, så det skal "
                    "ligge inden for et år tilbage og fem år frem."
                )
            }
        ) from refusal
    if meeting.event_id != saved.pk:
        meeting.event = saved
        meeting.save(update_fields=["event"])


def _save(meeting: Meeting, data: dict, absent_members) -> Meeting:
    for name, value in data.items():
        if name not in MEETING_FIELDS:
            raise ValueError(f"unknown field {name}")
        setattr(meeting, name, value.strip() if isinstance(value, str) else value)
    if not meeting.title:
        meeting.title = _("Udvalgsmøde")
    _check(meeting)
    meeting.full_clean(exclude=["event"])
    meeting.save()
    if absent_members is not None:
        members = list(absent_members)
        if any(member.committee_id != meeting.committee_id for member in members):
            raise ValidationError(
                {"absent_members": _("Kun udvalgets medlemmer kan være fraværende.")}
            )
        meeting.absent_members.set(members)
    _keep_event(meeting)
    return meeting


@transaction.atomic
def meeting_create(
    *, data: dict, committee: Committee | None = None, absent_members=None
) -> Meeting:
    """A planned meeting of `committee` (the committee now sitting by default)."""
    committee = committee or Committee.objects.current()
    if committee is None:
        raise ValidationError(_("Opret udvalget, før der kan oprettes møder."))
    return _save(Meeting(committee=committee), data, absent_members)


@transaction.atomic
def meeting_update(*, meeting: Meeting, data: dict, absent_members=None) -> Meeting:
    meeting = (
        Meeting.objects.select_for_update(of=("self",))
        .select_related("committee", "event")
        .get(pk=meeting.pk)
    )
    return _save(meeting, data, absent_members)


def _locked(meeting: Meeting, action: str) -> Meeting:
    step = TRANSITIONS[action]
    locked = (
        Meeting.objects.select_for_update(of=("self",))
        .select_related("committee", "area", "event")
        .get(pk=meeting.pk)
    )
    if locked.status not in step.sources:
        raise ValidationError(
            _("Et møde, der er »%(status)s«, kan ikke %(action)s.")
            % {"status": locked.get_status_display(), "action": step.label},
            code="transition",
        )
    return locked


def _move(meeting: Meeting, action: str, **fields) -> Meeting:
    meeting.status = TRANSITIONS[action].target
    for name, value in fields.items():
        setattr(meeting, name, value)
    meeting.save(update_fields=["status", *fields, "updated_at"])
    if meeting.area_id is not None:
        _keep_event(meeting)
    return meeting


@transaction.atomic
def meeting_publish_agenda(*, meeting: Meeting) -> Meeting:
    meeting = _locked(meeting, "publish_agenda")
    if not meeting.items.exists():
        raise ValidationError(_("Dagsordenen har ingen punkter endnu."))
    return _move(meeting, "publish_agenda", agenda_published_at=timezone.now())


@transaction.atomic
def meeting_mark_held(*, meeting: Meeting) -> Meeting:
    meeting = _locked(meeting, "mark_held")
    if meeting.starts_at > timezone.now():
        raise ValidationError(_("Mødet kan først markeres som afholdt, når det er begyndt."))
    return _move(meeting, "mark_held")


def undecided_numbers(meeting: Meeting) -> list[int]:
    """The numbers of the decision items (Beslutningssager) without a decision. A pool item
    is decided when it has a decision of its own or every application on it has one."""
    missing = []
    items = meeting.items.filter(case_type=CaseType.DECISION).prefetch_related(
        "pool_lines", "decisions"
    )
    for item in items.order_by("number"):
        if item.has_decision:
            continue
        lines = {line.application_id for line in item.pool_lines.all()}
        decided = {decision.application_id for decision in item.decisions.all()}
        if not lines or not lines <= decided:
            missing.append(item.number)
    return missing


@transaction.atomic
def meeting_publish_minutes(*, meeting: Meeting) -> Meeting:
    meeting = _locked(meeting, "publish_minutes")
    missing = undecided_numbers(meeting)
    if missing:
        raise ValidationError(
            _("Referatet kan ikke offentliggøres: punkt %(numbers)s mangler en beslutning.")
            % {"numbers": ", ".join(str(number) for number in missing)}
        )
    return _move(meeting, "publish_minutes", minutes_published_at=timezone.now())


@transaction.atomic
def meeting_cancel(*, meeting: Meeting, reason: str) -> Meeting:
    meeting = _locked(meeting, "cancel")
    if not reason.strip():
        raise ValidationError({"reason": _("Skriv hvorfor mødet er aflyst.")})
    return _move(meeting, "cancel", cancel_reason=reason.strip())


@transaction.atomic
def meeting_reopen(*, meeting: Meeting) -> Meeting:
    """A cancelled meeting planned again (its agenda must be published once more)."""
    meeting = _locked(meeting, "reopen")
    return _move(meeting, "reopen", cancel_reason="", agenda_published_at=None)


ACTIONS = {
    "publish_agenda": meeting_publish_agenda,
    "mark_held": meeting_mark_held,
    "publish_minutes": meeting_publish_minutes,
    "reopen": meeting_reopen,
}
