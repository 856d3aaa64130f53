"""Hostile posts to a draft: forged budget counts, huge texts and bidi overrides (issue 11)."""

from decimal import Decimal

import pytest

from holbaek.formsets import FORGED_MESSAGE
from tests.factories import login

pytestmark = pytest.mark.django_db

STORED = [("Materialer", Decimal(55000)), ("Håndværker", Decimal(10000))]


def draft_post(**changes):
    """What the edit page of the `draft` fixture sends: its two lines and one empty."""
    data = {
        "organisation": "Tølløse Borgerforening", "applicant_type": "association", "cvr": "",
        "area": "", "title": "Shelter ved søen", "description": "Et shelter",
        "amount_applied": "60.000", "cofinancing_cash": "5.000", "volunteer_hours": "0",
        "cofinancing_materials": "", "other_municipal": "", "timeline": "Foråret 2027",
        "contact_name": "Karen", "contact_email": "karen@example.org", "contact_phone": "",
        "budget-TOTAL_FORMS": "3", "budget-INITIAL_FORMS": "2",
        "budget-0-description": "Materialer", "budget-0-amount": "55.000",
        "budget-1-description": "Håndværker", "budget-1-amount": "10.000",
        "budget-2-description": "", "budget-2-amount": "",
        "save": "1",
    }  # fmt: skip
    return data | changes


def lines(application):
    return list(application.budget_lines.order_by("pk").values_list("description", "amount"))


@pytest.fixture
def editing(client, draft, applicant):
    login(client, applicant)
    assert lines(draft) == STORED
    return client, draft, f"/ansoegninger/{draft.pk}/rediger/"


@pytest.mark.parametrize(
    "counts",
    [
        {"budget-TOTAL_FORMS": "-1"},
        {"budget-TOTAL_FORMS": "0", "budget-INITIAL_FORMS": "0"},  # leaves out both lines
        {"budget-TOTAL_FORMS": "1", "budget-INITIAL_FORMS": "1"},  # leaves out one
        {"budget-TOTAL_FORMS": str(10**9)},
        {"budget-TOTAL_FORMS": "31"},
        {"budget-TOTAL_FORMS": "tre"},
        {"budget-TOTAL_FORMS": ""},
        {"budget-INITIAL_FORMS": "-1"},
        {"budget-INITIAL_FORMS": "4"},  # more initial forms than forms
        {"budget-INITIAL_FORMS": "x"},
    ],
)
def test_forged_budget_counts_are_refused_and_the_lines_kept(editing, counts):
    client, application, url = editing
    response = client.post(url, draft_post(title="Nyt navn", **counts))
    assert response.status_code == 400
    assert str(FORGED_MESSAGE) in response.text
    assert lines(application) == STORED
    application.refresh_from_db()
    assert application.title == "Nyt navn"  # the draft's other fields are saved as before
    assert application.status == "draft"


def test_a_post_with_every_line_emptied_still_removes_them(editing):
    """The refusal is only for counts the page cannot send: emptying lines is allowed."""
    client, application, url = editing
    emptied = {f"budget-{i}-{name}": "" for i in (0, 1) for name in ("description", "amount")}
    response = client.post(url, draft_post(**emptied))
    assert response.status_code == 302
    assert lines(application) == []


def test_a_post_may_add_lines_up_to_the_limit(editing):
    client, application, url = editing
    extra = {"budget-2-description": "Maling", "budget-2-amount": "1.000"}
    assert client.post(url, draft_post(**extra)).status_code == 302
    assert lines(application) == [*STORED, ("Maling", Decimal(1000))]


def test_a_two_million_character_description_is_refused_and_the_rest_kept(editing):
    client, application, url = editing
    response = client.post(
        url, draft_post(description="x" * 2_000_000, title="Nyt navn", timeline="Sommer 2027")
    )
    assert response.status_code == 400
    assert "Skriv højst 10000 tegn. Teksten har 2000000." in response.text
    assert 'value="Nyt navn"' in response.text  # what was typed elsewhere is kept on the page
    application.refresh_from_db()
    assert application.description == "Et shelter, hvor alle kan mødes."  # not replaced
    assert application.title == "Nyt navn"
    assert application.timeline == "Sommer 2027"
    assert lines(application) == STORED


def test_the_textarea_says_its_limit_to_the_browser(editing):
    client, _, url = editing
    assert 'maxlength="10000"' in client.get(url).text


def test_bidi_overrides_are_removed_from_the_title_and_the_lines(editing):
    client, application, url = editing
    title = "Shelter \u202eved søen\u202c \u2067x\u2069\u200f"
    response = client.post(url, draft_post(title=title, **{"budget-0-description": "\u202dTræ"}))
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.title == "Shelter ved søen x"
    assert lines(application)[0][0] == "Træ"


def test_line_breaks_count_as_the_browser_counts_them(editing):
    """The browser counts a line break as one character against maxlength; it sends two."""
    client, application, url = editing
    text = "a\r\n" * 1000 + "b" * 7000  # 10,000 characters in the browser
    assert client.post(url, draft_post(description=text)).status_code == 302
    application.refresh_from_db()
    assert application.description == "a\n" * 1000 + "b" * 7000
