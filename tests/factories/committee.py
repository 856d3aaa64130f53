"""The committee, its members, meetings and agenda items, and special efforts.

meeting = MeetingFactory(area=area, status=MeetingStatus.MINUTES_PUBLISHED)
item = AgendaItemFactory(meeting=meeting, areas=[area], is_closed=True)
effort = SpecialEffortFactory(areas=[tollose, undlose])
"""

import datetime

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from projektudvalg.models import (
    AgendaItem,
    CaseType,
    Committee,
    CommitteeMember,
    Meeting,
    MeetingStatus,
    SpecialEffort,
)


class CommitteeFactory(DjangoModelFactory):
    class Meta:
        model = Committee
        django_get_or_create = ("slug",)

    # The committee sitting now (the reference data holds the earlier periods, PULO
    # 2018-2021 among them, with slug "projektudvalget").
    name = "Udvalget for Plan, Bolig og Lokal Udvikling"
    short_name = "PBL"
    slug = "udvalget"
    period_start = datetime.date(2022, 1, 1)
    function_mailbox = "projektudvalg@holbaek.dk"
    mandate_summary = "Udvalget arbejder med udvikling af lokalområderne i tre spor."


class CommitteeMemberFactory(DjangoModelFactory):
    class Meta:
        model = CommitteeMember

    committee = factory.SubFactory(CommitteeFactory)
    name = factory.Sequence(lambda n: f"Medlem {n + 1}")
    from_date = datetime.date(2022, 1, 1)


class MeetingFactory(DjangoModelFactory):
    """A planned meeting a week from now, 17-19, at the town hall."""

    class Meta:
        model = Meeting

    committee = factory.SubFactory(CommitteeFactory)
    title = "Møde i Projektudvalget"
    starts_at = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=7))
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + datetime.timedelta(hours=2))
    place = "Holbæk Rådhus"
    status = MeetingStatus.PLANNED
    cancel_reason = factory.LazyAttribute(
        lambda o: "Ingen sager" if o.status == MeetingStatus.CANCELLED else ""
    )


class AgendaItemFactory(DjangoModelFactory):
    class Meta:
        model = AgendaItem
        skip_postgeneration_save = True

    meeting = factory.SubFactory(MeetingFactory)
    number = factory.Sequence(lambda n: n + 1)
    title = factory.Sequence(lambda n: f"Sag nummer {n + 1}")
    case_type = CaseType.DECISION
    route = "Projektudvalget for Udvikling af Lokalområderne"
    recommendation = "Administrationen indstiller, at udvalget godkender sagen."
    description = "Sagens beskrivelse."

    @factory.post_generation
    def areas(self, create, extracted, **kwargs):
        if create and extracted:
            self.areas.set(extracted)


class SpecialEffortFactory(DjangoModelFactory):
    """A proposed effort (no decision needed yet); pass `areas=[...]`."""

    class Meta:
        model = SpecialEffort
        skip_postgeneration_save = True

    committee = factory.SubFactory(CommitteeFactory)
    title = factory.Sequence(lambda n: f"Indsats {n + 1}")
    slug = factory.Sequence(lambda n: f"indsats-{n + 1}")
    tagline = "Sammen sætter vi kurs"
    summary = "Et længerevarende og forpligtende samarbejde."

    @factory.post_generation
    def areas(self, create, extracted, **kwargs):
        if create and extracted:
            self.areas.set(extracted)
