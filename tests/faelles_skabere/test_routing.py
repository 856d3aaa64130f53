"""Routing: fixed fælles-skaber, stand-in, cross-cutting by expertise, coordinator fallback."""

import datetime

import pytest

from faelles_skabere.models import AreaAssignment, CoCreator, Expertise
from faelles_skabere.services.assignments import stand_in_create
from faelles_skabere.services.sparring_routing import sparring_request_route
from tests.factories import AreaAssignmentFactory

pytestmark = pytest.mark.django_db
TODAY = datetime.date(2026, 11, 26)


@pytest.fixture(autouse=True)
def _on_today(clock):
    """Handovers and stand-ins must lie near today (a year back, two ahead): today is TODAY."""
    clock.set(TODAY.isoformat())


def test_an_area_request_goes_to_its_fixed_co_creator(area, tollose_co_creator):
    decision = sparring_request_route(area=area, topic="event", on=TODAY)
    assert decision.co_creator == tollose_co_creator
    assert decision.reason == (
        f"Sendt til {tollose_co_creator.title}, fordi {tollose_co_creator.title} "
        "er fast fælles-skaber for Tølløse."
    )


def test_during_a_stand_in_period_it_goes_to_the_stand_in(
    area, tollose_co_creator, jyderup_co_creator
):
    stand_in_create(
        co_creator=tollose_co_creator,
        stand_in=jyderup_co_creator,
        starts_on=TODAY - datetime.timedelta(days=2),
        ends_on=TODAY + datetime.timedelta(days=10),
    )
    decision = sparring_request_route(area=area, topic="event", on=TODAY)
    assert decision.co_creator == jyderup_co_creator
    assert "er væk" in decision.reason
    assert "stedfortræder" in decision.reason
    after = sparring_request_route(area=area, topic="event", on=TODAY + datetime.timedelta(days=11))
    assert after.co_creator == tollose_co_creator


def test_a_cross_cutting_request_goes_to_the_least_busy_expert(
    reference_data, tollose_co_creator, jyderup_co_creator
):
    pools = Expertise.objects.create(name="Fundraising", topics=["pool_application"])
    Expertise.objects.create(name="Kultur", topics=["event"])
    tollose_co_creator.expertise.add(pools)
    jyderup_co_creator.expertise.add(pools)
    decision = sparring_request_route(area=None, topic="pool_application", on=TODAY)
    # Both have no open requests: the tie goes by title (Jyderup before Tølløse).
    assert decision.co_creator == jyderup_co_creator
    assert "fagområdet Fundraising" in decision.reason
    assert "på tværs af områder" in decision.reason


def test_an_area_without_a_co_creator_is_treated_as_cross_cutting(
    area, tollose_co_creator, jyderup_co_creator
):
    AreaAssignment.objects.filter(area=area).delete()
    Expertise.objects.create(name="Kultur", topics=["event"]).co_creators.add(jyderup_co_creator)
    decision = sparring_request_route(area=area, topic="event", on=TODAY)
    assert decision.co_creator == jyderup_co_creator
    assert decision.reason.startswith("Sendt til")
    assert "ingen fast fælles-skaber" in decision.reason


def test_with_no_expert_it_goes_to_the_coordinator_and_else_to_everyone(reference_data):
    nobody = sparring_request_route(area=None, topic="hearing", on=TODAY)
    assert nobody.co_creator is None
    assert "Alle åbne" in nobody.reason
    coordinator = CoCreator.objects.get(title="Proceskonsulent")
    coordinator.is_coordinator = True
    coordinator.save()
    decision = sparring_request_route(area=None, topic="hearing", on=TODAY)
    assert decision.co_creator == coordinator
    assert "koordinatoren" in decision.reason


def test_the_database_allows_one_current_fixed_co_creator_per_area(area, jyderup_co_creator):
    from django.db import IntegrityError, transaction

    with pytest.raises(IntegrityError), transaction.atomic():
        AreaAssignmentFactory(area=area, co_creator=jyderup_co_creator, started_on=TODAY)


