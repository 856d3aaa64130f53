"""The agenda items' stored search vector, kept by a PostgreSQL trigger like lokalfora's
(lokalfora/migrations/0004_search_vector.py): title weighted A, the recommendation B, the
description and the decision's text C, and NULL for a closed item, so nothing of a closed
item can ever match a search. A GIN index serves the match.

What of an open item may be found also depends on its meeting's status (the decision
only once the minutes are published): lokalfora/search.py's registered kinds and
projektudvalg/selectors/decisions.py filter on that, as the trigger cannot see it.

On SQLite the column stays NULL and search falls back to substring matching, which leaves
closed items out too.
"""

from django.db import migrations

TABLE = "projektudvalg_agendaitem"
FIELDS = (
    ("title", "A"),
    ("recommendation", "B"),
    ("description", "C"),
    ("decision_text", "C"),
)


def vector_sql(prefix=""):
    vector = " || ".join(
        f"setweight(to_tsvector('danish'::regconfig, COALESCE({prefix}\"{field}\", '')), "
        f"'{weight}')"
        for field, weight in FIELDS
    )
    return f'CASE WHEN {prefix}"is_closed" THEN NULL ELSE {vector} END'


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
    dependencies = [("projektudvalg", "0003_committee_required")]

    operations = [migrations.RunPython(create, drop)]
