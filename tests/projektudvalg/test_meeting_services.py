"""The committee's meetings: the status table, the area calendar's copy, agenda numbers,
decisions, and a pool decision as one service call in one transaction."""

from decimal import Decimal

import pytest
from django.core import mail
from django.core.exceptions import ValidationError

from lokalfora.models import Event, LocalArea
from projektudvalg import services
from projektudvalg.models import (
    AgendaItem,
    CaseType,
    Decision,
    MeetingStatus,
    Round,
    Status,
)
from projektudvalg.services.meetings import TRANSITIONS
from tests.clock import danish
from tests.factories.committee import CommitteeFactory, CommitteeMemberFactory
from tests.projektudvalg.meetings_helpers import add_item, held, make_meeting, pdf_upload

pytestmark = pytest.mark.django_db

M = MeetingStatus
REFUSAL = "kan ikke"


@pytest.fixture(autouse=True)
def _setting(clock, reference_data):
    clock.set("2026-12-01 09:00")
    CommitteeFactory()


def _meeting_in(status, clock):
    meeting = make_meeting()
    add_item(meeting, case_type=CaseType.INFORMATION)  # needs no decision
    if status in (M.AGENDA_PUBLISHED, M.HELD, M.MINUTES_PUBLISHED):
        services.meeting_publish_agenda(meeting=meeting)
    if status in (M.HELD, M.MINUTES_PUBLISHED):
        clock.set("2026-12-10 19:00")
        services.meeting_mark_held(meeting=meeting)
    if status == M.MINUTES_PUBLISHED:
        item = meeting.items.get()
        services.agenda_item_record_decision(item=item, outcome="approved")
        services.meeting_publish_minutes(meeting=meeting)
    if status == M.CANCELLED:
        services.meeting_cancel(meeting=meeting, reason="Ingen sager")
    meeting.refresh_from_db()
    return meeting


def _run(action, meeting):
    if action == "cancel":
        return services.meeting_cancel(meeting=meeting, reason="Sygdom")
    return getattr(services, f"meeting_{action}")(meeting=meeting)


@pytest.mark.parametrize("action", list(TRANSITIONS))
@pytest.mark.parametrize("status", list(M))
def test_every_status_and_action(clock, status, action):
    """The one table: each allowed step moves the meeting, every other is refused in Danish."""
    meeting = _meeting_in(status, clock)
    clock.set("2026-12-10 19:00")
    if status in TRANSITIONS[action].sources:
        assert _run(action, meeting).status == TRANSITIONS[action].target
    else:
        with pytest.raises(ValidationError, match=REFUSAL):
            _run(action, meeting)
        meeting.refresh_from_db()
        assert meeting.status == status


def test_the_steps_refuse_what_is_not_ready(clock):
    meeting = make_meeting()
    with pytest.raises(ValidationError, match="ingen punkter"):
        services.meeting_publish_agenda(meeting=meeting)
    add_item(meeting, title="Orientering", case_type=CaseType.INFORMATION)
    add_item(meeting, title="Beslutning")
    add_item(meeting, title="Også beslutning")
    published = services.meeting_publish_agenda(meeting=meeting)
    assert published.agenda_published_at is not None
    with pytest.raises(ValidationError, match="når det er begyndt"):
        services.meeting_mark_held(meeting=meeting)
    clock.set("2026-12-10 18:00")
    services.meeting_mark_held(meeting=meeting)
    with pytest.raises(ValidationError, match=r"punkt 2, 3 mangler en beslutning"):
        services.meeting_publish_minutes(meeting=meeting)
    for item in meeting.items.filter(number__in=[2, 3]):
        services.agenda_item_record_decision(item=item, outcome="", decision_text="Udsat")
    assert services.meeting_publish_minutes(meeting=meeting).minutes_published_at is not None
    assert meeting.items.get(number=2).decision_date == danish("2026-12-10").date()
    with pytest.raises(ValidationError, match="Skriv hvorfor"):
        services.meeting_cancel(meeting=make_meeting(), reason="  ")


