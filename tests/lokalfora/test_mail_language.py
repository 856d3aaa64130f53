"""Item 18a: a forum mail made while an English request is active is wholly Danish."""

import pytest
from django.core import mail
from django.utils import translation

from lokalfora.services.invitations import editor_invitation_send
from lokalfora.services.subscriptions import subscription_create

pytestmark = pytest.mark.django_db


def test_the_follow_confirmation_is_danish_during_an_english_request(area):
    with translation.override("en"):
        subscription_create(area=area, email="borger@example.org")
    [message] = mail.outbox
    assert message.subject == f"Bekræft, at du vil følge {area.name}"
    assert message.body.startswith("Hej\n\nNogen – forhåbentlig dig – har bedt om at følge")
    assert "Hello" not in message.body
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"


def test_an_invitation_is_danish_during_an_english_request(make_role_user, area):
    inviter = make_role_user("editor_this")
    with translation.override("en"):
        editor_invitation_send(forum=area.forum, email="ny@example.org", invited_by=inviter)
    [message] = mail.outbox
    assert message.subject == f"Du er inviteret til at redigere {area.forum.name}"
    assert message.body.startswith("Hej\n\n")
    assert message.body.endswith("Venlig hilsen\nHolbæk Kommune")
