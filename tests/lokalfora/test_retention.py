"""Old versions of contact persons and old invitations are deleted as staff have set."""

import datetime

import pytest
from django.utils import timezone

from lokalfora.models import ContactPerson, EditorInvitation, RetentionSettings
from lokalfora.services.contacts import contact_create, contact_update
from lokalfora.services.retention import retention_purge

pytestmark = pytest.mark.django_db


def test_old_contact_versions_and_invitations_go_recent_ones_stay(area):
    contact = contact_create(
        forum=area.forum, data={"name": "Karen", "email": "karen@example.org"}, public_fields=set()
    )
    contact_update(contact=contact, data={"phone": "12345678"}, public_fields=set())
    old = timezone.now() - datetime.timedelta(days=800)
    ContactPerson.history.filter(history_type="+").update(history_date=old)
    invitation = EditorInvitation.objects.create(forum=area.forum, email="ny@example.org")
    EditorInvitation.objects.filter(pk=invitation.pk).update(created_at=old)
    EditorInvitation.objects.create(forum=area.forum, email="frisk@example.org")

    assert retention_purge() == {"contact_history": 1, "invitations": 1}
    assert ContactPerson.history.filter(id=contact.pk).count() == 1  # the recent change
    assert list(EditorInvitation.objects.values_list("email", flat=True)) == ["frisk@example.org"]
    assert ContactPerson.objects.get(pk=contact.pk).phone == "12345678"  # the contact stays


def test_the_period_is_set_by_staff(area):
    contact = contact_create(
        forum=area.forum, data={"name": "Karen", "email": "karen@example.org"}, public_fields=set()
    )
    ContactPerson.history.filter(id=contact.pk).update(
        history_date=timezone.now() - datetime.timedelta(days=100)
    )
    assert retention_purge()["contact_history"] == 0
    settings = RetentionSettings.current()
    settings.contact_history_months = 3
    settings.save()
    assert retention_purge()["contact_history"] == 1


def test_the_history_page_says_how_long(client_as, area):
    page = client_as("co_creator").get("/lokalomraader/tollose/historik/").text
    assert "slettes efter 24 måneder" in page
