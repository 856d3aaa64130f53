"""Shared fixtures: reference data, the role matrix and fast, isolated settings."""

import pytest
from django.contrib.auth.models import Group
from django.core.cache import caches
from django.core.management import call_command

from holbaek import roles
from holbaek.models import User
from tests.clock import Clock, travel_from_env


@pytest.fixture(autouse=True)
def _test_settings(settings, tmp_path):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.MEDIA_ROOT = tmp_path / "media"
    # whitenoise looks for collected files here; the tests serve from the finders.
    settings.STATIC_ROOT = tmp_path / "staticfiles"
    settings.STATIC_ROOT.mkdir()
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Every test starts with empty caches: no rate-limit count or cached page from another."""
    for cache in caches.all():
        cache.clear()


@pytest.fixture(autouse=True)
def _test_today(request):
    """`TEST_TODAY=2030-01-02` runs each test at noon Danish time that day, the clock ticking."""
    travel = travel_from_env()
    if travel is None or request.node.get_closest_marker("time_machine"):
        yield  # the real date, or the test's own time_machine marker
        return
    with travel:
        yield


@pytest.fixture
def clock(time_machine):
    """The test's clock: `clock.set("2026-12-10 09:00")` (Danish time), `clock.shift(days=1)`."""
    return Clock(time_machine)


@pytest.fixture
def reference_data(db):
    """The 18 areas with forums and populations, fælles-skabere, pools and roles."""
    call_command("load_reference_data", stdout=open("/dev/null", "w"))  # noqa: SIM115


@pytest.fixture
def area(reference_data):
    from lokalfora.models import LocalArea

    return LocalArea.objects.select_related("forum").get(slug="tollose")


@pytest.fixture
def other_area(reference_data):
    from lokalfora.models import LocalArea

    return LocalArea.objects.select_related("forum").get(slug="jyderup")


def make_user(email, *, role=None, is_staff=False, is_superuser=False, verified=True):
    from allauth.account.models import EmailAddress

    user = User.objects.create_user(
        email=email, password="pw-for-tests-only", is_staff=is_staff, is_superuser=is_superuser
    )
    EmailAddress.objects.create(user=user, email=email, verified=verified, primary=True)
    if role:
        user.groups.add(Group.objects.get_or_create(name=role)[0])
    return user


def give_mfa(user):
    """A TOTP authenticator for the user (they must still use it to log in: see login)."""
    from allauth.mfa.models import Authenticator

    Authenticator.objects.create(user=user, type=Authenticator.Type.TOTP, data={"secret": "x"})
    return user


def login(client, user):
    """Logs the user in as allauth would after password and, if they have one, a second factor."""
    import time

    from allauth.account.internal.flows.login import (
        _AUTHENTICATION_METHODS_USER_SESSION_KEY,
        AUTHENTICATION_METHODS_SESSION_KEY,
    )
    from allauth.mfa.models import Authenticator

    client.force_login(user)
    now = time.time()
    records = [{"method": "password", "at": now - 1, "email": user.email}]
    if Authenticator.objects.filter(user=user).exists():
        records.append({"method": "mfa", "at": now, "type": "totp"})
    session = client.session
    session[AUTHENTICATION_METHODS_SESSION_KEY] = records
    session[_AUTHENTICATION_METHODS_USER_SESSION_KEY] = str(user.pk)
    session.save()
    return client


ROLE_NAMES = [
    "anonymous",
    "citizen",
    "editor_this",
    "editor_other",
    "co_creator",
    "process_consultant",
    "committee_staff",
    "staff_admin",
    "admin",
]


@pytest.fixture
def make_role_user(reference_data, area, other_area):
    """Builds the user for one row of a permission matrix (None for anonymous)."""
    from lokalfora.services.forums import forum_editor_add

    def build(role_name):
        match role_name:
            case "anonymous":
                return None
            case "citizen":
                return make_user("borger@example.org")
            case "editor_this":
                user = make_user("redaktoer@example.org")
                forum_editor_add(forum=area.forum, user=user)
                return user
            case "editor_other":
                user = make_user("anden-redaktoer@example.org")
                forum_editor_add(forum=other_area.forum, user=user)
                return user
            case "co_creator":
                return give_mfa(make_user("fs@example.org", role=roles.CO_CREATOR))
            case "process_consultant":
                return make_process_consultant(area)
            case "committee_staff":
                return give_mfa(make_user("sekr@example.org", role=roles.COMMITTEE_STAFF))
            case "staff_admin":
                return make_staff_admin()
            case "admin":
                return give_mfa(
                    make_user(
                        "admin@example.org",
                        role=roles.ADMINISTRATOR,
                        is_staff=True,
                        is_superuser=True,
                    )
                )
        raise ValueError(role_name)

    return build


def make_process_consultant(area):
    """The process consultant (a Fælles-skaber by Group) with a process running in `area`:
    it is never the area's fixed fælles-skaber, so it gets no more than `co_creator`."""
    import datetime

    from django.utils import timezone

    from faelles_skabere.models import AreaAssignment, AssignmentKind, CoCreator, CoCreatorKind

    user = give_mfa(make_user("proces@example.org", role=roles.CO_CREATOR))
    consultant = CoCreator.objects.get(kind=CoCreatorKind.PROCESS_CONSULTANT)
    consultant.user = user
    consultant.save()
    AreaAssignment.objects.create(
        area=area,
        co_creator=consultant,
        kind=AssignmentKind.PROCESS,
        started_on=timezone.localdate() - datetime.timedelta(days=30),
    )
    return user


def make_staff_admin():
    """An Administrator in the admin without being a superuser: is_staff, MFA and the model
    permissions of the portal's apps (holbaek.roles.ADMINISTRATOR_APP_LABELS)."""
    from django.contrib.auth.models import Permission

    user = give_mfa(make_user("driftsadmin@example.org", role=roles.ADMINISTRATOR, is_staff=True))
    user.user_permissions.set(
        Permission.objects.filter(content_type__app_label__in=roles.ADMINISTRATOR_APP_LABELS)
    )
    return user


@pytest.fixture
def client_as(client, make_role_user):
    """A test client signed in as the given matrix role."""

    def sign_in(role_name):
        user = make_role_user(role_name)
        if user is not None:
            login(client, user)
        return client

    return sign_in


def assert_access(response, role, allowed, ok=200):
    """One cell of a permission matrix: `ok` for the allowed roles, the login page for the
    anonymous, and 403 (or 404 where ids are not revealed) for everyone else."""
    if role in allowed:
        assert response.status_code == ok, (role, response.status_code)
    elif role == "anonymous":
        assert response.status_code == 302, (role, response.status_code)
        assert response.url.startswith("/konto/login/")
    else:
        assert response.status_code in (403, 404), (role, response.status_code)
