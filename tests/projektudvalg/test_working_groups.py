"""Working groups on an effort's page: "Jeg vil være med", the contact's answer (a declined
request is deleted at once), updates, forum comments on commitments, and following the
effort's areas in one go."""

import pytest
from django.core import mail
from django.urls import reverse

from lokalfora.models import LocalArea, Subscription
from lokalfora.services.forums import forum_editor_add
from projektudvalg import services
from projektudvalg.models import (
    CommitmentComment,
    CommitmentParty,
    EffortCommitment,
    EffortUpdate,
    MembershipStatus,
    WorkingGroupMember,
)
from projektudvalg.views import working_groups as group_views
from tests.factories import login, make_user
from tests.projektudvalg.effort_data import group, member, running_effort

pytestmark = pytest.mark.django_db


@pytest.fixture
def effort(area):
    return running_effort([area, LocalArea.objects.get(slug="undlose")], slug="tollose-kurs")


@pytest.fixture
def contact(db):
    return make_user("kontakt@example.org")


@pytest.fixture
def working_group(effort, contact):
    return group(effort, 1, name="Byrum", contact=contact)


@pytest.fixture
def citizen(client, db):
    user = make_user("borger@example.org")
    user.full_name = "Bente Borger"
    user.save()
    login(client, user)
    return user


def _join_url(group):
    return reverse("projektudvalg:group-join", args=[group.pk])


def test_a_citizen_asks_to_join_with_the_name_prefilled_and_consent_off(
    client, citizen, working_group
):
    page = client.get(_join_url(working_group)).text
    assert 'value="Bente Borger"' in page
    assert "Mit navn må vises på siden" in page
    assert 'name="show_name"' in page
    assert "checked" not in page.split('name="show_name"')[1].split(">")[0]
    response = client.post(_join_url(working_group), {"name": "Bente Borger", "message": "Hej"})
    assert response.status_code == 302
    request = WorkingGroupMember.objects.get(group=working_group)
    assert (request.user, request.status, request.show_name) == (
        citizen,
        MembershipStatus.REQUESTED,
        False,
    )


def test_a_second_request_and_a_closed_group_are_refused_in_danish(
    client, citizen, working_group, effort
):
    client.post(_join_url(working_group), {"name": "Bente"})
    again = client.post(_join_url(working_group), {"name": "Bente"})
    assert again.status_code == 400  # refused; the page says why and shows no form again
    assert "Du har bedt om at være med" in again.text
    assert WorkingGroupMember.objects.filter(group=working_group).count() == 1
    closed = group(effort, 2, open_for_new_members=False)
    response = client.post(_join_url(closed), {"name": "Bente"})
    assert response.status_code == 400
    assert "Gruppen tager ikke imod nye medlemmer lige nu." in response.text
    assert not WorkingGroupMember.objects.filter(group=closed).exists()


def test_bad_input_gives_400_and_keeps_what_was_typed(client, citizen, working_group):
    response = client.post(_join_url(working_group), {"name": "", "message": "Jeg kan male"})
    assert response.status_code == 400
    assert "Skriv dit navn." in response.text
    assert "Jeg kan male" in response.text
    assert client.get(reverse("projektudvalg:group-join", args=[999999])).status_code == 404


def test_anonymous_is_sent_to_login(client, working_group):
    response = client.get(_join_url(working_group))
    assert response.status_code == 302
    assert response.url.startswith("/konto/login/")


def test_join_requests_are_rate_limited(client, citizen, effort, monkeypatch):
    monkeypatch.setattr(group_views, "JOIN_LIMIT", 1)
    first, second = group(effort, 1), group(effort, 2)
    assert client.post(_join_url(first), {"name": "Bente"}).status_code == 302
    assert client.post(_join_url(second), {"name": "Bente"}).status_code == 429


def test_the_contact_accepts_and_declines_and_the_requester_is_told(
    client, contact, working_group, effort, django_capture_on_commit_callbacks
):
    asker = make_user("aase@example.org")
    other = make_user("ole@example.org")
    accepted = member(working_group, "Aase Accepteret", status="requested", user=asker)
    declined = member(working_group, "Ole Afvist", status="requested", user=other)
    login(client, contact)
    url = reverse("projektudvalg:group-requests", args=[working_group.pk])
    page = client.get(url).text
    assert "Aase Accepteret" in page
    assert "Ole Afvist" in page
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(url, {"request": accepted.pk, "answer": "accept"}).status_code == 302
        assert client.post(url, {"request": declined.pk, "answer": "decline"}).status_code == 302
    accepted.refresh_from_db()
    assert accepted.status == MembershipStatus.ACCEPTED
    assert accepted.decided_at is not None
    # Privacy: the declined request, name and all, is gone at decision time.
    assert not WorkingGroupMember.objects.filter(pk=declined.pk).exists()
    assert not WorkingGroupMember.objects.filter(name="Ole Afvist").exists()
    assert sorted(message.to[0] for message in mail.outbox) == [asker.email, other.email]
    assert "Du er nu med" in next(m.body for m in mail.outbox if m.to == [asker.email])
    # Answered already: refused, not a 500.
    again = client.post(url, {"request": accepted.pk, "answer": "decline"})
    assert again.status_code == 400
    assert "Anmodningen er allerede besvaret." in again.text