def test_a_meeting_is_refused_with_danish_messages():
    bad = [
        ({"ends_at": danish("2026-12-10 16:00")}, "ends_at", "slutte, efter det er begyndt"),
        ({"place": "", "online": False}, "place", "online møde"),
        ({"not_in_official_system": False}, "official_url", "kommunens mødesystem"),
        ({"official_url": "https://dagsordener.holbaek.dk/1"}, "not_in_official_system",
         "fjern enten"),
        ({"area": LocalArea.objects.get(slug="tollose"), "starts_at": danish("2032-12-10")},
         "starts_at", "fem år frem"),
    ]  # fmt: skip
    for data, field, message in bad:
        with pytest.raises(ValidationError) as refusal:
            make_meeting(**data)
        assert message in " ".join(refusal.value.message_dict[field]), data
    ours = CommitteeFactory()
    other = CommitteeMemberFactory(committee=CommitteeFactory(slug="andet", name="Andet"))
    with pytest.raises(ValidationError, match="udvalgets medlemmer"):
        services.meeting_create(
            committee=ours,
            data={"starts_at": danish("2026-12-10 17:00"), "online": True,
                  "not_in_official_system": True}, absent_members=[other],
        )  # fmt: skip
    assert not Event.objects.exists()


def test_a_meeting_in_an_area_keeps_one_event_in_its_calendar(clock):
    tollose = LocalArea.objects.get(slug="tollose")
    jyderup = LocalArea.objects.get(slug="jyderup")
    meeting = make_meeting(area=tollose, place="Tølløse Kulturhus")
    event = meeting.event
    assert event.forum == tollose.forum
    assert event.origin == "committee"
    assert event.kind == "committee_meeting"
    assert event.ends_at == danish("2026-12-10 19:00")  # two hours when no end is given
    assert event.origin_path == f"/udvalget/moeder/{meeting.pk}/"
    meeting = services.meeting_update(meeting=meeting, data={"area": jyderup, "title": "Nyt"})
    assert Event.objects.get().pk == event.pk  # moved, not copied
    assert meeting.event.forum == jyderup.forum
    assert "Nyt" in meeting.event.title
    services.meeting_cancel(meeting=meeting, reason="Sygdom")
    assert Event.objects.get().cancelled is True
    services.meeting_reopen(meeting=meeting)
    assert Event.objects.get().cancelled is False
    services.meeting_update(meeting=meeting, data={"area": None})
    assert not Event.objects.exists()
    meeting.refresh_from_db()
    assert meeting.event is None


def test_a_meeting_in_an_area_without_a_forum_keeps_no_event(clock):
    bare = LocalArea.objects.create(slug="uden-forum", name="Uden forum", main_town="Nyby")
    meeting = make_meeting(area=LocalArea.objects.get(slug="tollose"))
    assert Event.objects.count() == 1
    meeting = services.meeting_update(meeting=meeting, data={"area": bare})
    assert meeting.area == bare
    assert meeting.event is None
    assert not Event.objects.exists()


def test_item_numbers_are_unique_per_meeting_and_renumbered():
    meeting = make_meeting()
    first, second = add_item(meeting), add_item(meeting)
    assert (first.number, second.number) == (1, 2)
    with pytest.raises(ValidationError) as refusal:
        add_item(meeting, number=2)
    assert refusal.value.message_dict["number"] == ["Punkt 2 findes allerede på dagsordenen."]
    assert add_item(make_meeting(), number=2).number == 2  # another meeting's own numbers
    third = add_item(meeting, number=7)
    services.agenda_items_renumber(meeting=meeting, order=[third.pk, first.pk, second.pk])
    numbers = dict(meeting.items.values_list("pk", "number"))
    assert numbers == {third.pk: 1, first.pk: 2, second.pk: 3}
    with pytest.raises(ValidationError, match="én gang"):
        services.agenda_items_renumber(meeting=meeting, order=[third.pk, third.pk, first.pk])


def test_the_agenda_is_closed_once_the_minutes_are_published(clock):
    meeting = _meeting_in(M.MINUTES_PUBLISHED, clock)
    item = meeting.items.get()
    for attempt in (
        lambda: add_item(meeting),
        lambda: services.agenda_item_update(item=item, data={"title": "Ændret"}),
        lambda: services.agenda_item_delete(item=item),
        lambda: services.agenda_attachment_add(
            item=item, uploaded=pdf_upload(), title="", user=None
        ),
        lambda: services.agenda_item_record_decision(item=item, outcome="approved"),
    ):
        with pytest.raises(ValidationError, match=r"[Rr]eferatet"):
            attempt()


def test_a_decision_needs_an_outcome_or_a_text_and_the_meeting_held(clock):
    meeting = make_meeting()
    item = add_item(meeting)
    with pytest.raises(ValidationError, match="når mødet er afholdt"):
        services.agenda_item_record_decision(item=item, outcome="approved")
    held(meeting, clock)
    with pytest.raises(ValidationError) as refusal:
        services.agenda_item_record_decision(item=item, outcome="", decision_text=" ")
    assert "skriv beslutningens tekst" in refusal.value.message_dict["outcome"][0]
    with pytest.raises(ValidationError, match="før mødet"):
        services.agenda_item_record_decision(
            item=item, outcome="approved", decision_date=danish("2026-12-01").date()
        )
    saved = services.agenda_item_record_decision(
        item=item, outcome="approved", decision_text="Godkendt som indstillet.",
        follow_up="Forvaltningen skriver til forummet.", follow_up_status="planned",
    )  # fmt: skip
    assert saved.has_decision


