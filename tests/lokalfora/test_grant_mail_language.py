"""Item 18a: a forum's grant mail made while an English request is active is wholly Danish."""

import datetime

import pytest
from django.core import mail
from django.utils import translation

from lokalfora.services import grant_followup as followup
from lokalfora.services.forums import forum_editor_add
from tests.factories import make_user

pytestmark = pytest.mark.django_db


def test_the_accounts_reminder_is_danish_during_an_english_request(paid, area):
    paid.accounts_due = datetime.date(2026, 3, 31)
    paid.save()
    forum_editor_add(forum=area.forum, user=make_user("kasserer@example.org"))
    mail.outbox.clear()
    with translation.override("en"):
        assert followup.annual_accounts_remind_overdue() == 1
    [message] = mail.outbox
    assert message.subject == f"Påmindelse: regnskab for tilskuddet {paid.year}"
    assert message.body.startswith(f"Hej\n\nI har fået tilskud for {paid.year}")
    assert message.body.endswith("Venlig hilsen\nHolbæk Kommune")
