"""The granted list pages through its projects; its count and total come from the database."""

import pytest

from projektudvalg.views.public import PROJECTS_PER_PAGE
from tests.projektudvalg.test_pages import granted_application
from tests.querycount import assert_constant_queries

pytestmark = pytest.mark.django_db


def test_the_granted_list_pages_and_totals_every_project_not_only_the_shown(
    client, open_round, applicant, staff
):
    count = PROJECTS_PER_PAGE + 2
    for number in range(count):
        granted_application(open_round, applicant, staff, title=f"Projekt {number:03}", amount=1000)
    first = client.get("/puljer/bevillinger/").text
    assert f"{count} projekter, i alt {count},000\xa0kr." not in first  # not Danish digits
    assert f"{count} projekter, i alt {count}.000\xa0kr." in first
    assert first.count("Projekt 0") == PROJECTS_PER_PAGE
    second = client.get("/puljer/bevillinger/?pulje=rum-til-faellesskab&side=2").text
    assert second.count("Projekt 0") == 2
    assert "pulje=rum-til-faellesskab&amp;side=1" in second  # the filter stays in the pager
    assert client.get("/puljer/bevillinger/?side=abc").status_code == 200


def test_the_granted_list_runs_a_constant_number_of_queries(client, open_round, applicant, staff):
    granted_application(open_round, applicant, staff, title="Første", amount=1000)

    def grow():
        for number in range(12):
            granted_application(
                open_round, applicant, staff, title=f"Projekt {number}", amount=1000
            )

    assert_constant_queries(client, "/puljer/bevillinger/", grow, limit=8)
