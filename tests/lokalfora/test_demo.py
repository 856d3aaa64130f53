"""The demo content is dated relative to the day it is loaded, so it never goes stale."""

import io

import pytest
from django.core.management import call_command

from lokalfora.models import ContactPerson
from lokalfora.selectors.contacts import stale_contacts


@pytest.mark.parametrize("today", ["2026-12-01", "2027-06-15", "2030-01-02"])
def test_the_demo_contacts_are_freshly_confirmed_whenever_it_is_loaded(db, clock, today):
    clock.set(today)
    call_command("load_reference_data", stdout=io.StringIO())
    call_command("demo", force=True, stdout=io.StringIO())
    contacts = ContactPerson.objects.all()
    assert contacts.exists()
    assert not stale_contacts().exists()
    assert all(contact.name_public_since <= clock.today() for contact in contacts)