def test_forged_and_bad_answers(client, contact, working_group, effort):
    someone_elses = member(group(effort, 2), "Fremmed", status="requested")
    login(client, contact)
    url = reverse("projektudvalg:group-requests", args=[working_group.pk])
    assert client.post(url, {"request": someone_elses.pk, "answer": "accept"}).status_code == 404
    assert client.post(url, {"request": "x", "answer": "accept"}).status_code == 400
    mine = member(working_group, "Min", status="requested")
    assert client.post(url, {"request": mine.pk, "answer": "ja"}).status_code == 400
    someone_elses.refresh_from_db()
    assert someone_elses.status == MembershipStatus.REQUESTED


def test_the_group_contact_posts_an_update_that_shows_on_the_page(
    client, contact, working_group, effort
):
    login(client, contact)
    url = reverse("projektudvalg:group-update", args=[working_group.pk])
    assert client.post(url, {"text": ""}).status_code == 400
    assert client.post(url, {"text": "Vi har malet bænkene."}).status_code == 302
    update = EffortUpdate.objects.get()
    assert (update.group, update.author) == (working_group, contact)
    page = client.get(effort.get_absolute_url()).text
    assert "Vi har malet bænkene." in page
    assert reverse("projektudvalg:group-requests", args=[working_group.pk]) in page


def test_a_project_lead_posts_an_effort_update(client, effort):
    lead = make_user("leder@example.org")
    effort.leads.add(lead)
    login(client, lead)
    url = reverse("projektudvalg:effort-update", args=[effort.slug])
    assert url in client.get(effort.get_absolute_url()).text
    assert client.post(url, {"text": "Indsatsen er i gang."}).status_code == 302
    assert EffortUpdate.objects.get().group is None
    assert "Indsatsen er i gang." in client.get(effort.get_absolute_url()).text


def test_a_forum_contact_comments_on_their_forums_commitment_only(client, effort, area):
    editor = make_user("redaktoer@example.org")
    forum_editor_add(forum=area.forum, user=editor)
    ours = EffortCommitment.objects.create(
        effort=effort, party=CommitmentParty.FORUM, forum=area.forum, text="Vi samler frivillige."
    )
    municipal = EffortCommitment.objects.create(
        effort=effort, party=CommitmentParty.MUNICIPALITY, text="Kommunen renoverer."
    )
    login(client, editor)
    page = client.get(effort.get_absolute_url()).text
    ours_url = reverse("projektudvalg:commitment-comment", args=[ours.pk])
    municipal_url = reverse("projektudvalg:commitment-comment", args=[municipal.pk])
    assert ours_url in page
    assert municipal_url not in page
    assert client.post(municipal_url, {"text": "Nej"}).status_code == 403
    assert client.post(ours_url, {"text": ""}).status_code == 400
    assert client.post(ours_url, {"text": "Vi er 12 frivillige."}).status_code == 302
    comment = CommitmentComment.objects.get()
    assert (comment.forum, comment.author) == (area.forum, editor)
    assert "Vi er 12 frivillige." in client.get(effort.get_absolute_url()).text


def test_leaving_deletes_the_membership(working_group, citizen):
    services.working_group_join(group=working_group, user=citizen, name="Bente", show_name=True)
    services.working_group_leave(group=working_group, user=citizen)
    assert not WorkingGroupMember.objects.exists()


def test_following_the_effort_subscribes_to_its_areas_in_one_go(client, effort):
    url = reverse("projektudvalg:effort-follow", args=[effort.slug])
    page = client.get(url).text
    assert page.count('type="checkbox"') == 2
    assert page.count("checked") == 2
    response = client.post(url, {"email": "foelger@example.org", "areas": ["tollose", "undlose"]})
    assert response.status_code == 200
    assert "Tjek din e-mail" in response.text
    followed = set(Subscription.objects.values_list("area__slug", "confirmed_at"))
    assert followed == {("tollose", None), ("undlose", None)}  # double opt-in: unconfirmed
    assert len(mail.outbox) == 2


def test_the_follow_form_refuses_bad_input_and_keeps_it(client, effort):
    url = reverse("projektudvalg:effort-follow", args=[effort.slug])
    response = client.post(url, {"email": "ikke-en-adresse", "areas": ["tollose"]})
    assert response.status_code == 400
    assert "ikke-en-adresse" in response.text
    outside = client.post(url, {"email": "a@example.org", "areas": ["jyderup"]})
    assert outside.status_code == 400
    assert "Vælg blandt indsatsens lokalområder." in outside.text
    assert not Subscription.objects.exists()
    assert client.get("/saerlige-indsatser/findes-ikke/foelg/").status_code == 404
