"""Yearly confirmation of contact details, the staff overview and the reminder task."""

import datetime

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from lokalfora.models import Forum
from lokalfora.tasks import send_confirmation_reminders
from tests.factories import ContactPersonFactory
from tests.querycount import assert_constant_queries

pytestmark = pytest.mark.django_db
LONG_AGO = datetime.date(2024, 1, 1)


def test_one_click_confirms_all_active_contacts(client_as, area):
    old = ContactPersonFactory(forum=area.forum, last_confirmed=LONG_AGO)
    inactive = ContactPersonFactory(
        forum=area.forum, name="Passiv", is_active=False, last_confirmed=LONG_AGO
    )
    response = client_as("editor_this").post("/lokalomraader/tollose/kontaktpersoner/bekraeft/")
    assert response.status_code == 302
    old.refresh_from_db()
    inactive.refresh_from_db()
    assert old.last_confirmed == timezone.localdate()
    assert inactive.last_confirmed == LONG_AGO


@pytest.mark.parametrize("role", ["anonymous", "citizen", "editor_other", "co_creator"])
def test_only_the_forums_editors_may_confirm(client_as, area, role):
    old = ContactPersonFactory(forum=area.forum, last_confirmed=LONG_AGO)
    response = client_as(role).post("/lokalomraader/tollose/kontaktpersoner/bekraeft/")
    assert response.status_code in {302, 403}
    old.refresh_from_db()
    assert old.last_confirmed == LONG_AGO


def test_confirming_needs_a_post(client_as, area):
    assert (
        client_as("editor_this").get("/lokalomraader/tollose/kontaktpersoner/bekraeft/").status_code
        == 405
    )


def test_the_overview_lists_what_is_missing(client_as, make_role_user, area, other_area):
    make_role_user("editor_this")
    make_role_user("editor_other")
    stale = ContactPersonFactory(forum=area.forum, name="Gammel", last_confirmed=LONG_AGO)
    ContactPersonFactory(forum=other_area.forum, name="Frisk", last_confirmed=timezone.localdate())
    response = client_as("committee_staff").get("/lokalomraader/overblik/")
    assert response.status_code == 200
    overview = response.context
    assert [c.pk for c in overview["stale"]] == [stale.pk]
    assert area.forum not in overview["without_contact"]
    assert Forum.objects.get(area__slug="oro") in overview["without_contact"]
    assert area.forum not in overview["without_editor"]
    assert other_area.forum not in overview["without_editor"]
    assert Forum.objects.get(area__slug="oro") in overview["without_editor"]


def test_the_overview_runs_a_constant_number_of_queries(client_as, reference_data):
    staff = client_as("co_creator")

    def grow():
        for forum in Forum.objects.all():
            for number in range(3):
                ContactPersonFactory(forum=forum, name=f"Person {number}", last_confirmed=LONG_AGO)

    grow()
    assert_constant_queries(staff, "/lokalomraader/overblik/", grow, limit=8)


def test_reminders_go_to_editors_of_forums_with_stale_contacts(make_role_user, area, other_area):
    make_role_user("editor_this")  # edits Tølløse
    make_role_user("editor_other")  # edits Jyderup
    ContactPersonFactory(forum=area.forum, last_confirmed=LONG_AGO)  # stale
    ContactPersonFactory(forum=other_area.forum, last_confirmed=timezone.localdate())  # fresh
    ContactPersonFactory(
        forum=Forum.objects.get(area__slug="oro"), last_confirmed=LONG_AGO
    )  # stale, but the forum has no editor

    assert send_confirmation_reminders.call() == 1
    [message] = mail.outbox
    assert message.to == ["redaktoer@example.org"]
    assert "Bekræft kontaktoplysningerne for Lokalforum Tølløse" in message.subject
    assert "/lokalomraader/tollose/kontaktpersoner/" in message.body


def test_the_command_runs_the_task(make_role_user, area):
    make_role_user("editor_this")
    ContactPersonFactory(forum=area.forum, last_confirmed=LONG_AGO)
    call_command("send_confirmation_reminders", "--now", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert len(mail.outbox) == 1
    call_command("send_confirmation_reminders", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert len(mail.outbox) == 2  # the test settings run queued tasks at once
