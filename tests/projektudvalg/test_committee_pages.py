"""The committee's public pages: the committee, members on a date, meetings by year, a
meeting's agenda and minutes by the publication rules, decisions searched and by area."""

import datetime

import pytest
from django.utils import timezone

from lokalfora.models import LocalArea
from projektudvalg.models import (
    AgendaApplication,
    CaseType,
    Committee,
    Decision,
    DecisionOutcome,
    FollowUpStatus,
    MeetingStatus,
    MemberRole,
    Outcome,
)
from projektudvalg.selectors.committee import committee_page
from tests.clock import danish
from tests.factories.committee import (
    AgendaItemFactory,
    CommitteeFactory,
    CommitteeMemberFactory,
    MeetingFactory,
)

pytestmark = pytest.mark.django_db


def minutes_item(meeting=None, **fields):
    meeting = meeting or MeetingFactory(
        status=MeetingStatus.MINUTES_PUBLISHED, starts_at=danish("2025-03-10 17:00")
    )
    defaults = {
        "outcome": DecisionOutcome.APPROVED,
        "decision_text": "Udvalget godkendte indstillingen.",
        "decision_date": datetime.date(2025, 3, 10),
    }
    return AgendaItemFactory(meeting=meeting, **(defaults | fields))


def test_the_committee_page_shows_mandate_tracks_members_and_next_meeting(client, clock):
    clock.set("2025-06-01 12:00")
    committee = CommitteeFactory(
        slug="plan-og-udvikling",
        name="Udvalget for Plan og Lokal Udvikling",
        official_url="https://dagsordner.holbaek.dk/committee_1/",
        predecessor=Committee.objects.get(slug="projektudvalget"),
    )
    CommitteeMemberFactory(committee=committee, name="Formand", role=MemberRole.CHAIR,
                           party="Parti A", member_kind="Kommunalbestyrelsesmedlem")  # fmt: skip
    CommitteeMemberFactory(
        committee=committee,
        name="Gammelt medlem",
        from_date=datetime.date(2022, 1, 1),
        to_date=datetime.date(2024, 5, 1),
    )
    CommitteeMemberFactory(
        committee=committee, name="Kommende", from_date=datetime.date(2026, 1, 1)
    )
    MeetingFactory(
        committee=committee, starts_at=danish("2025-06-10 17:00"), place="Tølløse Hallen"
    )
    response = client.get("/udvalget/")
    html = response.content.decode()
    assert response.status_code == 200
    for expected in [
        committee.name,
        "Udvalget arbejder med udvikling af lokalområderne",
        "Formand",
        "Parti A",
        "Kommunalbestyrelsesmedlem",
        "Tidligere medlemmer",
        "Gammelt medlem",
        "projektudvalg@holbaek.dk",
        "https://dagsordner.holbaek.dk/committee_1/",
        'href="/puljer/"',
        'href="/saerlige-indsatser/"',
        'href="/nyheder/"',
        "Spørgeundersøgelser kommer senere",
        "Tølløse Hallen",
    ]:
        assert expected in html, expected
    assert "Kommende" not in html
    assert html.count("<h1") == 1


def test_members_on_a_date_and_former_members(clock):
    committee = CommitteeFactory()
    sits = CommitteeMemberFactory(committee=committee, to_date=datetime.date(2025, 12, 31))
    left = CommitteeMemberFactory(committee=committee, to_date=datetime.date(2024, 12, 31))
    page = committee_page(committee, day=datetime.date(2025, 12, 31))
    assert page.members == [sits]
    assert page.former_members == [left]
    page = committee_page(committee, day=datetime.date(2026, 1, 1))
    assert page.members == []
    assert page.former_members == [sits, left]


