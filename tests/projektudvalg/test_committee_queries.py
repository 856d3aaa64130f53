"""Every public committee page runs a fixed number of queries, at two data sizes."""

import datetime

import pytest
from django.utils import timezone

from projektudvalg.models import (
    AgendaApplication,
    DecisionOutcome,
    MeetingStatus,
)
from tests.factories.committee import (
    AgendaItemFactory,
    CommitteeMemberFactory,
    MeetingFactory,
)
from tests.querycount import assert_constant_queries

pytestmark = pytest.mark.django_db


@pytest.fixture
def record(area, other_area, submitted):
    """Grows the record: meetings in one year, each with decided items about both areas, a
    pool line, members and absences."""
    first = MeetingFactory(
        status=MeetingStatus.MINUTES_PUBLISHED,
        starts_at=timezone.now() - datetime.timedelta(days=30),
    )

    numbers = iter(range(1, 10_000))

    def grow(meetings=3, items=4):
        for n in range(meetings):
            meeting = MeetingFactory(
                status=MeetingStatus.MINUTES_PUBLISHED,
                starts_at=first.starts_at + datetime.timedelta(hours=n + 1),
                area=area,
            )
            member = CommitteeMemberFactory(committee=meeting.committee)
            meeting.absent_members.add(member)
            for number in range(1, items + 1):
                AgendaItemFactory(meeting=meeting, number=number, areas=[area, other_area],
                                  outcome=DecisionOutcome.APPROVED, decision_text="Godkendt.",
                                  is_closed=number == items)  # fmt: skip
            for _ in range(items):
                AgendaItemFactory(meeting=first, number=next(numbers),
                                  areas=[area], outcome=DecisionOutcome.NOTED)  # fmt: skip
        item = first.items.first()
        if item and not AgendaApplication.objects.filter(meeting=first).exists():
            AgendaApplication.objects.create(item=item, application=submitted, meeting=first)

    grow(meetings=1, items=2)
    return {"first": first, "grow": grow}


@pytest.mark.parametrize(
    ("url", "limit"),
    # The measured counts, e.g. the committee page: the committee, its members sitting and
    # former, its mandates and its next meeting.
    [
        ("/udvalget/", 5),
        ("/udvalget/moeder/", 3),
        ("{first}", 10),  # + the hearings the items decide on (2)
        ("/udvalget/moeder.ics", 2),
        ("/udvalget/beslutninger/", 4),
        ("/udvalget/beslutninger/?q=sag&omraade=tollose&sagstype=decision", 4),
        ("/lokalomraader/tollose/beslutninger/", 4),  # D(d) 5: at most 10
        # + the special-efforts section (1 without one), + the hearings section (1),
        # + the municipal news section (1 without items)
        ("/lokalomraader/tollose/", 19),
    ],
)
def test_the_page_runs_a_constant_number_of_queries(client, record, url, limit):
    url = url.format(first=record["first"].get_absolute_url())
    count = assert_constant_queries(client, url, record["grow"], limit=limit)
    print(url, count)
