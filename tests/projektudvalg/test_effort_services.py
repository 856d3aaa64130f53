"""Track 2's rules in the services: the area bounds (TRACKS A(d) 1), the one transition
table and its audit rows (A(d) 2), starting from a drejebog."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from lokalfora.models import LocalArea
from projektudvalg import effort_workflow, services
from projektudvalg.models import (
    EffortStatus,
    EffortTemplate,
    EffortTransition,
    MilestoneKind,
    TemplatePhase,
)
from tests.factories import make_user
from tests.factories.committee import (
    AgendaItemFactory,
    CommitteeFactory,
    MeetingFactory,
    SpecialEffortFactory,
)

pytestmark = pytest.mark.django_db
SLUGS = ["tollose", "jyderup", "undlose", "knabstrup", "morkov"]


@pytest.fixture
def areas(reference_data):
    return [LocalArea.objects.get(slug=slug) for slug in SLUGS]


@pytest.fixture
def committee(db):
    return CommitteeFactory()


@pytest.fixture
def staff(db):
    return make_user("sekr-service@example.org")


@pytest.fixture
def decision(committee):
    return AgendaItemFactory(meeting=MeetingFactory(committee=committee), title="Valg af område")


def _create(committee, areas, slug="knabstrup-saetter-kurs", **extra):
    return services.effort_create(
        committee=committee, title="Knabstrup sætter kurs", slug=slug,
        tagline="Knabstrup sætter kurs", summary="Et 100-dages forløb.", areas=areas, **extra,
    )  # fmt: skip


@pytest.mark.parametrize(("count", "ok"), [(1, False), (2, True), (4, True), (5, False)])
def test_the_default_bounds_two_to_four_on_both_sides(committee, areas, count, ok):
    if ok:
        assert _create(committee, areas[:count]).areas.count() == count
        return
    with pytest.raises(ValidationError) as refused:
        _create(committee, areas[:count])
    assert "En særlig indsats skal omfatte mellem 2 og 4 lokalområder" in str(refused.value)


@pytest.mark.parametrize(("count", "ok"), [(0, False), (1, True), (3, True), (4, False)])
def test_the_committees_own_bounds(committee, areas, count, ok):
    committee.effort_min_areas, committee.effort_max_areas = 1, 3
    committee.save()
    if ok:
        _create(committee, areas[:count])
        return
    with pytest.raises(ValidationError) as refused:
        _create(committee, areas[:count])
    assert "mellem 1 og 3 lokalområder" in str(refused.value)


def test_equal_bounds_say_how_many(committee, areas):
    committee.effort_min_areas = committee.effort_max_areas = 1
    committee.save()
    with pytest.raises(ValidationError) as refused:
        _create(committee, areas[:2])
    assert "skal omfatte 1 lokalområde" in str(refused.value)
    assert "mellem" not in str(refused.value)


def test_an_effort_without_areas_is_refused_and_nothing_is_saved(committee, areas):
    with pytest.raises(ValidationError) as refused:
        _create(committee, [])
    assert "Vælg indsatsens lokalområder" in str(refused.value)
    with pytest.raises(ValidationError):
        services.effort_update(effort=SpecialEffortFactory(areas=areas[:2]), data={}, areas=[])


@pytest.mark.parametrize("slug", ["ny", "styring", "grupper", "forpligtelser", "opdateringer"])
def test_the_pages_own_words_are_no_slug(committee, areas, slug):
    with pytest.raises(ValidationError) as refused:
        _create(committee, areas[:2], slug=slug)
    assert "bruger siderne selv" in str(refused.value)


def test_a_slug_is_unique_and_a_slug(committee, areas):
    _create(committee, areas[:2])
    with pytest.raises(ValidationError, match="allerede"):
        _create(committee, areas[:2])
    with pytest.raises(ValidationError, match="små bogstaver"):
        _create(committee, areas[:2], slug="Knab strup")


def test_leaving_proposed_needs_the_selection_decision(committee, areas, staff, decision):
    effort = _create(committee, areas[:2])
    with pytest.raises(ValidationError) as refused:
        services.effort_transition(effort=effort, to_status=EffortStatus.SELECTED, by=staff)
    assert "beslutning" in str(refused.value)
    assert not EffortTransition.objects.exists()
    effort = services.effort_transition(
        effort=effort, to_status=EffortStatus.SELECTED, by=staff, decision=decision
    )
    assert effort.status == EffortStatus.SELECTED
    assert effort.selection_decision == decision
    row = EffortTransition.objects.get()
    assert (row.effort, row.from_status, row.to_status, row.by, row.decision) == (
        effort, EffortStatus.PROPOSED, EffortStatus.SELECTED, staff, decision,
    )  # fmt: skip
    assert row.at is not None


def test_a_decision_of_another_committee_is_refused(committee, areas, staff):
    other = CommitteeFactory(slug="andet-udvalg", name="Andet udvalg")
    foreign = AgendaItemFactory(meeting=MeetingFactory(committee=other))
    effort = _create(committee, areas[:2])
    with pytest.raises(ValidationError, match="udvalgets egne møder"):
        services.effort_transition(
            effort=effort, to_status=EffortStatus.SELECTED, by=staff, decision=foreign
        )


ALL = list(EffortStatus.values)
ALLOWED = [(f, t) for f in ALL for t in ALL if t in effort_workflow.TRANSITIONS[f]]
REFUSED = [
    (f, t)
    for f in ALL
    for t in ALL
    if t not in effort_workflow.TRANSITIONS[f] and f != EffortStatus.PAUSED
]


def _at(effort, status, decision):
    """Puts the effort in `status` (as if the moves had happened), with its decision."""
    effort.selection_decision = decision
    effort.status = status
    effort.save()
    return effort


@pytest.mark.parametrize(("from_status", "to_status"), ALLOWED)
def test_every_allowed_transition_leaves_an_audit_row(
    committee, areas, staff, decision, from_status, to_status
):
    effort = _at(_create(committee, areas[:2]), from_status, decision)
    services.effort_transition(effort=effort, to_status=to_status, by=staff, decision=decision)
    row = EffortTransition.objects.get(effort=effort)
    assert (row.from_status, row.to_status, row.by) == (from_status, to_status, staff)


@pytest.mark.parametrize(("from_status", "to_status"), REFUSED)
def test_every_transition_not_in_the_table_is_refused(
    committee, areas, staff, decision, from_status, to_status
):
    effort = _at(_create(committee, areas[:2]), from_status, decision)
    with pytest.raises(ValidationError, match="kan ikke gå fra"):
        services.effort_transition(effort=effort, to_status=to_status, by=staff)
    effort.refresh_from_db()
    assert effort.status == from_status
    assert not EffortTransition.objects.exists()


def test_a_pause_resumes_where_it_was_and_nowhere_else(committee, areas, staff, decision):
    effort = _at(_create(committee, areas[:2]), EffortStatus.ACTIVE, decision)
    services.effort_transition(effort=effort, to_status=EffortStatus.PAUSED, by=staff)
    with pytest.raises(ValidationError):
        services.effort_transition(effort=effort, to_status=EffortStatus.STARTING, by=staff)
    effort = services.effort_transition(effort=effort, to_status=EffortStatus.ACTIVE, by=staff)
    assert effort.status == EffortStatus.ACTIVE
    assert EffortTransition.objects.filter(effort=effort).count() == 2


def test_finishing_sets_the_actual_end(committee, areas, staff, decision, clock):
    clock.set("2027-06-01 10:00")
    effort = _at(_create(committee, areas[:2]), EffortStatus.EVALUATION, decision)
    effort = services.effort_transition(effort=effort, to_status=EffortStatus.FINISHED, by=staff)
    assert effort.actual_end == datetime.date(2027, 6, 1)
    assert effort_workflow.targets(EffortStatus.FINISHED) == []


def test_starting_from_the_drejebog_makes_its_phases_milestones(
    committee, areas, clock, staff, decision
):
    clock.set("2027-01-10 09:00")
    template = EffortTemplate.objects.create(name="Model")
    TemplatePhase.objects.create(
        template=template, title="Kick-off", kind=MilestoneKind.WORKSHOP, offset_days=0,
        duration_hours=4,
    )  # fmt: skip
    TemplatePhase.objects.create(
        template=template, title="100 dages fest", kind=MilestoneKind.PARTY, offset_days=117
    )
    effort = _create(committee, areas[:2], template=template, start=datetime.date(2027, 1, 27))
    first, party = effort.milestones.order_by("starts_at")
    assert (first.title, first.kind) == ("Kick-off", MilestoneKind.WORKSHOP)
    assert first.starts_at.date() == datetime.date(2027, 1, 27)
    assert (first.ends_at - first.starts_at) == datetime.timedelta(hours=4)
    assert party.starts_at.date() == datetime.date(2027, 5, 24)
    assert effort.period_start == datetime.date(2027, 1, 27)
    assert not first.events.exists()  # a proposed effort is in no calendar yet
    services.effort_transition(
        effort=effort, to_status=EffortStatus.SELECTED, by=staff, decision=decision
    )
    assert first.events.count() == 2  # one in each area's calendar
    assert party.events.count() == 2


def test_a_drejebog_needs_a_start(committee, areas):
    template = EffortTemplate.objects.create(name="Model")
    with pytest.raises(ValidationError, match="drejebogen regner fra"):
        _create(committee, areas[:2], template=template)
