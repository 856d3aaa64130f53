"""The special efforts' public pages: the list and its filters, the effort's page, the block
on each affected area's page (TRACKS A(d) 3, 6, 8, 9, 10)."""

import datetime
import re

import pytest
from django.urls import reverse

from lokalfora.models import LocalArea
from projektudvalg.models import EffortAction, EffortStatus, MeetingStatus
from tests.factories import AgendaItemFactory, MeetingFactory, SpecialEffortFactory
from tests.projektudvalg.effort_data import fill, group, member, running_effort
from tests.querycount import assert_constant_queries

pytestmark = pytest.mark.django_db


@pytest.fixture
def areas(reference_data):
    return {area.slug: area for area in LocalArea.objects.select_related("forum")}


def _text(response) -> str:
    return re.sub(r"[ \t\n]+", " ", response.text)


def test_the_block_appears_on_each_affected_area_page_and_not_on_others(client, areas):
    """A(d) 3: an effort with areas X and Y shows on X's and Y's pages, not on Z's."""
    running_effort([areas["tollose"], areas["undlose"]], title="Tølløse og Undløse sætter kurs")
    for slug in ("tollose", "undlose"):
        page = client.get(reverse("lokalfora:area-detail", kwargs={"slug": slug})).text
        assert "Særlig indsats" in page
        assert "Tølløse og Undløse sætter kurs" in page
    other = client.get(reverse("lokalfora:area-detail", kwargs={"slug": "jyderup"})).text
    assert "Tølløse og Undløse sætter kurs" not in other
    assert 'id="efforts-heading"' not in other


def test_a_proposed_effort_is_not_public(client, areas):
    proposed = SpecialEffortFactory(areas=[areas["tollose"]], title="Et forslag")
    assert client.get(proposed.get_absolute_url()).status_code == 404
    assert "Et forslag" not in client.get(reverse("projektudvalg:effort-list")).text
    assert "Et forslag" not in client.get("/lokalomraader/tollose/").text


def test_the_progress_is_the_weighted_mean_shown_as_text_and_bar(client, areas):
    """A(d) 6 through the page, and A(d) 10: the bar has its text equivalent."""
    effort = running_effort([areas["tollose"], areas["undlose"]])
    EffortAction.objects.create(effort=effort, title="Børnehuset", progress=90, weight=2)
    EffortAction.objects.create(effort=effort, title="Rådhuset", progress=30, weight=1)
    page = _text(client.get(effort.get_absolute_url()))
    assert "70 % gennemført" in page
    assert '<progress max="100" value="70" aria-hidden="true">' in page
    assert "90 % gennemført" in page
    assert "30 % gennemført" in page
    listing = _text(client.get(reverse("projektudvalg:effort-list")))
    assert "70 % gennemført" in listing
    for action in EffortAction.objects.filter(effort=effort):
        action.weight = None
        action.save()  # a save, so the page cache's version moves on
    assert "60 % gennemført" in _text(client.get(effort.get_absolute_url()))


def test_no_actions_is_no_progress_not_zero(client, areas):
    effort = running_effort([areas["tollose"], areas["undlose"]])
    page = _text(client.get(effort.get_absolute_url()))
    assert "Ingen handlinger endnu" in page
    assert "0 % gennemført" not in page


def test_a_non_consenting_members_name_never_appears(client, areas):
    """A(d) 8: names only with consent; the count includes everyone accepted."""
    effort = running_effort([areas["tollose"], areas["undlose"]], internal_notes="Hemmelig note")
    working_group = group(effort, contact_name="Kontakt Uden Samtykke")
    member(working_group, "Vibeke Viser", show_name=True)
    member(working_group, "Hanne Hemmelig")
    member(working_group, "Anders Anmoder", show_name=True, status="requested")
    page = client.get(effort.get_absolute_url()).text
    assert "Vibeke Viser" in page
    assert "Hanne Hemmelig" not in page
    assert "Anders Anmoder" not in page  # not (yet) a member
    assert "Kontakt Uden Samtykke" not in page
    assert "Hemmelig note" not in page
    assert "2 medlemmer" in page
    working_group.contact_name_public = True
    working_group.save()
    assert "Kontakt Uden Samtykke" in client.get(effort.get_absolute_url()).text


def test_the_page_shows_overview_commitments_budget_and_decision(client, areas):
    effort = running_effort(
        [areas["tollose"], areas["undlose"]],
        tagline="Tølløse sætter kurs",
        summary_easy="Kommunen og borgerne arbejder sammen.",
        lead_role="Projektleder i Plan og Udvikling",
        lead_mailbox="plan@holbaek.dk",
        partner_committees="Klimaudvalget\nKulturudvalget",
        selection_basis="Befolkningsprognosen viser færre børn.",
    )
    fill(effort, groups=2, lines=2)
    page = _text(client.get(effort.get_absolute_url()))
    for text in [
        "Tølløse sætter kurs",
        "Kommunen og borgerne arbejder sammen.",
        "Projektleder i Plan og Udvikling",
        "mailto:plan@holbaek.dk",
        "Klimaudvalget, Kulturudvalget",
        "Befolkningsprognosen viser færre børn.",
        "Kommunen lover",
        f"{areas['tollose'].forum.name} lover",
        "Kommentar 0",
        "I alt 2.001\xa0kr., heraf ekstern finansiering 0\xa0kr.",
        "Valg af områder til særlig indsats",
        "Godkendt",
        "Aktiv",
        "Jeg vil være med",
        "Følg indsatsen",
    ]:
        assert text in page, text
    assert areas["tollose"].get_absolute_url() in page


