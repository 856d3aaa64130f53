"""Two demo special efforts modelled on the published cases, clearly marked "(Demo)".

- "Knabstrup sætter kurs" (2019): a 100-day process from the drejebog, with the six
  working groups of the real case and the 418.230 kr. from Landdistriktspuljen. Here it
  is moved to now (started 30 days ago), so its milestones are in Knabstrup's calendar.
- "Undløse - når fællesskab viser vej" (from August 2020), active with its history.

Both are one-area efforts, as the real ones were, so the demo committee's bounds are set
to 1-4 areas. The selection decision is an agenda item of a "(Demo)" meeting, made here
if the committee has no meeting with such an item. Idempotent.
"""

import datetime
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from holbaek.demo import demo_user
from lokalfora.models import LocalArea
from projektudvalg import services
from projektudvalg.models import (
    AgendaItem,
    Committee,
    EffortStatus,
    EffortTemplate,
    MilestoneKind,
    SpecialEffort,
)
from projektudvalg.reference_efforts import NAME as TEMPLATE_NAME

KNABSTRUP_GROUPS = [
    ("Børneliv", "Børn og unge"),
    ("Bosætning og bofællesskab", "Bosætning"),
    ("Knabstrup Hallen", "Hallen som samlingssted"),
    ("Fællesskaber og naboskab", "Fællesskab"),
    ("Bybranding og fortælling", "Fortællingen om Knabstrup"),
    ("Trafik", "Trafik og sikkerhed"),
]
KNABSTRUP_ACTIONS = [
    ("(Demo) Renovering af børnehuset", 60, 2),
    ("(Demo) Ny anvendelse af Knabstrup Hallen", 30, 3),
    ("(Demo) Velkomstpakke til nye tilflyttere", 90, 1),
    ("(Demo) Sikker skolevej langs hovedgaden", 10, 2),
]


def _committee() -> Committee:
    """The demo committee (demo_meetings made it). The real efforts each covered one area,
    so the demo committee's bounds are 1-4."""
    committee = Committee.objects.current()
    data = {"effort_min_areas": 1, "effort_max_areas": 4}
    return services.committee_save(committee=committee, data=data)


def _selection_item(committee: Committee, area: LocalArea, number: int) -> AgendaItem:
    """The decision that selected the area: an item of demo_meetings' town-hall meeting."""
    title = f"(Demo) Beslutning om valg af lokalområde: {area.name}"
    return AgendaItem.objects.get(meeting__committee=committee, title=title)


def _run(effort, staff, decision, statuses) -> SpecialEffort:
    decision.efforts.add(effort)  # the decision shows on the effort, and the effort on it
    for status in statuses:
        effort = services.effort_transition(
            effort=effort,
            to_status=status,
            by=staff,
            decision=decision if status == EffortStatus.SELECTED else None,
        )
    return effort


def _groups(effort, groups) -> list:
    return [
        services.group_save(
            effort=effort,
            data={
                "name": name,
                "theme": theme,
                "order": order,
                "open_for_new_members": True,
                "description": "(Demotekst) Gruppen mødes hver anden uge i hallen.",
            },
        )
        for order, (name, theme) in enumerate(groups)
    ]


def _commitments(effort, area, group, due) -> None:
    for data in (
        {
            "party": "municipality",
            "text": "(Demo) Kommunen stiller en projektleder og "
            "proceskonsulenter til rådighed i de 100 dage.",
            "status": "ongoing",
        },
        {
            "party": "forum",
            "forum": area.forum,
            "text": "(Demo) Lokalforummet holder 100 dages festen og inviterer hele byen.",
            "due_date": due,
        },
        {
            "party": "group",
            "group": group,
            "text": "(Demo) Arbejdsgruppen laver en plan for børnehuset.",
            "due_date": due,
            "status": "met",
        },
        {
            "party": "committee",
            "party_name": "Børne- og Skoleudvalget",
            "text": "(Demo) Udvalget behandler forslaget om skolevejen.",
            "status": "agreed",
        },
    ):
        services.commitment_save(effort=effort, data=data)


