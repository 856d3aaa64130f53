"""The area's fælles-skaber: a list of applications waiting for their advice, and a mail."""

import pytest

from faelles_skabere.models import CoCreator
from holbaek import roles
from projektudvalg import services
from tests.factories import complete, give_mfa, login, make_process_consultant, make_user
from tests.querycount import assert_constant_queries

pytestmark = pytest.mark.django_db

URL = "/puljer/raadgivning/"


@pytest.fixture
def tollose_user(reference_data):
    """The user of Tølløse's fixed fælles-skaber (the matrix's area), with the role mailbox."""
    user = give_mfa(make_user("fs-tollose@example.org", role=roles.CO_CREATOR))
    CoCreator.objects.filter(title__contains="Tølløse").update(
        user=user, email="tollose@holbaek.dk"
    )
    return user


def submit_new(open_round, applicant, **changes):
    application = services.application_create(
        pool=open_round.pool, round_id=open_round.pk, user=applicant
    )
    return services.application_submit(application=complete(application, **changes), user=applicant)


def test_the_list_shows_what_waits_in_ones_areas(client, tollose_user, open_round, applicant,
                                                 other_area, draft):  # fmt: skip
    waiting = submit_new(open_round, applicant, title="Shelter ved søen")
    answered = submit_new(open_round, applicant, title="Bålhytte")
    services.advisory_note_create(application=answered, user=tollose_user, text="God idé")
    submit_new(open_round, applicant, title="Jyderup-projekt", area=other_area)
    page = login(client, tollose_user).get(URL).text
    assert waiting.reference in page
    assert answered.reference not in page  # already advised
    assert "Jyderup-projekt" not in page  # another fælles-skaber's area
    assert page.count("/puljer/behandling/") == 1  # and never the draft


def test_a_process_in_the_area_lists_nothing(client, area, open_round, applicant):
    submit_new(open_round, applicant)
    page = login(client, make_process_consultant(area)).get(URL)
    assert page.status_code == 200
    assert "Ingen ansøgninger venter" in page.text


def test_the_list_is_paginated_with_a_constant_number_of_queries(
    client, tollose_user, open_round, applicant
):
    login(client, tollose_user)
    submit_new(open_round, applicant)

    def grow():
        for n in range(30):
            submit_new(open_round, applicant, title=f"Projekt {n}")

    assert_constant_queries(client, URL, grow, limit=16)
    assert client.get(URL).text.count("/puljer/behandling/") == 25
    assert client.get(URL + "?side=2").text.count("/puljer/behandling/") == 6


def test_submitting_mails_the_areas_fixed_fælles_skaber(
    tollose_user, open_round, applicant, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        application = submit_new(open_round, applicant)
    asked = [m for m in mailoutbox if "venter på din rådgivning" in m.subject]
    assert len(asked) == 1
    assert asked[0].to == ["tollose@holbaek.dk"]
    assert application.reference in asked[0].subject
    assert f"/puljer/behandling/{application.pk}/" in asked[0].body
    assert URL in asked[0].body


def test_no_mail_to_the_process_consultant(
    area, open_round, applicant, mailoutbox, django_capture_on_commit_callbacks
):
    make_process_consultant(area)
    CoCreator.objects.filter(kind="process_consultant").update(email="proces@holbaek.dk")
    CoCreator.objects.filter(title__contains="Tølløse").update(email="tollose@holbaek.dk")
    with django_capture_on_commit_callbacks(execute=True):
        submit_new(open_round, applicant)
    asked = [m for m in mailoutbox if "venter på din rådgivning" in m.subject]
    assert [m.to for m in asked] == [["tollose@holbaek.dk"]]