def test_an_earlier_committee_has_its_own_page_linked_both_ways(client):
    old = Committee.objects.get(slug="projektudvalget")  # reference data
    CommitteeFactory(slug="nyt", name="Det nye udvalg", predecessor=old,
                     period_start=datetime.date(2022, 1, 1))  # fmt: skip
    current = client.get("/udvalget/").content.decode()
    assert "Det nye udvalg" in current
    assert 'href="/udvalget/perioder/projektudvalget/"' in current
    earlier = client.get("/udvalget/perioder/projektudvalget/").content.decode()
    assert "afsluttet sin periode" in earlier
    assert 'href="/udvalget/perioder/nyt/"' in earlier
    assert client.get("/udvalget/perioder/findes-ikke/").status_code == 404


def test_without_a_committee_the_page_is_not_found(client):
    Committee.objects.all().delete()
    assert client.get("/udvalget/").status_code == 404


def test_meetings_by_year_with_status_cancellation_and_area(client, area):
    MeetingFactory(starts_at=danish("2024-05-01 17:00"), title="Forårsmøde")
    MeetingFactory(starts_at=danish("2025-02-01 17:00"), area=area, title="Mødet i Tølløse")
    MeetingFactory(starts_at=danish("2025-04-01 17:00"), status=MeetingStatus.CANCELLED,
                   cancel_reason="Ingen sager på dagsordenen")  # fmt: skip
    html = client.get("/udvalget/moeder/?aar=2025").content.decode()
    assert "Mødet i Tølløse" in html
    assert area.get_absolute_url() in html
    assert "Aflyst" in html
    assert "Ingen sager på dagsordenen" in html
    assert "Forårsmøde" not in html
    assert 'href="?aar=2024"' in html
    assert "Forårsmøde" in client.get("/udvalget/moeder/?aar=2024").content.decode()


@pytest.mark.parametrize("year", ["nonsense", "1899", "99999999999999999999", "2025'--"])
def test_a_bad_year_is_ignored_with_a_message(client, year):
    MeetingFactory(starts_at=danish("2025-02-01 17:00"))
    response = client.get("/udvalget/moeder/", {"aar": year, "side": "x"})
    assert response.status_code == 200
    assert "Årstallet blev ikke forstået" in response.content.decode()


def test_a_planned_meeting_shows_only_time_place_and_status(client):
    item = AgendaItemFactory(meeting=MeetingFactory(place="Rådhuset"), title="Hemmelig plan",
                             recommendation="Skjult indstilling")  # fmt: skip
    html = client.get(item.meeting.get_absolute_url()).content.decode()
    assert "Rådhuset" in html
    assert "Planlagt" in html
    assert "Hemmelig plan" not in html
    assert "Skjult indstilling" not in html
    assert "ikke offentliggjort endnu" in html


def test_an_agenda_shows_recommendations_but_no_decision_before_the_minutes(client):
    meeting = MeetingFactory(status=MeetingStatus.AGENDA_PUBLISHED)
    item = AgendaItemFactory(
        meeting=meeting, number=3, title="Ny legeplads",
        route="Projektudvalget\nØkonomiudvalget\nKommunalbestyrelsen",
        recommendation="Administrationen indstiller, at legepladsen bygges.",
        outcome=DecisionOutcome.APPROVED, decision_text="Forberedt beslutningstekst",
        decision_date=datetime.date(2025, 3, 10),
    )  # fmt: skip
    html = client.get(meeting.get_absolute_url()).content.decode()
    assert 'id="punkt-3"' in html
    assert "Ny legeplads" in html
    assert "Sagsgang og sagstype" in html
    assert "Projektudvalget → Økonomiudvalget → Kommunalbestyrelsen" in html
    assert "Beslutningssag" in html
    assert "legepladsen bygges" in html
    assert "Forberedt beslutningstekst" not in html
    assert "Beslutning i" not in html
    assert item.get_absolute_url().endswith("#punkt-3")