def test_an_attachment_is_checked_by_its_content(staff):
    item = add_item(make_meeting())
    document = services.agenda_attachment_add(item=item, uploaded=pdf_upload(), title="",
                                              user=staff)  # fmt: skip
    assert document.title == "bilag.pdf"
    assert document.agenda_item == item
    fake = pdf_upload("virus.pdf")
    fake.file.write(b"MZ")
    fake.file.seek(0)
    fake.file.truncate()
    fake.file.write(b"MZ\x90\x00")
    fake.size = 4
    fake.file.seek(0)
    with pytest.raises(ValidationError, match="kan ikke bruges"):
        services.agenda_attachment_add(item=item, uploaded=fake, title="", user=staff)


def _on_pool_item(clock, application):
    meeting = make_meeting()
    services.agenda_item_add(application=application, meeting=meeting)
    held(meeting, clock)
    return meeting.items.get()


def test_a_pool_decision_moves_the_application_and_writes_to_the_applicant(
    clock, in_review, staff, django_capture_on_commit_callbacks
):
    item = _on_pool_item(clock, in_review)
    assert item.round_id == in_review.round_id
    with django_capture_on_commit_callbacks(execute=True):
        decision = services.decision_record(
            application=in_review, user=staff, outcome="granted", amount=Decimal(60000),
            agenda_item=item,
        )  # fmt: skip
    in_review.refresh_from_db()
    assert in_review.status == Status.GRANTED
    assert decision.agenda_item == item
    assert any("Tilsagn" in message.subject for message in mail.outbox)
    # Every application on the pool item decided: the minutes can be published.
    assert services.meeting_publish_minutes(meeting=item.meeting).status == M.MINUTES_PUBLISHED


def test_a_pool_decision_over_budget_changes_nothing(clock, in_review, staff):
    item = _on_pool_item(clock, in_review)
    Round.objects.filter(pk=in_review.round_id).update(budget=Decimal(1000))
    with pytest.raises(ValidationError, match="tilbage af budgettet"):
        services.decision_record(
            application=in_review, user=staff, outcome="granted", amount=Decimal(60000),
            agenda_item=item,
        )  # fmt: skip
    in_review.refresh_from_db()
    assert in_review.status == Status.IN_REVIEW
    assert not Decision.objects.exists()
    assert not in_review.events.filter(to_status=Status.GRANTED).exists()


def test_a_pool_decision_only_for_an_application_on_the_item(clock, in_review, staff):
    item = add_item(make_meeting())
    with pytest.raises(ValidationError, match="ikke på dette dagsordenspunkt"):
        services.decision_record(application=in_review, user=staff, outcome="refused",
                                 reason="Nej", agenda_item=item)  # fmt: skip
    in_review.refresh_from_db()
    assert in_review.status == Status.IN_REVIEW


def test_a_pool_item_from_a_round_lists_its_applications_under_review(
    in_review, open_round, applicant
):
    draft = services.application_create(pool=open_round.pool, round_id=open_round.pk,
                                        user=applicant)  # fmt: skip
    meeting = make_meeting()
    item = services.agenda_item_from_round(meeting=meeting, round=open_round)
    assert list(item.applications.all()) == [in_review]
    assert draft not in item.applications.all()
    assert item.case_type == CaseType.DECISION
    assert list(item.areas.all()) == [in_review.area]
    again = services.agenda_item_from_round(meeting=meeting, round=open_round)
    assert again == item
    assert AgendaItem.objects.count() == 1
    assert item.pool_lines.count() == 1


def test_committee_and_member_dates_in_order():
    committee = CommitteeFactory()
    with pytest.raises(ValidationError) as refusal:
        services.committee_save(
            committee=committee, data={"period_end": danish("2020-01-01").date()}
        )
    assert "slutte efter" in refusal.value.message_dict["period_end"][0]
    with pytest.raises(ValidationError) as refusal:
        services.member_save(data={
            "committee": committee, "name": "Formand", "role": "chair",
            "from_date": danish("2024-01-01").date(), "to_date": danish("2023-01-01").date(),
        })  # fmt: skip
    assert "slutte efter" in refusal.value.message_dict["to_date"][0]
    member = services.member_save(data={"committee": committee, "name": "Formand",
                                        "from_date": danish("2024-01-01").date()})  # fmt: skip
    assert member.pk is not None
