"""The Django admin saves efforts and their rows through the services."""

import pytest

from lokalfora.models import Event, LocalArea
from projektudvalg.models import Milestone, SpecialEffort
from tests.factories.committee import CommitteeFactory
from tests.projektudvalg.effort_data import running_effort

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client_as, clock):
    clock.set("2027-02-01 09:00")  # signed in at the test's time
    return client_as("admin")


def test_an_effort_added_in_the_admin_keeps_the_bounds(admin_client, reference_data):
    committee = CommitteeFactory()
    tollose = LocalArea.objects.get(slug="tollose")
    form = {
        "committee": committee.pk,
        "title": "Ny",
        "slug": "ny-indsats",
        "tagline": "Kurs",
        "summary": "Kort",
        "areas": [tollose.pk],
        "budget_lines-TOTAL_FORMS": 0,
        "budget_lines-INITIAL_FORMS": 0,
        "transitions-TOTAL_FORMS": 0,
        "transitions-INITIAL_FORMS": 0,
    }
    response = admin_client.post("/admin/projektudvalg/specialeffort/add/", form)
    assert response.status_code == 200
    assert "mellem 2 og 4 lokalområder" in response.content.decode()
    assert not SpecialEffort.objects.exists()
    form["areas"] = [tollose.pk, LocalArea.objects.get(slug="oro").pk]
    response = admin_client.post("/admin/projektudvalg/specialeffort/add/", form)
    assert response.status_code == 302
    assert SpecialEffort.objects.get().areas.count() == 2
    page = admin_client.get(
        f"/admin/projektudvalg/specialeffort/{SpecialEffort.objects.get().pk}/change/"
    )
    assert 'name="status"' not in page.content.decode()


def test_a_milestone_added_in_the_admin_is_in_the_calendars(admin_client, reference_data):
    areas = list(LocalArea.objects.filter(slug__in=["tollose", "oro"]))
    effort = running_effort(areas)  # a proposed effort's milestones are in no calendar
    form = {
        "effort": effort.pk,
        "title": "Fest",
        "kind": "party",
        "place": "Hallen",
        "starts_at_0": "2027-05-24",
        "starts_at_1": "17:00",
        "ends_at_0": "2027-05-24",
        "ends_at_1": "20:00",
    }
    response = admin_client.post("/admin/projektudvalg/milestone/add/", form)
    assert response.status_code == 302, response.content.decode()[:2000]
    assert response.url == "/admin/projektudvalg/milestone/"
    assert Milestone.objects.get().events.count() == 2
    milestone = Milestone.objects.get()
    admin_client.post(f"/admin/projektudvalg/milestone/{milestone.pk}/delete/", {"post": "yes"})
    assert not Event.objects.exists()