def test_a_closed_or_unpublished_item_shows_no_text(client, areas):
    effort = running_effort([areas["tollose"], areas["undlose"]])
    closed = AgendaItemFactory(
        meeting=MeetingFactory(status=MeetingStatus.MINUTES_PUBLISHED),
        title="Hemmeligt punkt",
        is_closed=True,
        decision_text="Hemmelig beslutning",
    )
    planned = AgendaItemFactory(meeting=MeetingFactory(), title="Endnu ikke offentligt")
    effort.agenda_items.add(closed, planned)
    page = client.get(effort.get_absolute_url()).text
    assert "Lukket punkt" in page
    assert "Hemmeligt punkt" not in page
    assert "Hemmelig beslutning" not in page
    assert "Endnu ikke offentligt" not in page


def test_the_list_filters_by_status_area_and_year(client, areas):
    running_effort([areas["tollose"], areas["undlose"]], title="Tølløse-indsatsen")
    running_effort(
        [areas["jyderup"], areas["svinninge"]],
        title="Jyderup-indsatsen",
        status=EffortStatus.FINISHED,
        period_start=datetime.date(2020, 1, 1),
        period_end=datetime.date(2021, 12, 31),
    )
    url = reverse("projektudvalg:effort-list")

    def titles(query):
        text = client.get(url + query).text
        return {t for t in ("Tølløse-indsatsen", "Jyderup-indsatsen") if t in text}

    assert titles("") == {"Tølløse-indsatsen", "Jyderup-indsatsen"}
    assert titles("?status=finished") == {"Jyderup-indsatsen"}
    assert titles("?omraade=tollose") == {"Tølløse-indsatsen"}
    assert titles("?aar=2021") == {"Jyderup-indsatsen"}
    assert titles("?aar=2027") == {"Tølløse-indsatsen"}
    assert titles("?aar=2023") == set()
    bad_queries = ["?aar=abc", "?aar=99999", "?status=proposed", "?status=x", "?omraade=x"]
    for bad in bad_queries:
        response = client.get(url + bad)
        assert response.status_code == 200, bad
        assert "Tølløse-indsatsen" in response.text, bad


def test_the_list_pages(client, areas):
    for number in range(22):
        running_effort([areas["tollose"], areas["undlose"]], title=f"Indsats nr. {number:02}")
    first = client.get(reverse("projektudvalg:effort-list") + "?omraade=tollose").text
    assert first.count("Indsats nr.") == 20
    assert "omraade=tollose&amp;side=2" in first
    second = client.get(reverse("projektudvalg:effort-list") + "?omraade=tollose&side=2").text
    assert second.count("Indsats nr.") == 2


def test_the_effort_page_stays_within_15_queries_at_full_size(
    client, areas, django_assert_max_num_queries
):
    """A(d) 9: 4 areas, 6 groups, 20 milestones, 30 actions."""
    four = [areas[slug] for slug in ("tollose", "undlose", "jyderup", "svinninge")]
    effort = running_effort(four)
    fill(effort, groups=6, milestones=20, actions=30, members=3)
    client.get(effort.get_absolute_url())  # warm per-process caches
    with django_assert_max_num_queries(15):
        response = client.get(effort.get_absolute_url())
    assert response.status_code == 200
    assert response.text.count("Handling ") == 30


@pytest.mark.parametrize(
    ("url", "limit"),
    [
        ("/saerlige-indsatser/tollose-indsatsen/", 15),
        ("/saerlige-indsatser/", 6),
        ("/saerlige-indsatser/?omraade=tollose&aar=2027", 6),
        # the area page's sections (the hearings' 1 and the municipal news's 1 of them) and
        # the effort block's 3
        ("/lokalomraader/tollose/", 20),
    ],
)
def test_the_pages_run_a_constant_number_of_queries(client, areas, url, limit):
    effort = running_effort([areas["tollose"], areas["undlose"]], slug="tollose-indsatsen")
    fill(effort, groups=1, milestones=1, actions=1, members=1, lines=1, updates=1)

    def grow():
        fill(effort, groups=5, milestones=10, actions=10, members=3, lines=3, updates=3)
        for number in range(5):
            other = running_effort([areas["tollose"], areas["undlose"]], slug=f"flere-{number}")
            fill(other, groups=1, actions=3)

    assert_constant_queries(client, url, grow, limit=limit)
