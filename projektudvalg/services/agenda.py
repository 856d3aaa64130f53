"""Committee staff write a meeting's agenda: items in the Danish structure, their numbers,
areas, links and attachments (bilag), and the decisions recorded after the meeting.

A pool decision item (`round` set) lists applications as AgendaApplication lines, one per
application per meeting. The committee's decision on one of them is
services.review.decision_record(agenda_item=...): one call, one transaction, that moves
the application and writes to the applicant.
"""

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from holbaek import uploads
from lokalfora.models import PUBLIC_STATUSES, Hearing
from projektudvalg.models import (
    AgendaApplication,
    AgendaItem,
    AgendaLink,
    Application,
    CaseType,
    CommitteeDocument,
    DecisionOutcome,
    DocumentKind,
    FollowUpStatus,
    Meeting,
    MeetingStatus,
    Round,
    Status,
)

ITEM_FIELDS = (
    "number", "title", "case_type", "route", "recommendation", "description", "is_closed",
    "closed_decision_public",
)  # fmt: skip
MAX_ATTACHMENTS = 20
UNDER_REVIEW = (Status.SUBMITTED, Status.IN_REVIEW)


def _open_meeting(meeting: Meeting) -> Meeting:
    """The meeting, locked; its agenda can change until the minutes are published."""
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    if meeting.status == MeetingStatus.MINUTES_PUBLISHED:
        raise ValidationError(_("Referatet er offentliggjort: dagsordenen kan ikke ændres."))
    if meeting.status == MeetingStatus.CANCELLED:
        raise ValidationError(_("Mødet er aflyst: dagsordenen kan ikke ændres."))
    return meeting


def _next_number(meeting: Meeting) -> int:
    return (meeting.items.aggregate(last=Max("number"))["last"] or 0) + 1


def _check_number(item: AgendaItem) -> None:
    taken = AgendaItem.objects.filter(meeting=item.meeting, number=item.number)
    if item.number and taken.exclude(pk=item.pk).exists():
        raise ValidationError(
            {
                "number": _("Punkt %(number)d findes allerede på dagsordenen.")
                % {"number": item.number}
            }
        )


def _sync_hearing_links(item: AgendaItem, hearings) -> None:
    """The hearings the item decides on (their høringsnotat links here): public ones only."""
    content_type = ContentType.objects.get_for_model(Hearing)
    wanted = {hearing.pk for hearing in hearings}
    if Hearing.objects.filter(pk__in=wanted).exclude(status__in=PUBLIC_STATUSES).exists():
        raise ValidationError(_("Kun en offentliggjort høring kan knyttes til et punkt."))
    links = AgendaLink.objects.filter(item=item, content_type=content_type)
    links.exclude(object_id__in=wanted).delete()
    have = set(links.values_list("object_id", flat=True))
    AgendaLink.objects.bulk_create(
        AgendaLink(item=item, content_type=content_type, object_id=pk) for pk in wanted - have
    )


def _save(item: AgendaItem, data: dict, areas, efforts, hearings=None) -> AgendaItem:
    for name, value in data.items():
        if name not in ITEM_FIELDS:
            raise ValueError(f"unknown field {name}")
        setattr(item, name, value.strip() if isinstance(value, str) else value)
    if not item.number:
        item.number = _next_number(item.meeting)
    if not item.is_closed:
        item.closed_decision_public = False
    _check_number(item)
    item.full_clean(exclude=["meeting", "round"])
    item.save()
    if areas is not None:
        item.areas.set(areas)
    if efforts is not None:
        item.efforts.set(efforts)
    if hearings is not None:
        _sync_hearing_links(item, hearings)
    return item


@transaction.atomic
def agenda_item_create(
    *, meeting: Meeting, data: dict, areas=None, efforts=None, hearings=None
) -> AgendaItem:
    """The next item on the agenda, unless `data` gives a free number."""
    meeting = _open_meeting(meeting)
    return _save(AgendaItem(meeting=meeting), data, areas, efforts, hearings)


@transaction.atomic
def agenda_item_update(
    *, item: AgendaItem, data: dict, areas=None, efforts=None, hearings=None
) -> AgendaItem:
    _open_meeting(item.meeting)
    item = AgendaItem.objects.select_related("meeting").get(pk=item.pk)
    return _save(item, data, areas, efforts, hearings)


@transaction.atomic
def agenda_item_delete(*, item: AgendaItem) -> None:
    """Only before the minutes, and never an item the committee decided applications under."""
    _open_meeting(item.meeting)
    if item.decisions.exists():
        raise ValidationError(_("Der er truffet afgørelser under punktet: det kan ikke slettes."))
    for document in item.documents.all():
        document.file.delete(save=False)
    item.delete()


@transaction.atomic
def agenda_items_renumber(*, meeting: Meeting, order: list[int]) -> None:
    """Numbers the items 1, 2, 3 ... in the order of their ids in `order` (every item once)."""
    meeting = _open_meeting(meeting)
    items = {item.pk: item for item in meeting.items.all()}
    if sorted(order) != sorted(items) or len(set(order)) != len(order):
        raise ValidationError(_("Angiv hvert punkt på dagsordenen én gang."))
    # Out of the way first: the numbers are unique at every step.
    offset = max([item.number for item in items.values()] + [len(items)]) + 1
    for pk in order:
        AgendaItem.objects.filter(pk=pk).update(number=items[pk].number + offset)
    for number, pk in enumerate(order, start=1):
        AgendaItem.objects.filter(pk=pk).update(number=number, updated_at=timezone.now())


