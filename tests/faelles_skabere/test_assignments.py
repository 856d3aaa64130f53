"""Staff hand an area over in one step and set stand-ins; the area page says so."""

import datetime

import pytest
from django.utils import timezone

from faelles_skabere.models import AreaAssignment, CoCreator, StandIn
from tests.querycount import assert_constant_queries

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff(client_as):
    return client_as("committee_staff")


def people():
    return (
        CoCreator.objects.get(title__contains="Tølløse"),
        CoCreator.objects.get(title__contains="Jyderup"),
    )


def test_reassigning_an_area_in_one_step(staff, area):
    tollose, jyderup = people()
    today = timezone.localdate()
    response = staff.post(
        "/faelles-skabere/tildeling/",
        {"action": "reassign", "skift-area": area.pk, "skift-co_creator": jyderup.pk,
         "skift-starts_on": today.isoformat()},
    )  # fmt: skip
    assert response.status_code == 302
    current = AreaAssignment.objects.fixed().current().get(area=area)
    assert current.co_creator == jyderup
    previous = AreaAssignment.objects.get(area=area, co_creator=tollose)
    assert previous.ended_on == today - datetime.timedelta(days=1)
    history = staff.get("/faelles-skabere/tildeling/").text.split("Tidligere faste fælles-skabere")
    assert tollose.title in history[1]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"skift-starts_on": "i morgen"}, "Skriv datoen som fx 24.12.2026."),
        ({"skift-starts_on": "IN_THREE_YEARS"}, "inden for et år tilbage og to år frem"),
        ({"skift-co_creator": "TOLLOSE"}, "er allerede fast fælles-skaber"),
    ],
)
def test_bad_reassignments_are_explained(staff, area, clock, data, message):
    tollose, jyderup = people()
    today = clock.today()
    base = {"action": "reassign", "skift-area": area.pk, "skift-co_creator": jyderup.pk,
            "skift-starts_on": today.isoformat()}  # fmt: skip
    if data.get("skift-co_creator") == "TOLLOSE":
        data = {"skift-co_creator": tollose.pk}
    if data.get("skift-starts_on") == "IN_THREE_YEARS":
        data = {"skift-starts_on": today.replace(year=today.year + 3, day=1).isoformat()}
    response = staff.post("/faelles-skabere/tildeling/", base | data)
    assert response.status_code == 400
    assert message in response.text
    assert AreaAssignment.objects.fixed().current().get(area=area).co_creator == tollose


def test_a_stand_in_is_announced_on_the_area_page(staff, client, area):
    tollose, jyderup = people()
    today = timezone.localdate()
    response = staff.post(
        "/faelles-skabere/tildeling/",
        {"action": "stand_in", "vikar-co_creator": tollose.pk, "vikar-stand_in": jyderup.pk,
         "vikar-starts_on": today.isoformat(),
         "vikar-ends_on": (today + datetime.timedelta(days=14)).isoformat()},
    )  # fmt: skip
    assert response.status_code == 302
    assert StandIn.objects.count() == 1
    page = client.get("/lokalomraader/tollose/").text
    assert f"{jyderup.title} tager sig af nye henvendelser" in page


def test_a_stand_in_for_oneself_or_backwards_is_refused(staff, area):
    tollose, _jyderup = people()
    today = timezone.localdate()
    response = staff.post(
        "/faelles-skabere/tildeling/",
        {"action": "stand_in", "vikar-co_creator": tollose.pk, "vikar-stand_in": tollose.pk,
         "vikar-starts_on": today.isoformat(),
         "vikar-ends_on": (today - datetime.timedelta(days=1)).isoformat()},
    )  # fmt: skip
    assert response.status_code == 400
    assert "En stedfortræder skal være en anden person." in response.text
    assert "Perioden skal slutte, efter den begynder." in response.text
    assert not StandIn.objects.exists()


def test_the_assignment_page_runs_a_constant_number_of_queries(staff, area):
    tollose, jyderup = people()

    def grow():
        today = timezone.localdate()
        for n in range(20):
            start = today + datetime.timedelta(days=30 * n)
            StandIn.objects.create(co_creator=tollose, stand_in=jyderup, starts_on=start,
                                   ends_on=start + datetime.timedelta(days=10))  # fmt: skip

    assert_constant_queries(staff, "/faelles-skabere/tildeling/", grow, limit=16)
