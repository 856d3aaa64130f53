"""Who reaches a sparring request: the matrix over the roles, and the requester by link."""

import pytest

from faelles_skabere import mails
from tests.factories import give_mfa, login, make_confirmed_sparring_request, make_user
from tests.matrix import ROLE_NAMES

pytestmark = pytest.mark.django_db

# anonymous, citizen, editors, fælles-skaber (not assigned), the process consultant (a
# Fælles-skaber by Group), committee staff, the staff admin (no superuser) and admin:
READERS = {"co_creator", "process_consultant", "committee_staff", "staff_admin", "admin"}
HANDLERS = {"co_creator", "process_consultant", "staff_admin", "admin"}


@pytest.fixture
def sparring(reference_data, tollose_co_creator):
    return make_confirmed_sparring_request(area=tollose_co_creator.assignments.first().area)


def expected_for(role, allowed):
    if role in allowed:
        return 200
    return "login" if role == "anonymous" else 403


@pytest.mark.parametrize("role", ROLE_NAMES)
def test_inbox_and_request_pages(client_as, sparring, role):
    client = client_as(role)
    for url in ["/sparring/indbakke/", f"/sparring/indbakke/{sparring.pk}/"]:
        response = client.get(url)
        expected = expected_for(role, READERS)
        if expected == "login":
            assert response.status_code == 302
            assert response.url.startswith("/konto/login/")
        else:
            assert response.status_code == expected, (url, role)


@pytest.mark.parametrize("role", ROLE_NAMES)
def test_only_fælles_skabere_and_admins_act(client_as, sparring, role):
    client = client_as(role)
    response = client.post(
        f"/sparring/indbakke/{sparring.pk}/besked/", {"kind": "note", "body": "Intern note"}
    )
    acted = sparring.messages.filter(body="Intern note").exists()
    assert acted is (role in HANDLERS)
    if role not in HANDLERS:
        assert response.status_code in {302, 403}
    else:
        assert response.status_code == 302


def test_the_assigned_fælles_skaber_handles_their_request(client, sparring, tollose_co_creator):
    user = give_mfa(make_user("tollose-fs@example.org", role="Fælles-skaber"))
    tollose_co_creator.user = user
    tollose_co_creator.save()
    login(client, user)
    assert sparring.reference in client.get("/sparring/indbakke/").text  # under "Mine"
    response = client.post(
        f"/sparring/indbakke/{sparring.pk}/besked/", {"kind": "reply", "body": "Hej Karen"}
    )
    assert response.status_code == 302


def test_another_fælles_skaber_does_not_see_it_under_mine(client, sparring, jyderup_co_creator):
    user = give_mfa(make_user("jyderup-fs@example.org", role="Fælles-skaber"))
    jyderup_co_creator.user = user
    jyderup_co_creator.save()
    login(client, user)
    assert sparring.reference not in client.get("/sparring/indbakke/").text
    assert sparring.reference not in client.get("/sparring/indbakke/?fane=mine-omraader").text
    assert sparring.reference in client.get("/sparring/indbakke/?fane=alle").text


def test_the_requester_reaches_only_their_own_thread_by_link(client, sparring):
    url = mails.thread_url(sparring).removeprefix("http://testserver")
    page = client.get(url)
    assert page.status_code == 200
    assert "Hjælp til et møde" in page.text
    # Without the link there is no way in: the inbox needs a staff login.
    assert client.get(f"/sparring/indbakke/{sparring.pk}/").status_code == 302


@pytest.mark.parametrize("role", ROLE_NAMES)
def test_the_assignment_page(client_as, reference_data, role):
    response = client_as(role).get("/faelles-skabere/tildeling/")
    expected = expected_for(role, READERS)
    if expected == "login":
        assert response.status_code == 302
    else:
        assert response.status_code == expected
