import datetime

import pytest
from django.db import IntegrityError, transaction

from faelles_skabere.models import AreaAssignment, AssignmentKind, CoCreator, CoCreatorKind
from lokalfora.models import LocalArea
from tests.factories import AreaAssignmentFactory

pytestmark = pytest.mark.django_db


def test_seven_co_creators_and_a_process_consultant_cover_every_area(reference_data):
    assert CoCreator.objects.filter(kind=CoCreatorKind.CO_CREATOR).count() == 7
    assert CoCreator.objects.filter(kind=CoCreatorKind.PROCESS_CONSULTANT).count() == 1
    for area in LocalArea.objects.all():
        assert AreaAssignment.objects.fixed().current().filter(area=area).count() == 1
    per_person = [
        c.assignments.count() for c in CoCreator.objects.filter(kind=CoCreatorKind.CO_CREATOR)
    ]
    assert sorted(per_person) == [2, 2, 2, 3, 3, 3, 3]
    consultant = CoCreator.objects.get(kind=CoCreatorKind.PROCESS_CONSULTANT)
    assert sorted(consultant.assignments.processes().values_list("area__slug", flat=True)) == [
        "gislinge",
        "regstrup",
        "store-merlose",
        "tuse-naes",
    ]
    # The product ships roles, never real people's names.
    assert not CoCreator.objects.exclude(name="").exists()


def test_the_database_refuses_a_second_current_co_creator_for_an_area(reference_data):
    area = LocalArea.objects.get(slug="oro")
    other = CoCreator.objects.exclude(assignments__area=area).first()
    with pytest.raises(IntegrityError), transaction.atomic():
        AreaAssignmentFactory(area=area, co_creator=other, started_on=datetime.date(2026, 6, 1))


def test_a_process_may_run_beside_the_fixed_co_creator(reference_data):
    area = LocalArea.objects.get(slug="oro")
    consultant = CoCreator.objects.get(kind=CoCreatorKind.PROCESS_CONSULTANT)
    AreaAssignmentFactory(
        area=area,
        co_creator=consultant,
        kind=AssignmentKind.PROCESS,
        started_on=datetime.date(2026, 6, 1),
    )
    assert AreaAssignment.objects.current().filter(area=area).count() == 2


def test_an_assignment_cannot_end_before_it_starts(reference_data):
    assignment = AreaAssignment.objects.fixed().current().first()
    assignment.ended_on = assignment.started_on - datetime.timedelta(days=1)
    with pytest.raises(IntegrityError), transaction.atomic():
        assignment.save()


def test_directory_lists_everyone_with_their_areas(client, reference_data):
    response = client.get("/faelles-skabere/")
    assert response.status_code == 200
    assert "Fælles-skaber for Tølløse, Undløse og Stestrup" in response.text
    assert "Proceskonsulent" in response.text
    assert "/lokalomraader/undlose/" in response.text
    assert "Procesforløb" in response.text
    assert "(2019–2020)" in response.text
