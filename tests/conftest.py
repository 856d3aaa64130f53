"""Shared fixtures: reference data, the role matrix and fast, isolated settings.

The builders live in tests/factories, the matrix helpers in tests/matrix.py: a test module
imports from there, never from a conftest.
"""

import pytest
from django.conf import settings as django_settings
from django.core.cache import caches
from django.core.management import call_command
from django.db import transaction
from django.utils import translation

from holbaek import roles
from holbaek.pagecache import versions as page_versions
from lokalfora.models import ContactPerson, LocalArea
from lokalfora.services.forums import forum_editor_add
from tests.clock import Clock, travel_from_env
from tests.factories import give_mfa, login, make_process_consultant, make_staff_admin, make_user


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
def _danish_after_each_test():
    """A request in English (the language switch, /en/ pages) leaves English active in the
    thread; the next test starts in Danish again, whatever the order."""
    yield
    translation.activate(django_settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Every test starts with empty caches: no rate-limit count or cached page from another."""
    for cache in caches.all():
        cache.clear()


def _only_test_blocks(connection) -> bool:
    return all(block._from_testcase for block in connection.atomic_blocks)


@pytest.fixture(autouse=True)
def _page_cache_commits(monkeypatch):
    """Page-cache bumps run when the code under test would commit.

    pytest-django wraps each test in a transaction that never commits, so on_commit callbacks
    would wait forever. A bump runs at once when only that wrapper is open, and when the
    outermost atomic block of the code under test exits without an error; a rolled-back block
    still discards its bumps (Django drops the callbacks of a rolled-back savepoint)."""
    original_exit = transaction.Atomic.__exit__

    def after_commit(callback):
        if _only_test_blocks(transaction.get_connection()):
            callback()
        else:
            callback.page_cache = True
            transaction.on_commit(callback)

    def exit_and_commit_bumps(self, exc_type, exc_value, traceback):
        result = original_exit(self, exc_type, exc_value, traceback)
        connection = transaction.get_connection(self.using)
        if exc_type is None and connection.in_atomic_block and _only_test_blocks(connection):
            pending = [
                entry for entry in connection.run_on_commit if hasattr(entry[1], "page_cache")
            ]
            connection.run_on_commit = [e for e in connection.run_on_commit if e not in pending]
            for _savepoints, callback, _robust in pending:
                callback()
        return result

    monkeypatch.setattr(page_versions, "after_commit", after_commit)
    monkeypatch.setattr(transaction.Atomic, "__exit__", exit_and_commit_bumps)


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
    return LocalArea.objects.select_related("forum").get(slug="tollose")


@pytest.fixture
def other_area(reference_data):
    return LocalArea.objects.select_related("forum").get(slug="jyderup")


@pytest.fixture
def make_role_user(reference_data, area, other_area):
    """Builds the user for one row of a permission matrix (None for anonymous).

    The rows are tests.matrix.ROLE_NAMES; tests.matrix.assert_access checks a cell."""

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
            case "contact_this" | "contact_other":
                # An active contact person of the forum with an account of the same address.
                forum = area.forum if role_name == "contact_this" else other_area.forum
                user = make_user(f"kontakt-{forum.area.slug}@example.org")
                ContactPerson.objects.create(forum=forum, name="Kontakt Person", email=user.email)
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


@pytest.fixture
def client_as(client, make_role_user):
    """A test client signed in as the given matrix role."""

    def sign_in(role_name):
        user = make_role_user(role_name)
        if user is not None:
            login(client, user)
        return client

    return sign_in