def test_the_minutes_show_each_decision_with_its_body_and_date(client, area, other_area):
    meeting = MeetingFactory(status=MeetingStatus.MINUTES_PUBLISHED, area=area,
                             starts_at=danish("2025-03-10 17:00"),
                             not_in_official_system=True)  # fmt: skip
    absent = CommitteeMemberFactory(committee=meeting.committee, name="Fraværende medlem")
    meeting.absent_members.add(absent)
    minutes_item(meeting, title="Trafiksikkerhed", areas=[other_area],
                 follow_up="Forvaltningen vender tilbage",
                 follow_up_status=FollowUpStatus.ONGOING)  # fmt: skip
    html = client.get(meeting.get_absolute_url()).content.decode()
    assert "Beslutning i PBL den 10-03-2025" in html
    assert "Udvalget godkendte indstillingen." in html
    assert "Forvaltningen vender tilbage" in html
    assert "I gang" in html
    assert "Fraværende medlem" in html
    assert "ikke i kommunens mødesystem" in html
    assert "/lokalomraader/jyderup/beslutninger/" in html


def test_a_pool_item_lists_its_applications_and_their_outcome_once_public(client, submitted, staff):
    submitted.title = "Ny shelterplads"
    submitted.save()
    meeting = MeetingFactory(status=MeetingStatus.AGENDA_PUBLISHED)
    item = AgendaItemFactory(meeting=meeting, round=submitted.round)
    AgendaApplication.objects.create(item=item, application=submitted, meeting=meeting)
    Decision.objects.create(application=submitted, outcome=Outcome.GRANTED, agenda_item=item,
                            decided_by=staff, amount=60000)  # fmt: skip
    html = client.get(meeting.get_absolute_url()).content.decode()
    assert "Ny shelterplads" in html
    assert "Bevilget" not in html
    meeting.status = MeetingStatus.MINUTES_PUBLISHED
    meeting.save()
    item.outcome = DecisionOutcome.APPROVED
    item.save()
    html = client.get(meeting.get_absolute_url()).content.decode()
    assert "Ny shelterplads" in html
    assert "Bevilget" in html


def test_a_closed_item_shows_only_its_number(client):
    meeting = MeetingFactory(status=MeetingStatus.MINUTES_PUBLISHED)
    minutes_item(meeting, number=4, is_closed=True, title="Køb af grund",
                 description="Fortrolig beskrivelse",
                 decision_text="Fortrolig beslutning")  # fmt: skip
    html = client.get(meeting.get_absolute_url()).content.decode()
    assert "4. Lukket punkt" in html
    for secret in ["Køb af grund", "Fortrolig beskrivelse", "Fortrolig beslutning"]:
        assert secret not in html


def test_a_closed_items_decision_shows_when_staff_marked_it_publishable(client):
    meeting = MeetingFactory(status=MeetingStatus.MINUTES_PUBLISHED)
    minutes_item(meeting, number=4, is_closed=True, closed_decision_public=True,
                 title="Køb af grund", decision_text="Udvalget godkendte købet.")  # fmt: skip
    html = client.get(meeting.get_absolute_url()).content.decode()
    assert "Lukket punkt" in html
    assert "Udvalget godkendte købet." in html
    assert "Køb af grund" not in html


def test_an_unknown_meeting_is_not_found(client):
    assert client.get("/udvalget/moeder/999999/").status_code == 404


def test_decisions_are_searched_by_text_area_case_type_and_year(client, area, other_area):
    minutes_item(title="Cykelsti til skolen", areas=[area])
    later = MeetingFactory(status=MeetingStatus.MINUTES_PUBLISHED,
                           starts_at=danish("2026-01-12 17:00"))  # fmt: skip
    minutes_item(later, title="Orientering om budget", case_type=CaseType.INFORMATION,
                 areas=[other_area])  # fmt: skip

    def titles(**params):
        return client.get("/udvalget/beslutninger/", params).content.decode()

    assert "Cykelsti til skolen" in titles(q="cykelsti")
    assert "Orientering om budget" not in titles(q="cykelsti")
    assert "Orientering om budget" not in titles(omraade="tollose")
    assert "Cykelsti til skolen" not in titles(sagstype="information")
    assert "Cykelsti til skolen" in titles(aar="2025")
    assert "Cykelsti til skolen" not in titles(aar="2026")
    everything = titles()
    assert everything.index("Orientering om budget") < everything.index("Cykelsti til skolen")


