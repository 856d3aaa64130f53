"""The process consultant runs processes in areas but is never an area's fixed fælles-skaber."""

import datetime
import threading
import time

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, connections, transaction
from django.utils import timezone

from faelles_skabere.models import AreaAssignment, AssignmentKind, CoCreator, CoCreatorKind
from faelles_skabere.selectors import assignments as selectors
from faelles_skabere.services.assignments import assignment_create
from faelles_skabere.services.sparring_routing import sparring_request_route
from holbaek import roles
from lokalfora.models import LocalArea
from tests.factories import (
    AreaAssignmentFactory,
    CoCreatorFactory,
    make_process_consultant,
    make_user,
)

pytestmark = pytest.mark.django_db

DAY = datetime.date(2026, 6, 15)


@pytest.fixture
def consultant(reference_data):
    return CoCreator.objects.get(kind=CoCreatorKind.PROCESS_CONSULTANT)


@pytest.fixture
def tollose(reference_data):
    return CoCreator.objects.get(title__contains="Tølløse")


def test_the_service_refuses_to_make_the_consultant_fixed(area, consultant, tollose):
    with pytest.raises(ValidationError, match="Proceskonsulenten kan ikke være fast"):
        assignment_create(area=area, co_creator=consultant, starts_on=DAY)
    assert AreaAssignment.objects.fixed_on(DAY).get(area=area).co_creator == tollose


def test_the_assignment_page_does_not_offer_the_consultant(client_as, area, consultant):
    staff = client_as("committee_staff")
    page = staff.get("/faelles-skabere/tildeling/").text
    assert (
        f'<option value="{consultant.pk}"'
        not in page.split('name="skift-co_creator"')[1].split("</select>")[0]
    )
    response = staff.post(
        "/faelles-skabere/tildeling/",
        {"action": "reassign", "skift-area": area.pk, "skift-co_creator": consultant.pk,
         "skift-starts_on": timezone.localdate().isoformat()},
    )  # fmt: skip
    assert response.status_code == 400  # the form's error, nothing saved
    assert not AreaAssignment.objects.fixed().filter(co_creator=consultant).exists()


def test_the_admin_checks_refuse_it_too(area, consultant, tollose):
    """AreaAssignment.clean and CoCreator.clean, which the admin's forms call."""
    assignment = AreaAssignment(area=area, co_creator=consultant, started_on=DAY)
    with pytest.raises(ValidationError, match="Proceskonsulenten"):
        assignment.full_clean()
    tollose.kind = CoCreatorKind.PROCESS_CONSULTANT
    with pytest.raises(ValidationError, match="Proceskonsulenten"):
        tollose.full_clean()


@pytest.mark.postgres
def test_postgres_refuses_a_fixed_assignment_for_the_consultant(area, consultant, tollose):
    if connection.vendor != "postgresql":
        pytest.skip("the trigger is PostgreSQL's")
    with pytest.raises(IntegrityError), transaction.atomic():
        AreaAssignmentFactory(
            area=area, co_creator=consultant, started_on=datetime.date(2010, 1, 1),
            ended_on=datetime.date(2010, 12, 31),
        )  # fmt: skip
    process = AreaAssignment.objects.filter(co_creator=consultant).first()
    with pytest.raises(IntegrityError), transaction.atomic():
        AreaAssignment.objects.filter(pk=process.pk).update(kind=AssignmentKind.FIXED)
    with pytest.raises(IntegrityError), transaction.atomic():
        CoCreator.objects.filter(pk=tollose.pk).update(kind=CoCreatorKind.PROCESS_CONSULTANT)


def test_a_running_process_does_not_make_the_consultant_the_areas_fælles_skaber(
    area, tollose, time_machine
):
    time_machine.move_to(datetime.datetime(2026, 6, 15, 12, tzinfo=datetime.UTC))
    user = make_process_consultant(area)
    tollose.user = make_user("tollose@example.org", role=roles.CO_CREATOR)
    tollose.save()
    assert selectors.current_co_creator(area) == tollose
    assert sparring_request_route(area=area, topic="event", on=DAY).co_creator == tollose
    assert not selectors.follows_area(user, area.pk)
    assert selectors.follows_area(tollose.user, area.pk)


def _fixed_assignment(area, person):
    AreaAssignmentFactory(
        area=area, co_creator=person, started_on=datetime.date(2010, 1, 1),
        ended_on=datetime.date(2010, 12, 31),
    )  # fmt: skip


def _made_consultant(person):
    CoCreator.objects.filter(pk=person.pk).update(kind=CoCreatorKind.PROCESS_CONSULTANT)


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("first", ["assignment", "kind"])
def test_a_fixed_assignment_and_becoming_the_consultant_cannot_both_commit(reference_data, first):
    """Each of the two waits for the other's transaction, whichever comes first; a trigger
    that locked the person's row only when it was already the consultant let both commit."""
    if connection.vendor != "postgresql":
        pytest.skip("the triggers and row locks are PostgreSQL's")
    area = LocalArea.objects.get(slug="oro")
    person = CoCreatorFactory(title="Ny fælles-skaber")
    writes = {
        "assignment": lambda: _fixed_assignment(area, person),
        "kind": lambda: _made_consultant(person),
    }
    second = "kind" if first == "assignment" else "assignment"
    written = threading.Event()
    outcomes = {}

    def run(step, before, after):
        try:
            with transaction.atomic():
                before()
                writes[step]()
                after()
            outcomes[step] = "committed"
        except IntegrityError:
            outcomes[step] = "refused"
        finally:
            connections.close_all()

    def hold_open():
        written.set()
        time.sleep(1)  # the second one runs now, against this uncommitted write

    threads = [
        threading.Thread(target=run, args=(first, lambda: None, hold_open)),
        threading.Thread(target=run, args=(second, lambda: written.wait(10), lambda: None)),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert outcomes == {first: "committed", second: "refused"}
    person.refresh_from_db()
    fixed = AreaAssignment.objects.fixed().filter(co_creator=person).exists()
    assert not (fixed and person.kind == CoCreatorKind.PROCESS_CONSULTANT)
