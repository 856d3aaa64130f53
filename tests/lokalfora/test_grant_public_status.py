"""Item 16: one rule (selectors.status_for) labels a year's amounts on every public page and
export: approved for everyone once approved; before that a draft ("kladde") only to those
who manage the grants, and to everyone else a proposal that says it is not approved."""

import json
import re

import pytest

from lokalfora.services import grants as services
from tests.matrix import ROLE_NAMES

pytestmark = pytest.mark.django_db

MANAGERS = {"committee_staff", "admin", "staff_admin"}
PAGES = ["/lokalomraader/tollose/", "/tilskud/", "/tilskud/2026/"]


@pytest.fixture(autouse=True)
def _december(time_machine):
    # December of the scheme's year, when the grant had shown publicly as "(kladde)".
    time_machine.move_to("2026-12-10 12:00 +01:00", tick=False)


def main_text(response):
    assert response.status_code == 200
    html = response.content.decode()
    return re.sub(r"<[^>]+>", " ", html[html.index("<main") : html.index("</main>")])


def exported_statuses(client):
    data = json.loads(client.get("/tilskud/2026/tilskud.json").content)
    text = client.get("/tilskud/2026/tilskud.csv").content.decode("utf-8-sig")
    rows = [line.split(";") for line in text.splitlines()]
    column = rows[0].index("status")
    return {data["status"], *(row["status"] for row in data["omraader"])}, {
        row[column] for row in rows[1:]
    }


@pytest.mark.parametrize("role", ROLE_NAMES)
@pytest.mark.parametrize("url", PAGES)
def test_a_draft_year_is_a_labelled_proposal_except_to_grant_managers(client_as, scheme, role, url):
    text = main_text(client_as(role).get(url)).lower()
    if role in MANAGERS:
        assert "kladde" in text
    else:
        assert "kladde" not in text
        assert "forslag, ikke godkendt" in text


@pytest.mark.parametrize("role", ROLE_NAMES)
def test_the_exports_say_the_same(client_as, scheme, role):
    expected = "kladde" if role in MANAGERS else "forslag"
    assert exported_statuses(client_as(role)) == ({expected}, {expected})


@pytest.mark.parametrize("role", ["anonymous", "committee_staff"])
def test_an_approved_year_is_approved_for_everyone(client_as, scheme, role):
    services.grant_scheme_approve(scheme=scheme, user=None)
    client = client_as(role)
    for url in PAGES:
        text = main_text(client.get(url)).lower()
        assert "kladde" not in text
        assert "forslag" not in text
    assert "godkendt" in main_text(client.get("/tilskud/2026/")).lower()
    assert exported_statuses(client) == ({"godkendt"}, {"godkendt"})
