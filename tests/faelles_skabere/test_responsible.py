"""The one answer to "who is this area's fælles-skaber on this date": `responsible_for`.

Routing, the area page, the pool mails (`responsible_for`), the pool permissions and the
advice list (`follows_area`, `areas_followed_by`) and the inbox's "Mine områder" tab
must all agree, stand-ins, dates and the process consultant included.
"""

import datetime

import pytest

from faelles_skabere.models import CoCreator, SparringRequest
from faelles_skabere.selectors import sparring as sparring_selectors
from faelles_skabere.selectors.assignments import (
    areas_followed_by,
    follows_area,
    responsible_for,
)
from faelles_skabere.services.assignments import assignment_create, stand_in_create
from holbaek import roles
from tests.factories import SparringRequestFactory, make_process_consultant, make_user

pytestmark = pytest.mark.django_db

DAY = datetime.timedelta(days=1)


@pytest.fixture
def today(time_machine):
    time_machine.move_to(datetime.datetime(2026, 6, 15, 12, tzinfo=datetime.UTC))
    return datetime.date(2026, 6, 15)


@pytest.fixture
def people(reference_data):
    """Tølløse's and Jyderup's fælles-skabere, each with an account."""
    found = {}
    for key, title in (("tollose", "Tølløse"), ("jyderup", "Jyderup")):
        person = CoCreator.objects.get(title__contains=title)
        person.user = make_user(f"{key}@example.org", role=roles.CO_CREATOR)
        person.save()
        found[key] = person
    return found


def request_in(area) -> SparringRequest:
    return SparringRequestFactory(area=area, routed=True)


def in_my_areas_tab(user, request) -> bool:
    return request in sparring_selectors.inbox(user=user, tab="mine-omraader")


def test_a_stand_in_finds_the_covered_areas_requests_under_my_areas(area, people, today):
    """The inbox used to ask `fixed_on().filter(co_creator=me)`: a stand-in, whom routing
    sends the area's new requests and the pool permissions let advise, found none of the
    area's requests under "Mine områder"."""
    stand_in_create(
        co_creator=people["tollose"], stand_in=people["jyderup"],
        starts_on=today - DAY, ends_on=today + 7 * DAY,
    )  # fmt: skip
    request = request_in(area)
    assert responsible_for(area).co_creator == people["jyderup"]
    assert in_my_areas_tab(people["jyderup"].user, request)
    assert in_my_areas_tab(people["tollose"].user, request)  # still the fixed fælles-skaber


SCENARIOS = {
    "fixed only": lambda people, area, today: None,
    "stand-in today": lambda people, area, today: stand_in_create(
        co_creator=people["tollose"], stand_in=people["jyderup"],
        starts_on=today, ends_on=today + DAY,
    ),
    "stand-in over": lambda people, area, today: stand_in_create(
        co_creator=people["tollose"], stand_in=people["jyderup"],
        starts_on=today - 5 * DAY, ends_on=today - DAY,
    ),
    "stand-in planned": lambda people, area, today: stand_in_create(
        co_creator=people["tollose"], stand_in=people["jyderup"],
        starts_on=today + DAY, ends_on=today + 5 * DAY,
    ),
    "handover planned": lambda people, area, today: assignment_create(
        area=area, co_creator=people["jyderup"], starts_on=today + 3 * DAY
    ),
    "handed over today": lambda people, area, today: assignment_create(
        area=area, co_creator=people["jyderup"], starts_on=today
    ),
}  # fmt: skip


@pytest.mark.parametrize("scenario", SCENARIOS)
def test_every_reader_gives_the_same_answer(area, people, today, scenario):
    SCENARIOS[scenario](people, area, today)
    consultant = make_process_consultant(area)  # a process in the area never counts
    request = request_in(area)
    responsible = responsible_for(area)
    named = {person.user_id for person in responsible.people} if responsible else set()
    for user in (people["tollose"].user, people["jyderup"].user, consultant):
        expected = user.pk in named
        assert follows_area(user, area.pk) is expected, user
        assert (area.pk in set(areas_followed_by(user).values_list("area_id", flat=True))) is (
            expected
        )
        assert in_my_areas_tab(user, request) is expected, user
