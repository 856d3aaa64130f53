"""The Django admin keeps the portal's rules: it changes through the services, or only shows.

Tested as the staff admin (an Administrator with is_staff and the model permissions,
not a superuser: see docs/roles.md), and as the superuser.
"""

import pytest
from django.contrib.messages import get_messages

from faelles_skabere.models import AreaAssignment
from lokalfora.models import ContactPerson
from tests.factories import ContactPersonFactory

pytestmark = pytest.mark.django_db

ADMINS = ["staff_admin", "admin"]
LAST = "Et lokalforum skal altid have mindst én aktiv kontaktperson"


@pytest.fixture
def last_contact(area):
    ContactPerson.objects.filter(forum=area.forum).delete()
    return ContactPersonFactory(forum=area.forum, name="Karen")


def change_data(contact, **changes):
    return {
        "name": contact.name, "role": contact.role, "email": contact.email,
        "phone": contact.phone, "order": "0", "is_active": "on",
    } | changes  # fmt: skip


def refusal(response):
    return [str(m) for m in get_messages(response.wsgi_request) if LAST in str(m)]


@pytest.mark.parametrize("role", ADMINS)
def test_the_last_contact_person_cannot_be_deleted(client_as, last_contact, role):
    url = f"/admin/lokalfora/contactperson/{last_contact.pk}/delete/"
    response = client_as(role).post(url, {"post": "yes"})
    assert response.status_code == 302
    assert refusal(response)
    assert ContactPerson.objects.filter(pk=last_contact.pk, is_active=True).exists()


@pytest.mark.parametrize("role", ADMINS)
def test_the_last_contact_person_cannot_be_deleted_in_bulk(client_as, last_contact, role):
    response = client_as(role).post(
        "/admin/lokalfora/contactperson/",
        {"action": "delete_selected", "_selected_action": [last_contact.pk], "post": "yes"},
    )
    assert response.status_code == 302
    assert refusal(response)
    assert ContactPerson.objects.filter(pk=last_contact.pk).exists()


@pytest.mark.parametrize("role", ADMINS)
def test_the_last_contact_person_cannot_be_deactivated(client_as, last_contact, role):
    url = f"/admin/lokalfora/contactperson/{last_contact.pk}/change/"
    data = change_data(last_contact)
    del data["is_active"]  # unticked
    response = client_as(role).post(url, data)
    assert response.status_code == 200  # the change form again, with the refusal on it
    assert LAST in str(response.context["adminform"].form.non_field_errors())
    last_contact.refresh_from_db()
    assert last_contact.is_active


def test_another_contact_is_changed_and_deleted_through_the_admin(client_as, last_contact, area):
    client = client_as("staff_admin")
    other = ContactPersonFactory(forum=area.forum, name="Ole", email="", phone="12345678")
    data = change_data(other, name="Ole Hansen")
    del data["is_active"]
    response = client.post(f"/admin/lokalfora/contactperson/{other.pk}/change/", data)
    assert response.status_code == 302
    other.refresh_from_db()
    assert (other.name, other.is_active) == ("Ole Hansen", False)
    client.post(f"/admin/lokalfora/contactperson/{other.pk}/delete/", {"post": "yes"})
    assert not ContactPerson.objects.filter(pk=other.pk).exists()


def test_area_assignments_are_read_only_in_the_admin(client_as, area):
    """Handovers go through /faelles-skabere/tildeling/ (one fixed per area, never the
    process consultant)."""
    client = client_as("staff_admin")
    assignment = AreaAssignment.objects.filter(area=area).first()
    assert client.get("/admin/faelles_skabere/areaassignment/add/").status_code == 403
    response = client.post(
        f"/admin/faelles_skabere/areaassignment/{assignment.pk}/delete/", {"post": "yes"}
    )
    assert response.status_code == 403
    assert AreaAssignment.objects.filter(pk=assignment.pk).exists()
