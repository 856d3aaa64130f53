"""Finds a database whose recorded migrations this code no longer has.

The migration history of the portal's apps was rebuilt from scratch in issue 12 (one clean
history per app, while no installation held real data), and `sparring` and `tilskud` became
parts of `faelles_skabere` and `lokalfora`. A database made before that records migrations
that no longer exist; Django would apply the new ones on top of the old tables and fail
halfway. `manage.py migrate` (holbaek/management/commands/migrate.py) refuses it instead.
"""

from django.db.migrations.loader import MigrationLoader
from django.db.migrations.recorder import MigrationRecorder

# The portal's own apps, and the two that were folded into them.
OUR_APPS = {"holbaek", "lokalfora", "faelles_skabere", "projektudvalg", "sparring", "tilskud"}


def stale_migrations(connection) -> list[tuple[str, str]]:
    """Migrations of ours the database records as applied and the code does not have."""
    recorder = MigrationRecorder(connection)
    if not recorder.has_table():
        return []
    on_disk = set(MigrationLoader(None, ignore_no_migrations=True).disk_migrations)
    applied = recorder.applied_migrations()
    return sorted(key for key in applied if key[0] in OUR_APPS and key not in on_disk)


def stale_message(connection, stale) -> str:
    name = connection.settings_dict["NAME"]
    example = ", ".join(f"{app}.{migration}" for app, migration in stale[:3])
    if connection.vendor == "sqlite":
        remedy = (
            f"Den rummer kun demo-data: slet den (rm {name}) og kør make run igen, "
            "så laves en ny med demo-indhold."
        )
    else:
        remedy = (
            f"Slet og genskab databasen {name} (dropdb/createdb), "
            "og kør migrate igen; der findes ingen installation med rigtige data."
        )
    return (
        f"Databasen {name} er lavet med en ældre migrationshistorik, som koden ikke har "
        f"længere (fx {example}): historikken blev bygget om, og appsene sparring og "
        f"tilskud blev lagt ind i faelles_skabere og lokalfora. {remedy}"
    )
