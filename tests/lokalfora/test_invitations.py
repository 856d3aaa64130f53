"""Inviting volunteer editors: signed, expiring, single-use links."""

import re
import time

import pytest
from django.core import mail, signing

from lokalfora.invitation_tokens import invitation_token
from lokalfora.models import EditorInvitation, ForumEditor
from lokalfora.services.invitations import editor_invitation_send
from tests.factories import login, make_user

pytestmark = pytest.mark.django_db


def link_path():
    return re.search(r"https?://[^/]+(/invitation/\S+/)", mail.outbox[-1].body).group(1)


@pytest.fixture
def invited(make_role_user, area):
    inviter = make_role_user("editor_this")
    editor_invitation_send(forum=area.forum, email="Ny.Frivillig@example.org", invited_by=inviter)
    return EditorInvitation.objects.get()


def test_an_editor_invites_by_email(client_as, area):
    editor = client_as("editor_this")
    response = editor.post("/lokalomraader/tollose/redaktoerer/", {"email": "ny@example.org"})
    assert response.status_code == 302
    [message] = mail.outbox
    assert message.to == ["ny@example.org"]
    assert "Lokalforum Tølløse" in message.subject
    assert "/invitation/" in message.body
    assert "ny@example.org" in editor.get("/lokalomraader/tollose/redaktoerer/").text


def test_bad_invitation_input_is_explained_and_kept(client_as, area):
    editor = client_as("editor_this")
    response = editor.post("/lokalomraader/tollose/redaktoerer/", {"email": "ikke-en-adresse"})
    assert response.status_code == 200
    assert "gyldig e-mail" in response.text
    assert 'value="ikke-en-adresse"' in response.text
    response = editor.post(
        "/lokalomraader/tollose/redaktoerer/", {"email": "redaktoer@example.org"}
    )
    assert "er allerede redaktør" in response.text
    assert not mail.outbox


def test_the_invited_person_accepts_and_becomes_editor_of_that_forum_only(
    client, invited, other_area
):
    path = link_path()
    anonymous = client.get(path)
    assert anonymous.status_code == 200
    assert "/konto/login/?next=" in anonymous.text
    assert client.post(path).url.startswith("/konto/login/")

    volunteer = make_user("ny.frivillig@example.org")
    login(client, volunteer)
    response = client.post(path)
    assert response.status_code == 302
    assert response.url == "/lokalomraader/tollose/"
    assert ForumEditor.objects.filter(forum=invited.forum, user=volunteer).exists()
    assert client.get("/lokalomraader/tollose/rediger/").status_code == 200
    assert client.get("/lokalomraader/jyderup/rediger/").status_code == 403

    again = client.post(path)
    assert again.status_code == 400
    assert "allerede brugt" in again.text


def test_someone_else_cannot_use_the_link(client, invited):
    login(client, make_user("anden@example.org"))
    response = client.post(link_path())
    assert response.status_code == 400
    assert "sendt til en anden e-mailadresse" in response.text
    assert not ForumEditor.objects.filter(user__email="anden@example.org").exists()


def test_an_unverified_address_is_not_enough(client, invited):
    login(client, make_user("ny.frivillig@example.org", verified=False))
    assert client.post(link_path()).status_code in {302, 400}
    assert not ForumEditor.objects.filter(user__email="ny.frivillig@example.org").exists()


def test_a_tampered_link_is_refused(client, invited):
    path = link_path()
    tampered = path[:-3] + ("A" if path[-3] != "A" else "B") + path[-2:]
    response = client.get(tampered)
    assert response.status_code == 400
    assert "ikke gyldigt" in response.text
    assert client.get("/invitation/noget-helt-andet/").status_code == 400


def test_an_expired_link_is_refused(client, invited, monkeypatch):
    real_time = time.time
    monkeypatch.setattr(signing.time, "time", lambda: real_time() - 15 * 24 * 3600)
    old_token = invitation_token(invited)
    monkeypatch.setattr(signing.time, "time", real_time)
    response = client.get(f"/invitation/{old_token}/")
    assert response.status_code == 400
    assert "udløbet" in response.text


def test_an_editor_can_leave_and_staff_can_remove(client_as, make_role_user, area):
    editor = client_as("editor_this")
    me = ForumEditor.objects.get(forum=area.forum).user
    colleague = make_user("kollega@example.org")
    from lokalfora.services.forums import forum_editor_add

    forum_editor_add(forum=area.forum, user=colleague)
    # An editor cannot remove a colleague ...
    assert (
        editor.post(f"/lokalomraader/tollose/redaktoerer/{colleague.pk}/fjern/").status_code == 403
    )
    # ... but can leave.
    assert editor.post(f"/lokalomraader/tollose/redaktoerer/{me.pk}/fjern/").status_code == 302
    assert not ForumEditor.objects.filter(user=me).exists()
    # Staff remove editors.
    staff = client_as("co_creator")
    assert (
        staff.post(f"/lokalomraader/tollose/redaktoerer/{colleague.pk}/fjern/").status_code == 302
    )
    assert not ForumEditor.objects.filter(forum=area.forum).exists()
