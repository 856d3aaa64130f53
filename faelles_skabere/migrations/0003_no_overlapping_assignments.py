"""On PostgreSQL: an area's fixed assignments never overlap in time, nor do a person's stand-ins.

The unique constraint in 0002_initial allows one current fixed fælles-skaber per area;
this exclusion constraint also keeps the history consistent (who covered the
area when). It needs the btree_gist extension. SQLite, the embedded database of
the run command, has no exclusion constraints; the services check there too.
"""

from django.db import migrations

CONSTRAINTS = {
    "assignment_no_overlap": (
        "faelles_skabere_areaassignment",
        "EXCLUDE USING gist (area_id WITH =, daterange(started_on, ended_on, '[]') WITH &&) "
        "WHERE (kind = 'fixed')",
    ),
    "stand_in_no_overlap": (
        "faelles_skabere_standin",
        "EXCLUDE USING gist (co_creator_id WITH =, daterange(starts_on, ends_on, '[]') WITH &&)",
    ),
}


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS btree_gist")
    for name, (table, definition) in CONSTRAINTS.items():
        schema_editor.execute(f'ALTER TABLE "{table}" ADD CONSTRAINT "{name}" {definition}')


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, (table, _definition) in CONSTRAINTS.items():
        schema_editor.execute(f'ALTER TABLE "{table}" DROP CONSTRAINT IF EXISTS "{name}"')


class Migration(migrations.Migration):
    dependencies = [("faelles_skabere", "0002_initial")]

    operations = [migrations.RunPython(create, drop)]
