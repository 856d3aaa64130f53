import pytest
from django.contrib.auth.models import Group

from holbaek import roles
from tests.factories import give_mfa, login, make_user


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
    login(client, user)
    response = client.get("/konto/")
    assert response.status_code == 302
    assert response.url == "/konto/2fa/"
    assert client.get("/konto/2fa/").status_code == 200

    # Set up during this session, after the password: that counts.
    give_mfa(user)
    assert client.get("/konto/").status_code == 200


@pytest.mark.django_db
def test_a_staff_session_that_never_used_its_second_factor_is_logged_out(client):
    user = give_mfa(make_user("fs@example.org", role=roles.CO_CREATOR))
    client.force_login(user)  # a login that skipped allauth's second-factor step
    response = client.get("/konto/")
    assert response.status_code == 302
    assert response.url.startswith("/konto/login/")
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_removing_the_last_second_factor_takes_effect_at_once(client):
    from allauth.mfa.models import Authenticator

    user = give_mfa(make_user("fs@example.org", role=roles.CO_CREATOR))
    login(client, user)
    assert client.get("/konto/").status_code == 200
    Authenticator.objects.filter(user=user).delete()
    assert client.get("/konto/").url == "/konto/2fa/"


@pytest.mark.django_db
def test_citizens_and_volunteers_are_not_forced_to_use_mfa(client):
    login(client, make_user("borger@example.org", role=roles.FORUM_EDITOR))
    assert client.get("/konto/").status_code == 200


@pytest.mark.django_db
def test_admin_login_goes_through_allauth(client):
    response = client.get("/admin/login/?next=/admin/")
    assert response.status_code == 302
    assert response.url == "/konto/login/?next=%2Fadmin%2F"


@pytest.mark.django_db
def test_the_admin_login_form_never_accepts_a_password(client):
    admin = give_mfa(make_user("admin@example.org", role=roles.ADMINISTRATOR, is_staff=True))
    credentials = {"username": admin.email, "password": "pw-for-tests-only"}
    response = client.post("/admin/login/", credentials)
    assert response.status_code == 302
    assert response.url.startswith("/konto/login/")
    assert "_auth_user_id" not in client.session

    # Not even for someone signed in who has the is_staff flag but no staff role.
    volunteer = make_user("frivillig@example.org", role=roles.FORUM_EDITOR, is_staff=True)
    login(client, give_mfa(volunteer))
    assert client.post("/admin/login/", credentials).status_code == 403
    assert client.get("/admin/").status_code in {302, 403}


@pytest.mark.django_db
def test_the_admin_login_does_not_redirect_elsewhere(client):
    response = client.get("/admin/login/?next=https://evil.example/")
    assert response.url == "/konto/login/?next=%2Fadmin%2F"
