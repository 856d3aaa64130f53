"""Staff statistics: counts per area, topic and month, time to first answer, CSV without names."""

import csv
import datetime
import io

import pytest
from django.utils import timezone

from faelles_skabere.models import SparringRequest
from faelles_skabere.selectors import sparring_stats as stats
from tests.factories import make_confirmed_sparring_request
from tests.querycount import assert_constant_queries

pytestmark = pytest.mark.django_db
CPH = timezone.get_default_timezone()


def confirmed(area, topic, confirmed_at, answered_at=None, due=None):
    request = make_confirmed_sparring_request(area=area, topic=topic, description="x")
    SparringRequest.objects.filter(pk=request.pk).update(
        confirmed_at=confirmed_at, first_answered_at=answered_at, answer_due_on=due
    )
    return request


def at(*args):
    return datetime.datetime(*args, tzinfo=CPH)


@pytest.fixture
def three(area, other_area):
    # Monday 2 March 2026: answered Wednesday (2 working days), due Thursday: within.
    confirmed(area, "event", at(2026, 3, 2, 10), at(2026, 3, 4, 9), datetime.date(2026, 3, 5))
    # Wednesday 1 April 2026: Easter follows; answered Wednesday 8 April: 2 working days
    # (7 and 8 April), due Tuesday 7 April: late.
    confirmed(other_area, "event", at(2026, 4, 1, 10), at(2026, 4, 8, 9), datetime.date(2026, 4, 7))
    # No area, never answered, due long ago: counts as missed.
    confirmed(None, "hearing", at(2026, 4, 20, 10), None, datetime.date(2026, 4, 23))


def test_the_figures(three):
    data = stats.overview(2026)
    assert data.total == 3
    assert dict(data.per_area) == {"Jyderup": 1, "Tølløse": 1, "På tværs / ved ikke": 1}
    assert dict(data.per_topic)["Arrangement eller møde"] == 2
    assert dict(data.per_topic)["Høring"] == 1
    assert dict(data.per_month) == dict.fromkeys(stats.MONTHS, 0) | {"mar": 1, "apr": 2}
    assert data.answered == 2
    assert data.median_working_days == 2
    assert (data.within_target, data.measured, data.within_target_percent) == (1, 3, 33)


def test_the_page_shows_charts_with_tables_and_runs_constant_queries(client_as, three, area):
    staff = client_as("committee_staff")
    page = staff.get("/sparring/oversigt/?aar=2026").text
    assert page.count('<svg role="img"') == 3
    assert "33 % (1 af 3)" in page
    assert "2,0 arbejdsdage" in page

    def grow():
        for day in range(1, 20):
            confirmed(area, "other", at(2026, 5, day, 10), at(2026, 5, day, 15), None)

    assert_constant_queries(staff, "/sparring/oversigt/?aar=2026", grow, limit=14)


def test_the_csv_has_no_personal_data(client_as, three):
    response = client_as("co_creator").get("/sparring/oversigt/sparring.csv?aar=2026")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    text = response.content.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    assert rows[0][0] == "nummer"
    assert len(rows) == 4
    assert "Karen" not in text
    assert "karen@example.org" not in text
    assert rows[1][9:] == ["2", "ja"]


@pytest.mark.parametrize("year", ["abc", "1999", "3000"])
def test_a_bad_year_falls_back_to_this_year(client_as, reference_data, year):
    response = client_as("committee_staff").get(f"/sparring/oversigt/?aar={year}")
    assert response.status_code == 200
    assert f"Oversigt over sparring {timezone.localdate().year}" in response.text


@pytest.mark.parametrize("url", ["/sparring/oversigt/", "/sparring/oversigt/sparring.csv"])
@pytest.mark.parametrize(
    "role", ["anonymous", "citizen", "editor_this", "co_creator", "committee_staff", "admin"]
)
def test_who_sees_the_overview(client_as, reference_data, url, role):
    response = client_as(role).get(url)
    if role in {"co_creator", "committee_staff", "admin"}:
        assert response.status_code == 200
    else:
        assert response.status_code in {302, 403}
