"""A database from before the rebuilt migration history gets a clear message, not a traceback."""

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.db.migrations.recorder import MigrationRecorder

from holbaek.migration_history import stale_migrations


@pytest.mark.django_db
def test_a_current_database_has_no_stale_migrations():
    assert stale_migrations(connection) == []


@pytest.mark.django_db
def test_migrate_refuses_a_database_with_the_old_history():
    MigrationRecorder(connection).record_applied("sparring", "0099_before_the_fold")
    MigrationRecorder(connection).record_applied("lokalfora", "0099_old_history")
    with pytest.raises(CommandError) as refused:
        call_command("migrate", verbosity=0)
    message = str(refused.value)
    assert "ældre migrationshistorik" in message
    assert "lokalfora.0099_old_history" in message
    assert "sparring.0099_before_the_fold" in message


@pytest.mark.django_db
def test_another_apps_migrations_are_not_ours_to_judge():
    MigrationRecorder(connection).record_applied("someone_else", "0001_initial")
    assert stale_migrations(connection) == []