@transaction.atomic
def agenda_item_record_decision(
    *, item: AgendaItem, outcome: str, decision_text: str = "", decision_date=None,
    follow_up: str = "", follow_up_status: str = "",
) -> AgendaItem:  # fmt: skip
    """The committee's decision on the item ("Beslutning i … den …"), once the meeting is
    held and until the minutes are published. The date is the meeting's by default."""
    meeting = Meeting.objects.select_for_update().get(pk=item.meeting_id)
    if meeting.status != MeetingStatus.HELD:
        raise ValidationError(
            _("Beslutninger registreres, når mødet er afholdt og før referatet offentliggøres.")
        )
    if outcome and outcome not in DecisionOutcome.values:
        raise ValidationError({"outcome": _("Vælg en af beslutningerne.")})
    if not outcome and not decision_text.strip():
        raise ValidationError(
            {"outcome": _("Vælg en beslutning, eller skriv beslutningens tekst.")}
        )
    if follow_up_status and follow_up_status not in FollowUpStatus.values:
        raise ValidationError({"follow_up_status": _("Vælg en af opfølgningens statusser.")})
    meeting_day = timezone.localdate(meeting.starts_at)
    decision_date = decision_date or meeting_day
    if decision_date < meeting_day:
        raise ValidationError({"decision_date": _("Beslutningen kan ikke være truffet før mødet.")})
    item = AgendaItem.objects.get(pk=item.pk)
    item.outcome, item.decision_text, item.decision_date = (
        outcome,
        decision_text.strip(),
        decision_date,
    )
    item.follow_up, item.follow_up_status = follow_up.strip(), follow_up_status
    item.full_clean(exclude=["meeting", "round"])
    item.save()
    return item


@transaction.atomic
def agenda_link_add(*, item: AgendaItem, target) -> AgendaLink:
    """Links the item to what it concerns in another app (a news post, a hearing ...)."""
    if target.pk is None:
        raise ValidationError(_("Henvisningen peger på noget, der ikke findes."))
    content_type = ContentType.objects.get_for_model(target)
    link, _created = AgendaLink.objects.get_or_create(
        item=item, content_type=content_type, object_id=target.pk
    )
    return link


@transaction.atomic
def agenda_link_remove(*, link: AgendaLink) -> None:
    link.delete()


@transaction.atomic
def agenda_attachment_add(*, item: AgendaItem, uploaded, title: str, user) -> CommitteeDocument:
    """A bilag, checked by its content (holbaek.uploads) and stored privately."""
    _open_meeting(item.meeting)
    if item.documents.count() >= MAX_ATTACHMENTS:
        raise ValidationError(
            _("Der kan højst være %(max)d bilag til et punkt.") % {"max": MAX_ATTACHMENTS}
        )
    found = uploads.check_document(uploaded)
    title = (title or "").strip() or uploaded.name[:200]
    document = CommitteeDocument.from_upload(
        uploaded, found, agenda_item=item, title=title[:200], kind=DocumentKind.ATTACHMENT,
        uploaded_by=user,
    )  # fmt: skip
    document.full_clean(exclude=["file"])
    document.save()
    return document


def _pool_item(meeting: Meeting, round_: Round) -> AgendaItem:
    item = meeting.items.filter(round=round_).order_by("number").first()
    if item is not None:
        return item
    return AgendaItem.objects.create(
        meeting=meeting, round=round_, number=_next_number(meeting),
        title=(_("Ansøgninger fra %(pool)s, %(round)s")
               % {"pool": round_.pool.name, "round": round_.name})[:200],
        case_type=CaseType.DECISION,
        recommendation=_("Administrationen indstiller, at udvalget træffer afgørelse om "
                         "ansøgningerne som indstillet for hver af dem."),
    )  # fmt: skip


def _add_line(item: AgendaItem, application: Application) -> bool:
    if AgendaApplication.objects.filter(meeting=item.meeting, application=application).exists():
        return False
    AgendaApplication.objects.create(item=item, application=application, meeting=item.meeting)
    if application.area_id:
        item.areas.add(application.area_id)
    return True


@transaction.atomic
def agenda_item_add(*, application: Application, meeting: Meeting) -> bool:
    """Puts the application on the meeting's pool item for its round (made if needed);
    False if it is on the meeting's agenda already."""
    application = Application.objects.select_related("round__pool").get(pk=application.pk)
    if application.status not in UNDER_REVIEW:
        raise ValidationError(_("Kun ansøgninger til behandling kan komme på dagsordenen."))
    meeting = _open_meeting(meeting)
    return _add_line(_pool_item(meeting, application.round), application)


@transaction.atomic
def agenda_item_from_round(*, meeting: Meeting, round: Round) -> AgendaItem:
    """The round's pool item, listing every application of it under review that is not on
    the meeting's agenda yet."""
    meeting = _open_meeting(meeting)
    round_ = Round.objects.select_related("pool").get(pk=round.pk)
    item = _pool_item(meeting, round_)
    for application in round_.applications.filter(status__in=UNDER_REVIEW).order_by("reference"):
        _add_line(item, application)
    return item
