"""Contact persons: consent dates, and the rule that a forum always keeps one."""

import datetime
import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection, connections
from django.utils import timezone

from lokalfora.models import ContactPerson, Forum
from lokalfora.services.contacts import contact_create, contact_remove, contact_update
from tests.factories import ContactPersonFactory

pytestmark = pytest.mark.django_db

DATA = {"name": "Karen Opdigtet", "role": "Formand", "email": "karen@example.org", "phone": ""}


def test_consent_is_recorded_as_the_date_it_was_given_and_withdrawn_by_clearing_it(area):
    contact = contact_create(forum=area.forum, data=DATA, public_fields={"name"})
    today = timezone.localdate()
    assert contact.name_public_since == today
    assert contact.email_public_since is None
    assert contact.last_confirmed == today

    contact.name_public_since = datetime.date(2025, 5, 1)
    contact.save()
    contact_update(contact=contact, data={}, public_fields={"name", "email"})
    assert contact.name_public_since == datetime.date(2025, 5, 1)  # kept, not reset
    assert contact.email_public_since == today
    contact_update(contact=contact, data={}, public_fields=set())
    assert (contact.name_public_since, contact.email_public_since) == (None, None)


def test_a_contact_needs_an_email_or_a_phone(area):
    with pytest.raises(ValidationError) as refused:
        contact_create(
            forum=area.forum, data={**DATA, "email": "", "phone": ""}, public_fields={"name"}
        )
    assert "e-mailadresse eller et telefonnummer" in str(refused.value)


def test_the_last_active_contact_cannot_be_removed_or_deactivated(area):
    only = ContactPersonFactory(forum=area.forum)
    with pytest.raises(ValidationError) as refused:
        contact_remove(contact=only)
    assert refused.value.code == "last_contact"
    with pytest.raises(ValidationError):
        contact_update(contact=only, data={"is_active": False}, public_fields=set())
    assert ContactPerson.objects.get(pk=only.pk).is_active


def test_a_contact_can_go_once_another_is_active(area):
    first = ContactPersonFactory(forum=area.forum)
    inactive = ContactPersonFactory(forum=area.forum, name="Passiv", is_active=False)
    with pytest.raises(ValidationError):
        contact_remove(contact=first)  # the inactive one does not count
    contact_remove(contact=inactive)  # removing an inactive one is fine

    ContactPersonFactory(forum=area.forum, name="Anden")
    contact_remove(contact=first)
    assert ContactPerson.objects.active().filter(forum=area.forum).count() == 1


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_two_concurrent_removals_leave_one_contact(reference_data):
    """Without the row lock both would see "another one is left" and both would go."""
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL's row locks")
    forum = Forum.objects.get(area__slug="oro")
    first = ContactPersonFactory(forum=forum)
    second = ContactPersonFactory(forum=forum, name="Anden")
    barrier = threading.Barrier(2)
    outcomes = []

    def remove(contact):
        try:
            barrier.wait(timeout=10)
            contact_remove(contact=contact)
            outcomes.append("removed")
        except ValidationError:
            outcomes.append("refused")
        finally:
            connections.close_all()

    threads = [threading.Thread(target=remove, args=(c,)) for c in (first, second)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert sorted(outcomes) == ["refused", "removed"]
    assert ContactPerson.objects.active().filter(forum=forum).count() == 1
