"""Stored search vectors on news, events and forums, kept by PostgreSQL triggers.

Each row's `search_vector` is computed by a BEFORE INSERT OR UPDATE trigger from
the same fields lokalfora/search.py searched before (title weighted A, the rest
B and C), so every write path (services, admin, bulk_create, queryset.update)
keeps it right. Existing rows are filled here, one GIN index per table serves
the `@@` match, and the expression indexes of 0002, now unused, are dropped.

On SQLite (the embedded database of the run command) the column stays NULL and
search falls back to substring matching: the SQL below runs on PostgreSQL only.
"""

import django.contrib.postgres.search
from django.db import migrations

# table -> ((field, weight), ...); the first field is the title.
VECTORS = {
    "lokalfora_newspost": (("title", "A"), ("summary", "B"), ("body", "C")),
    "lokalfora_event": (("title", "A"), ("place", "B"), ("description", "C")),
    "lokalfora_forum": (("name", "A"), ("description", "C")),
}
OLD_INDEXES = {
    "news_search_gin": ("lokalfora_newspost", ["title", "summary", "body"]),
    "event_search_gin": ("lokalfora_event", ["title", "place", "description"]),
    "forum_search_gin": ("lokalfora_forum", ["name", "description"]),
}


def vector_sql(fields, prefix=""):
    return " || ".join(
        f"setweight(to_tsvector('danish'::regconfig, COALESCE({prefix}\"{field}\", '')), "
        f"'{weight}')"
        for field, weight in fields
    )


def old_vector_sql(fields):
    joined = " || ' ' || ".join(f"COALESCE(\"{field}\", '')" for field in fields)
    return f"to_tsvector('danish'::regconfig, {joined})"


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for table, fields in VECTORS.items():
        schema_editor.execute(
            f'CREATE OR REPLACE FUNCTION "{table}_search_vector"() RETURNS trigger '
            f"LANGUAGE plpgsql AS $$ BEGIN "
            f"NEW.search_vector := {vector_sql(fields, prefix='NEW.')}; "
            f"RETURN NEW; END $$"
        )
        schema_editor.execute(
            f'CREATE TRIGGER "{table}_search_vector" BEFORE INSERT OR UPDATE ON "{table}" '
            f'FOR EACH ROW EXECUTE FUNCTION "{table}_search_vector"()'
        )
        fill = f'UPDATE "{table}" SET search_vector = {vector_sql(fields)}'  # noqa: S608 - constants
        schema_editor.execute(fill)
        schema_editor.execute(
            f'CREATE INDEX "{table}_search_vector_gin" ON "{table}" USING GIN (search_vector)'
        )
    for name in OLD_INDEXES:
        schema_editor.execute(f'DROP INDEX IF EXISTS "{name}"')


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, (table, fields) in OLD_INDEXES.items():
        schema_editor.execute(
            f'CREATE INDEX IF NOT EXISTS "{name}" ON "{table}" USING GIN ({old_vector_sql(fields)})'
        )
    for table in VECTORS:
        schema_editor.execute(f'DROP INDEX IF EXISTS "{table}_search_vector_gin"')
        schema_editor.execute(f'DROP TRIGGER IF EXISTS "{table}_search_vector" ON "{table}"')
        schema_editor.execute(f'DROP FUNCTION IF EXISTS "{table}_search_vector"()')


class Migration(migrations.Migration):
    dependencies = [("lokalfora", "0003_event_updated_at")]

    operations = [
        migrations.AddField(
            model_name=model,
            name="search_vector",
            field=django.contrib.postgres.search.SearchVectorField(editable=False, null=True),
        )
        for model in ("event", "forum", "newspost")
    ] + [migrations.RunPython(create, drop)]
