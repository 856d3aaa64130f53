"""`migrate`, refusing with a clear message a database made before the migration history
was rebuilt (issue 12), instead of a traceback halfway through."""

from django.core.management.base import CommandError
from django.core.management.commands.migrate import Command as DjangoMigrate
from django.db import connections

from holbaek.migration_history import stale_message, stale_migrations


class Command(DjangoMigrate):
    def handle(self, *args, **options):
        connection = connections[options["database"]]
        stale = stale_migrations(connection)
        if stale:
            raise CommandError(stale_message(connection, stale))
        return super().handle(*args, **options)