@pytest.mark.parametrize(
    "params",
    [
        {"aar": "abc"},
        {"omraade": "findes-ikke"},
        {"sagstype": "<script>"},
        {"q": "x" * 5000},
        {"q": "'\"&|!():*"},
        {"side": "-1"},
        {"side": "99999999999999999999"},
        {"q": "\x00"},
    ],
)
def test_bad_decision_filters_never_give_an_error(client, params):
    minutes_item(title="Cykelsti til skolen")
    response = client.get("/udvalget/beslutninger/", params)
    assert response.status_code == 200


def test_a_bad_filter_is_reported(client):
    html = client.get("/udvalget/beslutninger/", {"aar": "abc"}).content.decode()
    assert "Et af filtrene blev ikke forstået" in html


def test_the_area_lists_every_decision_tagged_with_it_newest_first(client, area, other_area):
    minutes_item(title="Ældre beslutning om Tølløse", areas=[area])
    newer = MeetingFactory(status=MeetingStatus.MINUTES_PUBLISHED,
                           starts_at=danish("2025-09-01 17:00"))  # fmt: skip
    minutes_item(newer, title="Nyere beslutning om Tølløse", areas=[area, other_area])
    minutes_item(newer, title="Kun om Jyderup", areas=[other_area])
    # Held in Tølløse but not tagged with it: not a decision about Tølløse.
    held_there = MeetingFactory(status=MeetingStatus.MINUTES_PUBLISHED, area=area,
                                starts_at=danish("2025-10-01 17:00"))  # fmt: skip
    minutes_item(held_there, title="Holdt i Tølløse", areas=[])
    AgendaItemFactory(meeting=MeetingFactory(status=MeetingStatus.AGENDA_PUBLISHED),
                      title="Kun på dagsordenen", areas=[area])  # fmt: skip
    html = client.get("/lokalomraader/tollose/beslutninger/").content.decode()
    assert "Hvad har udvalget besluttet om Tølløse?" in html
    assert html.index("Nyere beslutning") < html.index("Ældre beslutning")
    for absent in ["Kun om Jyderup", "Holdt i Tølløse", "Kun på dagsordenen"]:
        assert absent not in html
    assert client.get("/lokalomraader/findes-ikke/beslutninger/").status_code == 404


def test_the_area_page_shows_the_newest_five_decisions_and_links_to_all(client, area):
    for number in range(1, 8):
        minutes_item(
            MeetingFactory(status=MeetingStatus.MINUTES_PUBLISHED,
                           starts_at=danish(f"2025-0{number}-10 17:00")),
            title=f"Beslutning nummer {number}", areas=[area],
        )  # fmt: skip
    html = client.get("/lokalomraader/tollose/").content.decode()
    assert "Hvad har udvalget besluttet om vores område?" in html
    assert "Beslutning nummer 7" in html
    assert "Beslutning nummer 3" in html
    assert "Beslutning nummer 2" not in html
    assert "/lokalomraader/tollose/beslutninger/" in html
    assert (
        "Hvad har udvalget besluttet" not in client.get("/lokalomraader/jyderup/").content.decode()
    )


def test_the_area_list_page_still_renders(client, area):
    minutes_item(title="Beslutning om Tølløse", areas=[area])
    assert client.get("/lokalomraader/").status_code == 200


def test_timezone_year_boundary(client):
    # A meeting at 00:30 Danish time on 1 January belongs to the new year.
    MeetingFactory(starts_at=danish("2026-01-01 00:30"), title="Nytårsmøde")
    assert "Nytårsmøde" in client.get("/udvalget/moeder/?aar=2026").content.decode()
    assert "Nytårsmøde" not in client.get("/udvalget/moeder/?aar=2025").content.decode()
    assert timezone.is_aware(danish("2026-01-01 00:30"))


@pytest.fixture(autouse=True)
def _areas(reference_data):
    assert LocalArea.objects.exists()
