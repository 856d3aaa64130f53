"""GIN indexes for full-text search, on PostgreSQL only.

Each index is on exactly the expression lokalfora/search.py queries
(SearchVector over the same fields, Danish configuration), so the planner
can use it. SQLite, the embedded database of the run command, has no GIN.
"""

from django.db import migrations

INDEXES = {
    "news_search_gin": ("lokalfora_newspost", ["title", "summary", "body"]),
    "event_search_gin": ("lokalfora_event", ["title", "place", "description"]),
    "forum_search_gin": ("lokalfora_forum", ["name", "description"]),
}


def vector_sql(fields):
    joined = " || ' ' || ".join(f"COALESCE(\"{field}\", '')" for field in fields)
    return f"to_tsvector('danish'::regconfig, {joined})"


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, (table, fields) in INDEXES.items():
        schema_editor.execute(
            f'CREATE INDEX IF NOT EXISTS "{name}" ON "{table}" USING GIN ({vector_sql(fields)})'
        )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name in INDEXES:
        schema_editor.execute(f'DROP INDEX IF EXISTS "{name}"')


class Migration(migrations.Migration):
    dependencies = [("lokalfora", "0001_initial")]

    operations = [migrations.RunPython(create, drop)]
