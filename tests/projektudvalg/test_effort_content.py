"""An effort's milestones in the areas' calendars (TRACKS A(d) 4), its progress (A(d) 6),
and the rules of the budget, commitments, actions and groups."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from lokalfora.models import Event, EventOrigin, LocalArea
from projektudvalg import services
from projektudvalg.effort_progress import weighted_progress
from projektudvalg.models import (
    CommitmentParty,
    CommitmentStatus,
    EffortStatus,
    MilestoneKind,
    SpecialEffort,
)
from tests.clock import danish
from tests.factories import make_user
from tests.factories.committee import (
    AgendaItemFactory,
    CommitteeFactory,
    MeetingFactory,
    SpecialEffortFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def x_y_z(reference_data):
    return [
        LocalArea.objects.select_related("forum").get(slug=s) for s in ("tollose", "undlose", "oro")
    ]


@pytest.fixture
def effort(x_y_z):
    return SpecialEffortFactory(areas=x_y_z[:2], slug="faelles-kurs", title="Fælles kurs")


def _decision(effort):
    return AgendaItemFactory(meeting=MeetingFactory(committee=effort.committee), title="Valg")


@pytest.fixture
def selected(effort):
    """The effort selected by the committee (public), as effort_transition leaves it."""
    return services.effort_transition(
        effort=effort, to_status=EffortStatus.SELECTED, by=make_user("sekr-ms@example.org"),
        decision=_decision(effort),
    )  # fmt: skip


def _milestone(effort, **changes):
    data = {
        "title": "100 dages fest",
        "kind": MilestoneKind.PARTY,
        "starts_at": danish("2027-05-24 17:00"),
        "ends_at": danish("2027-05-24 21:00"),
        "place": "Knabstrup Hallen",
        "description": "Vi fejrer de første 100 dage.",
    } | changes
    return services.milestone_save(effort=effort, data=data)


def test_a_milestone_is_in_both_areas_ical_feeds_with_the_efforts_url(
    client, selected, x_y_z, clock
):
    clock.set("2027-02-01 09:00")
    _milestone(selected)
    for area in x_y_z[:2]:
        feed = client.get(f"/lokalomraader/{area.slug}/kalender.ics").content.decode()
        assert "SUMMARY:100 dages fest" in feed
        assert "/saerlige-indsatser/faelles-kurs/" in feed.replace("\r\n ", "")
    assert "100 dages fest" not in client.get("/lokalomraader/oro/kalender.ics").content.decode()
    events = Event.objects.filter(origin=EventOrigin.EFFORT)
    assert {e.forum_id for e in events} == {a.forum.pk for a in x_y_z[:2]}


def test_changing_the_milestone_and_the_areas_moves_its_events(selected, x_y_z, clock):
    clock.set("2027-02-01 09:00")
    effort = selected
    milestone = _milestone(effort)
    services.milestone_save(effort=effort, milestone=milestone, data={"title": "Fest", "place": ""})
    assert set(Event.objects.values_list("title", "place")) == {
        ("Fest", "Tølløse"),
        ("Fest", "Undløse"),
    }
    services.effort_update(effort=effort, data={}, areas=[x_y_z[0], x_y_z[2]])
    assert set(milestone.events.values_list("forum__area__slug", flat=True)) == {"tollose", "oro"}
    assert Event.objects.count() == 2
    services.milestone_delete(milestone=milestone)
    assert not Event.objects.exists()


def test_a_proposed_efforts_milestone_is_in_no_calendar_until_it_is_selected(
    client, effort, x_y_z, clock
):
    clock.set("2027-02-01 09:00")
    milestone = _milestone(effort)
    services.milestone_save(effort=effort, milestone=milestone, data={"title": "Fest"})
    assert not Event.objects.exists()
    assert "Fest" not in client.get("/lokalomraader/tollose/kalender.ics").content.decode()
    services.effort_transition(
        effort=effort, to_status=EffortStatus.SELECTED, by=make_user("sekr-v@example.org"),
        decision=_decision(effort),
    )  # fmt: skip
    assert set(milestone.events.values_list("forum__area__slug", flat=True)) == {
        "tollose",
        "undlose",
    }
    assert "SUMMARY:Fest" in client.get("/lokalomraader/tollose/kalender.ics").content.decode()


def test_an_effort_no_longer_public_takes_its_milestones_out_of_the_calendars(selected, clock):
    clock.set("2027-02-01 09:00")
    _milestone(selected)
    assert Event.objects.count() == 2
    SpecialEffort.objects.filter(pk=selected.pk).update(status=EffortStatus.PROPOSED)
    selected.refresh_from_db()
    services.milestones_sync(effort=selected)
    assert not Event.objects.exists()


def test_an_area_without_a_forum_gets_no_event_and_no_error(selected, x_y_z, clock):
    clock.set("2027-02-01 09:00")
    bare = LocalArea.objects.create(slug="uden-forum", name="Uden forum", main_town="Nyby")
    services.effort_update(effort=selected, data={}, areas=[x_y_z[0], bare])
    milestone = _milestone(selected)
    assert list(milestone.events.values_list("forum__area__slug", flat=True)) == ["tollose"]


def test_a_milestone_must_end_after_it_starts(effort, clock):
    clock.set("2027-02-01 09:00")
    with pytest.raises(ValidationError, match="slutte, efter den er begyndt"):
        _milestone(effort, ends_at=danish("2027-05-24 16:00"))
    assert not Event.objects.exists()


def test_an_old_milestone_is_kept_without_a_new_calendar_copy(effort, clock):
    clock.set("2027-02-01 09:00")
    milestone = _milestone(
        effort, starts_at=danish("2019-01-27 10:00"), ends_at=danish("2019-01-27 14:00")
    )
    assert milestone.pk
    assert not milestone.events.exists()


def test_the_progress_is_the_weighted_mean_of_the_actions(effort):
    services.action_save(effort=effort, data={"title": "Børnehus", "progress": 90, "weight": 2})
    services.action_save(effort=effort, data={"title": "Rådhuset", "progress": 30, "weight": 1})
    assert weighted_progress(effort.actions.all()) == 70
    effort.actions.update(weight=None)
    assert weighted_progress(effort.actions.all()) == 60


@pytest.mark.parametrize(
    ("data", "field"),
    [({"progress": 101}, "progress"), ({"progress": -1}, "progress"), ({"weight": 0}, "weight")],
)
def test_an_action_out_of_range_is_refused(effort, data, field):
    with pytest.raises(ValidationError) as refused:
        services.action_save(effort=effort, data={"title": "Handling", "progress": 10} | data)
    assert field in refused.value.error_dict


def test_an_action_links_only_a_decision_of_the_committee(effort):
    foreign = AgendaItemFactory(meeting=MeetingFactory(committee=CommitteeFactory(slug="andet")))
    with pytest.raises(ValidationError, match="udvalgets egne møder"):
        services.action_save(
            effort=effort, data={"title": "Handling", "progress": 0, "decision": foreign}
        )


def _line(**changes):
    return {
        "source": "Landdistriktspuljen",
        "year": 2019,
        "amount": Decimal("418230"),
        "spent": Decimal(0),
        "external": True,
    } | changes


def test_budget_lines_replace_the_stored_ones(effort):
    services.budget_lines_save(effort=effort, lines=[_line(), _line(source="Puljen", year=2020)])
    services.budget_lines_save(effort=effort, lines=[_line(spent=Decimal("418230"))])
    line = effort.budget_lines.get()
    assert (line.amount, line.spent, line.external) == (Decimal("418230"), Decimal("418230"), True)


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"spent": Decimal("500000")}, "brugt mere"),
        ({"amount": Decimal(-1)}, "negative"),
        ({"year": 1999}, "mellem 2000 og 2100"),
        ({"source": ""}, "kilden"),
    ],
)
def test_a_bad_budget_line_is_refused_and_nothing_changes(effort, changes, message):
    services.budget_lines_save(effort=effort, lines=[_line()])
    with pytest.raises(ValidationError, match=message):
        services.budget_lines_save(effort=effort, lines=[_line(**changes)])
    assert effort.budget_lines.get().amount == Decimal("418230")


def test_commitments_from_both_sides(effort, x_y_z):
    forum = x_y_z[0].forum
    municipality = services.commitment_save(
        effort=effort, data={"party": CommitmentParty.MUNICIPALITY, "text": "Stiller projektleder"}
    )
    local = services.commitment_save(
        effort=effort,
        data={
            "party": CommitmentParty.FORUM,
            "forum": forum,
            "text": "Holder fest",
            "due_date": datetime.date(2027, 5, 24),
        },
    )
    assert municipality.forum is None
    assert local.forum == forum


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"party": ""}, "party"),
        ({"party": CommitmentParty.FORUM}, "forum"),
        ({"party": CommitmentParty.GROUP}, "group"),
        ({"party": CommitmentParty.COMMITTEE}, "party_name"),
        (
            {"party": CommitmentParty.MUNICIPALITY, "status": CommitmentStatus.DROPPED},
            "status_reason",
        ),
    ],
)
def test_a_commitment_without_what_it_needs_is_refused(effort, data, field):
    with pytest.raises(ValidationError) as refused:
        services.commitment_save(effort=effort, data={"text": "Noget"} | data)
    assert field in refused.value.error_dict


def test_a_forum_outside_the_effort_is_refused(effort, x_y_z):
    with pytest.raises(ValidationError, match="indsatsens lokalområder"):
        services.commitment_save(
            effort=effort,
            data={"party": CommitmentParty.FORUM, "forum": x_y_z[2].forum, "text": "Noget"},
        )


def test_a_group_needs_a_name_and_a_named_consent(effort):
    group = services.group_save(effort=effort, data={"name": "Børneliv", "theme": "Børn"})
    with pytest.raises(ValidationError, match="allerede"):
        services.group_save(effort=effort, data={"name": "børneliv"})
    with pytest.raises(ValidationError, match="navn"):
        services.group_save(effort=effort, group=group, data={"contact_name_public": True})
