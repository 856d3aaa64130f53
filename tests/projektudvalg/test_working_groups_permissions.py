"""Role matrices for the effort pages that are not public: joining a group, answering its
requests, posting updates (A(d) 7: another group's contact gets 403) and commenting on a
forum's commitments. Rows: tests/matrix.py's roles, plus the contact of this group, the
contact of another group, and a project lead of the effort."""

import pytest
from django.urls import reverse

from lokalfora.models import LocalArea
from projektudvalg.models import CommitmentParty, EffortCommitment
from tests.factories import login, make_user
from tests.matrix import ROLE_NAMES, assert_access
from tests.projektudvalg.effort_data import group, running_effort

pytestmark = pytest.mark.django_db

ROLES = [*ROLE_NAMES, "group_contact_this", "group_contact_other", "project_lead"]
STAFF = {"committee_staff", "staff_admin", "admin"}
SIGNED_IN = set(ROLES) - {"anonymous"}


@pytest.fixture
def setting(area, make_role_user):
    """An effort in Tølløse (the matrix's "this" forum) and Undløse, with two groups and a
    commitment of Tølløse's forum."""
    effort = running_effort([area, LocalArea.objects.get(slug="undlose")])
    this = group(effort, 1, contact=make_user("kontakt@example.org"))
    other = group(effort, 2, contact=make_user("anden-kontakt@example.org"))
    lead = make_user("projektleder@example.org")
    effort.leads.add(lead)
    commitment = EffortCommitment.objects.create(
        effort=effort, party=CommitmentParty.FORUM, forum=area.forum, text="Vi holder møder."
    )
    extra = {"group_contact_this": this.contact, "group_contact_other": other.contact}
    extra["project_lead"] = lead
    return {"effort": effort, "group": this, "commitment": commitment, "extra": extra}


@pytest.fixture
def sign_in_as(client, make_role_user, setting):
    def sign_in(role):
        user = setting["extra"].get(role) or make_role_user(role)
        if user is not None:
            login(client, user)
        return client

    return sign_in


@pytest.mark.parametrize("role", ROLES)
def test_group_join(sign_in_as, setting, role):
    response = sign_in_as(role).get(reverse("projektudvalg:group-join", args=[setting["group"].pk]))
    assert_access(response, role, SIGNED_IN)


@pytest.mark.parametrize("role", ROLES)
def test_group_requests(sign_in_as, setting, role):
    url = reverse("projektudvalg:group-requests", args=[setting["group"].pk])
    assert_access(sign_in_as(role).get(url), role, STAFF | {"group_contact_this"})


@pytest.mark.parametrize("role", ROLES)
def test_group_update(sign_in_as, setting, role):
    """A(d) 7: the group's own contact, never another group's."""
    url = reverse("projektudvalg:group-update", args=[setting["group"].pk])
    client = sign_in_as(role)
    assert_access(client.get(url), role, STAFF | {"group_contact_this"})
    response = client.post(url, {"text": "Nyt fra gruppen"})
    assert_access(response, role, STAFF | {"group_contact_this"}, ok=302)
    if role == "group_contact_other":
        assert response.status_code == 403


@pytest.mark.parametrize("role", ROLES)
def test_effort_update(sign_in_as, setting, role):
    url = reverse("projektudvalg:effort-update", args=[setting["effort"].slug])
    assert_access(sign_in_as(role).get(url), role, STAFF | {"project_lead"})


@pytest.mark.parametrize("role", ROLES)
def test_commitment_comment(sign_in_as, setting, role):
    """The editors of the commitment's forum (its contact persons with accounts) only."""
    url = reverse("projektudvalg:commitment-comment", args=[setting["commitment"].pk])
    client = sign_in_as(role)
    assert_access(client.get(url), role, {"editor_this"})
    response = client.post(url, {"text": "Lokalforummet er i gang."})
    assert_access(response, role, {"editor_this"}, ok=302)