def test_reassigning_keeps_exactly_one_and_the_history(
    area, tollose_co_creator, jyderup_co_creator
):
    from faelles_skabere.services.assignments import assignment_create

    assignment_create(area=area, co_creator=jyderup_co_creator, starts_on=TODAY)
    current = AreaAssignment.objects.fixed().current().filter(area=area)
    assert [a.co_creator for a in current] == [jyderup_co_creator]
    old = AreaAssignment.objects.get(area=area, co_creator=tollose_co_creator)
    assert old.ended_on == TODAY - datetime.timedelta(days=1)


def test_reassigning_refuses_nonsense_with_danish_messages(
    area, tollose_co_creator, jyderup_co_creator
):
    from django.core.exceptions import ValidationError

    from faelles_skabere.services.assignments import assignment_create

    with pytest.raises(ValidationError, match="er allerede fast fælles-skaber"):
        assignment_create(area=area, co_creator=tollose_co_creator, starts_on=TODAY)
    with pytest.raises(ValidationError, match="Skiftet skal ske efter"):
        assignment_create(
            area=area, co_creator=jyderup_co_creator, starts_on=datetime.date(2026, 1, 1)
        )
    # A mistyped year is refused by the service, whichever door it comes through.
    with pytest.raises(ValidationError, match="inden for et år tilbage og to år frem"):
        assignment_create(
            area=area, co_creator=jyderup_co_creator, starts_on=datetime.date(2062, 1, 1)
        )
    with pytest.raises(ValidationError, match="inden for et år tilbage og to år frem") as refused:
        stand_in_create(
            co_creator=tollose_co_creator, stand_in=jyderup_co_creator,
            starts_on=TODAY, ends_on=datetime.date(2062, 1, 1),
        )  # fmt: skip
    assert set(refused.value.error_dict) == {"ends_on"}


def test_overlapping_stand_ins_are_refused(tollose_co_creator, jyderup_co_creator):
    from django.core.exceptions import ValidationError

    day = datetime.timedelta(days=1)
    people = {"co_creator": tollose_co_creator, "stand_in": jyderup_co_creator}
    stand_in_create(**people, starts_on=TODAY, ends_on=TODAY + 5 * day)
    with pytest.raises(ValidationError, match="allerede en stedfortræder"):
        stand_in_create(**people, starts_on=TODAY + 5 * day, ends_on=TODAY + 9 * day)


@pytest.mark.postgres
def test_postgres_refuses_overlapping_history(area, tollose_co_creator, jyderup_co_creator):
    from django.db import IntegrityError, connection, transaction

    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL's exclusion constraints")
    with pytest.raises(IntegrityError), transaction.atomic():
        AreaAssignmentFactory(
            area=area,
            co_creator=jyderup_co_creator,
            started_on=datetime.date(2025, 6, 1),
            ended_on=datetime.date(2026, 2, 1),  # overlaps Tølløse's assignment from 2026
        )


def test_a_handover_from_a_later_date_takes_effect_that_day_and_can_be_corrected(
    area, tollose_co_creator, jyderup_co_creator
):
    from django.utils import timezone

    from faelles_skabere.services.assignments import assignment_create

    today = timezone.localdate()
    later = today + datetime.timedelta(days=30)
    assignment_create(area=area, co_creator=jyderup_co_creator, starts_on=later)
    assert (
        sparring_request_route(area=area, topic="event", on=today).co_creator == tollose_co_creator
    )
    assert (
        sparring_request_route(area=area, topic="event", on=later).co_creator == jyderup_co_creator
    )
    # Set again, for another day: the planned handover is replaced, not refused.
    sooner = today + datetime.timedelta(days=7)
    assignment_create(area=area, co_creator=jyderup_co_creator, starts_on=sooner)
    assert (
        sparring_request_route(area=area, topic="event", on=sooner).co_creator == jyderup_co_creator
    )
    fixed = AreaAssignment.objects.fixed().filter(area=area).order_by("started_on")
    assert [(a.co_creator, a.ended_on) for a in fixed] == [
        (tollose_co_creator, sooner - datetime.timedelta(days=1)),
        (jyderup_co_creator, None),
    ]
