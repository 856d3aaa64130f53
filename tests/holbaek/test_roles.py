import pytest
from django.contrib.auth.models import Group

from holbaek import roles
from tests.conftest import give_mfa, make_user


@pytest.mark.django_db
def test_the_role_groups_come_from_the_data_migration():
    # No fixture loads them: the migration alone must have created them.
    assert set(Group.objects.values_list("name", flat=True)) >= set(roles.ALL_ROLES)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("role", "is_staff_role"),
    [
        (None, False),
        (roles.FORUM_EDITOR, False),
        (roles.CO_CREATOR, True),
        (roles.COMMITTEE_STAFF, True),
        (roles.ADMINISTRATOR, True),
    ],
)
def test_municipal_staff_roles(role, is_staff_role):
    user = make_user("person@example.org", role=role)
    assert roles.is_municipal_staff(user) is is_staff_role
    assert roles.requires_mfa(user) is is_staff_role


@pytest.mark.django_db
def test_emails_are_unique_whatever_the_case():
    from django.db import IntegrityError

    make_user("Anna@Example.org")
    with pytest.raises(IntegrityError):
        make_user("anna@example.org")


@pytest.mark.django_db
@pytest.mark.parametrize("role", [roles.CO_CREATOR, roles.COMMITTEE_STAFF, roles.ADMINISTRATOR])
def test_staff_without_a_second_factor_are_sent_to_set_one_up(client, role):
    user = make_user("medarbejder@example.org", role=role, is_staff=role == roles.ADMINISTRATOR)
    client.force_login(user)
    response = client.get("/konto/")
    assert response.status_code == 302
    assert response.url == "/konto/2fa/"
    assert client.get("/konto/2fa/").status_code == 200

    give_mfa(user)
    assert client.get("/konto/").status_code == 200


@pytest.mark.django_db
def test_citizens_and_volunteers_are_not_forced_to_use_mfa(client):
    client.force_login(make_user("borger@example.org", role=roles.FORUM_EDITOR))
    assert client.get("/konto/").status_code == 200


@pytest.mark.django_db
def test_admin_login_goes_through_allauth(client):
    response = client.get("/admin/login/?next=/admin/")
    assert response.status_code == 302
    assert response.url.startswith("/konto/login/")