def _knabstrup(committee, staff, lead) -> SpecialEffort:
    area = LocalArea.objects.select_related("forum").get(slug="knabstrup")
    start = timezone.localdate() - datetime.timedelta(days=30)
    effort = services.effort_create(
        committee=committee,
        title="(Demo) Knabstrup sætter kurs",
        slug="knabstrup-saetter-kurs",
        tagline="Knabstrup sætter kurs",
        areas=[area],
        leads=[lead],
        template=EffortTemplate.objects.filter(name=TEMPLATE_NAME).first(),
        start=start,
        summary="(Demotekst) Et 100-dages forløb, modelleret efter Knabstrup sætter kurs (2019): "
        "borgere, foreninger, politikere og kommunen arbejder sammen om byens fremtid.",
        selection_basis="(Demotekst) Befolkningsprognosen viser færre børnefamilier; "
        "bosætningsanalysen peger på hallen og skolen som byens samlingssteder.",
        period_start=start,
        period_end=start + datetime.timedelta(days=160),
        lead_role="Projektleder, Holbæk Kommune",
        lead_mailbox="projektudvalg@holbaek.dk",
        process_role="Proces-fælles-skaber",
        partner_committees="Børne- og Skoleudvalget\n"
        "Kultur- og Fritidsudvalget\nProjektudvalget for Udvikling af Lokalområderne",
    )
    effort = _run(
        effort,
        staff,
        _selection_item(committee, area, 1),
        [EffortStatus.SELECTED, EffortStatus.STARTING, EffortStatus.ACTIVE],
    )
    _knabstrup_content(effort, area, start)
    return effort


def _knabstrup_content(effort, area, start) -> None:
    """The six groups, weighted actions, commitments from both sides and the budget."""
    groups = _groups(effort, KNABSTRUP_GROUPS)
    for order, (title, progress, weight) in enumerate(KNABSTRUP_ACTIONS):
        services.action_save(
            effort=effort,
            data={
                "title": title,
                "progress": progress,
                "weight": weight,
                "order": order,
                "responsible": groups[order].name,
            },
        )
    _commitments(effort, area, groups[0], start + datetime.timedelta(days=117))
    services.budget_lines_save(
        effort=effort,
        lines=[
            {
                "source": "Landdistriktspuljen",
                "year": start.year,
                "amount": Decimal("418230"),
                "spent": Decimal("250000"),
                "external": True,
            },
            {
                "source": "(Demo) Pulje til lokaludvikling",
                "year": start.year,
                "amount": Decimal("150000"),
                "spent": Decimal("40000"),
                "external": False,
            },
        ],
    )


def _undlose(committee, staff) -> SpecialEffort:
    area = LocalArea.objects.select_related("forum").get(slug="undlose")
    effort = services.effort_create(
        committee=committee,
        title="(Demo) Undløse – når fællesskab viser vej",
        slug="undloese",
        tagline="Når fællesskab viser vej",
        areas=[area],
        summary="(Demotekst) Modelleret efter den særlige indsats i Undløse fra august 2020.",
        period_start=datetime.date(2020, 8, 15),
        lead_role="Projektleder, Holbæk Kommune",
    )
    effort = _run(
        effort,
        staff,
        _selection_item(committee, area, 2),
        [EffortStatus.SELECTED, EffortStatus.STARTING, EffortStatus.ACTIVE],
    )
    soon = timezone.now().replace(hour=16, minute=0, second=0, microsecond=0)
    for title, kind, starts in (
        (
            "Kick-off i forsamlingshuset",
            MilestoneKind.WORKSHOP,
            timezone.make_aware(datetime.datetime(2020, 8, 27, 17)),
        ),
        ("Evaluering af indsatsen", MilestoneKind.EVALUATION, soon + datetime.timedelta(days=45)),
    ):
        services.milestone_save(
            effort=effort,
            data={
                "title": title,
                "kind": kind,
                "starts_at": starts,
                "ends_at": starts + datetime.timedelta(hours=3),
                "place": "Undløse Forsamlingshus",
            },
        )
    _groups(effort, [("Fællesskab i byen", "Fællesskab"), ("Natur og stier", "Natur")])
    services.action_save(effort=effort, data={"title": "(Demo) Nye stier", "progress": 50})
    return effort


@transaction.atomic
def load() -> str:
    if SpecialEffort.objects.filter(slug="knabstrup-saetter-kurs").exists():
        return "demo-indsatser findes allerede"
    committee = _committee()
    staff = demo_user("sekretariat@example.org", "Demo Sekretariat")
    lead = demo_user("projektleder@example.org", "Demo Projektleder")
    _knabstrup(committee, staff, lead)
    _undlose(committee, staff)
    return "2 opdigtede særlige indsatser (Knabstrup, Undløse)"
