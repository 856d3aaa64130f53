"""The hearings' stored search vector, kept by a PostgreSQL trigger like the other kinds'
(0004_search_vector.py): the title weighted A, the summary B, the case number and the
department C. NULL while the hearing is a draft, so a draft can never match a search.
A GIN index serves the match. On SQLite the column stays NULL (substring matching)."""

from django.db import migrations

TABLE = "lokalfora_hearing"
FIELDS = (("title", "A"), ("summary", "B"), ("case_number", "C"), ("department", "C"))


def vector_sql(prefix=""):
    vector = " || ".join(
        f"setweight(to_tsvector('danish'::regconfig, COALESCE({prefix}\"{field}\", '')), "
        f"'{weight}')"
        for field, weight in FIELDS
    )
    return f"CASE WHEN {prefix}\"status\" = 'draft' THEN NULL ELSE {vector} END"


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(
        f'CREATE OR REPLACE FUNCTION "{TABLE}_search_vector"() RETURNS trigger '
        f"LANGUAGE plpgsql AS $$ BEGIN "
        f"NEW.search_vector := {vector_sql(prefix='NEW.')}; "
        f"RETURN NEW; END $$"
    )
    schema_editor.execute(
        f'CREATE TRIGGER "{TABLE}_search_vector" BEFORE INSERT OR UPDATE ON "{TABLE}" '
        f'FOR EACH ROW EXECUTE FUNCTION "{TABLE}_search_vector"()'
    )
    schema_editor.execute(f'UPDATE "{TABLE}" SET search_vector = {vector_sql()}')  # noqa: S608 - constants
    schema_editor.execute(
        f'CREATE INDEX "{TABLE}_search_vector_gin" ON "{TABLE}" USING GIN (search_vector)'
    )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(f'DROP INDEX IF EXISTS "{TABLE}_search_vector_gin"')
    schema_editor.execute(f'DROP TRIGGER IF EXISTS "{TABLE}_search_vector" ON "{TABLE}"')
    schema_editor.execute(f'DROP FUNCTION IF EXISTS "{TABLE}_search_vector"()')


class Migration(migrations.Migration):
    dependencies = [("lokalfora", "0007_hearings")]

    operations = [migrations.RunPython(create, drop)]
