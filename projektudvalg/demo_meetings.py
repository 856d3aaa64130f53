"""The demo committee and three of its meetings, all made through the services, marked as
demo and with members by role only (never a real person's name):

- a meeting held in Tølløse three weeks ago (it is in Tølløse's calendar), its minutes
  published, with the pool item whose application was granted there (decision_record);
- a meeting at the town hall six weeks ago with a closed item (lukket punkt) and the
  decisions that selected the two demo special efforts' areas (demo_efforts uses them);
- a meeting in two weeks with its agenda published and the application under review.
"""

import datetime
from decimal import Decimal

from django.utils import timezone

from lokalfora import demo_hearings
from lokalfora.models import Hearing, LocalArea
from projektudvalg import services
from projektudvalg.models import Application, CaseType, Committee, MemberRole

MEMBERS = [
    ("Formand", MemberRole.CHAIR, "Kommunalbestyrelsesmedlem"),
    ("Næstformand", MemberRole.VICE_CHAIR, "Kommunalbestyrelsesmedlem"),
    ("Medlem 1", MemberRole.MEMBER, "Kommunalbestyrelsesmedlem"),
    ("Medlem 2", MemberRole.MEMBER, "Borgerrepræsentant"),
    ("Medlem 3", MemberRole.MEMBER, "Borgerrepræsentant"),
]
ROUTE = "Projektudvalget for Udvikling af Lokalområderne"
# The areas the demo special efforts were selected for (projektudvalg/demo_efforts.py).
SELECTED_AREAS = ("knabstrup", "undlose")


def _committee() -> Committee:
    today = timezone.localdate()
    committee = Committee.objects.current() or services.committee_save(data={
        "name": "Projektudvalget for Udvikling af Lokalområderne", "short_name": "PULO",
        "slug": "projektudvalget", "period_start": datetime.date(today.year - 1, 1, 1),
        "function_mailbox": "projektudvalg@example.org",
        "mandate_summary": "(Demotekst) Udvalget arbejder med udvikling af lokalområderne i "
                           "tre spor: puljerne, særlige indsatser og dialogen med lokalfora.",
    })  # fmt: skip
    if not committee.members.exists():
        for order, (name, role, kind) in enumerate(MEMBERS):
            services.member_save(data={
                "committee": committee, "name": name, "role": role, "member_kind": kind,
                "from_date": committee.period_start, "order": order,
            })  # fmt: skip
    return committee


def _at(days: int) -> datetime.datetime:
    day = timezone.localdate() + datetime.timedelta(days=days)
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(17)))


def _meeting(committee, *, days: int, place: str, area=None):
    return services.meeting_create(committee=committee, data={
        "title": "(Demo) Møde i Projektudvalget", "starts_at": _at(days),
        "ends_at": _at(days) + datetime.timedelta(hours=2), "place": place, "area": area,
        "not_in_official_system": True,
    })  # fmt: skip


def _item(meeting, title: str, areas=None, hearings=None, **data):
    return services.agenda_item_create(meeting=meeting, areas=areas, hearings=hearings, data={
        "title": f"(Demo) {title}", "route": ROUTE,
        "recommendation": "(Demotekst) Administrationen indstiller, at udvalget godkender sagen.",
        "description": "(Demotekst) Et opdigtet punkt.",
    } | data)  # fmt: skip


def _held_in_tollose(committee, staff, granted: Application, amount: Decimal) -> None:
    tollose = LocalArea.objects.get(slug="tollose")
    meeting = _meeting(committee, days=-21, place="(Demo) Tølløse Kulturhus", area=tollose)
    services.meeting_update(meeting=meeting, data={}, absent_members=committee.members.filter(
        name="Medlem 3"))  # fmt: skip
    services.agenda_item_add(application=granted, meeting=meeting)
    info = _item(meeting, "Orientering fra lokalforum Tølløse", areas=[tollose],
                 case_type=CaseType.INFORMATION)  # fmt: skip
    hearing = Hearing.objects.filter(title=demo_hearings.TRAFFIC_TITLE).first()
    hearing_item = _item(
        meeting, "Trafiksikkerhedsplan for landsbyerne efter høring",
        areas=list(hearing.areas.all()) if hearing else None,
        hearings=[hearing] if hearing else [],
        recommendation="(Demotekst) Administrationen indstiller, at udvalget anbefaler planen "
        "med krydsningshellen ved skolen i Jyderup, som høringen gav anledning til.",
    )  # fmt: skip
    services.meeting_publish_agenda(meeting=meeting)
    services.meeting_mark_held(meeting=meeting)
    pool_item = meeting.items.get(round__isnull=False)
    services.decision_record(
        application=granted, user=staff, outcome="granted", amount=amount,
        conditions="Skiltning med puljens navn.", agenda_item=pool_item,
    )  # fmt: skip
    services.agenda_item_record_decision(
        item=info, outcome="noted", decision_text="(Demotekst) Udvalget tog orienteringen til "
        "efterretning.", follow_up="(Demotekst) Forvaltningen svarer forummet.",
        follow_up_status="ongoing",
    )  # fmt: skip
    services.agenda_item_record_decision(
        item=hearing_item, outcome="approved",
        decision_text="(Demotekst) Udvalget anbefalede planen som indstillet.",
    )  # fmt: skip
    services.meeting_publish_minutes(meeting=meeting)


def _with_closed_item(committee) -> None:
    meeting = _meeting(committee, days=-42, place="(Demo) Holbæk Rådhus, mødelokale 1")
    open_item = _item(meeting, "Stier og bænke i lokalområderne")
    closed = _item(meeting, "Køb af grund", is_closed=True,
                   description="(Demotekst) Lukket punkt: forhandling om en grund.")  # fmt: skip
    selections = []
    for slug in SELECTED_AREAS:
        area = LocalArea.objects.get(slug=slug)
        item = _item(meeting, f"Beslutning om valg af lokalområde: {area.name}", areas=[area],
                     recommendation=f"(Demotekst) Administrationen indstiller, at {area.name} "
                     "får en særlig indsats.", description="(Demotekst) Valget bygger på "
                     "befolkningsprognosen og en bosætningsanalyse.")  # fmt: skip
        selections.append(item)
    services.meeting_publish_agenda(meeting=meeting)
    services.meeting_mark_held(meeting=meeting)
    decided = [(open_item, "Godkendt som indstillet."), (closed, "Lukket beslutning.")]
    decided += [(item, "Godkendt.") for item in selections]
    for item, text in decided:
        services.agenda_item_record_decision(
            item=item, outcome="approved", decision_text=f"(Demotekst) {text}"
        )
    services.meeting_publish_minutes(meeting=meeting)


def _upcoming(committee, in_review: Application) -> None:
    meeting = _meeting(committee, days=14, place="(Demo) Holbæk Rådhus, mødelokale 1")
    services.agenda_item_add(application=in_review, meeting=meeting)
    _item(meeting, "Drøftelse af næste års særlige indsatser", case_type=CaseType.DISCUSSION)
    services.meeting_publish_agenda(meeting=meeting)


def load(*, staff, granted: Application, amount: Decimal, in_review: Application) -> str:
    committee = _committee()
    _held_in_tollose(committee, staff, granted, amount)
    _with_closed_item(committee)
    _upcoming(committee, in_review)
    return "udvalget med 5 medlemmer (efter rolle) og 3 demomøder"
