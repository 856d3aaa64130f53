"""On PostgreSQL: the process consultant is never an area's fixed fælles-skaber.

The rule spans two tables (the assignment's kind, the person's kind), which a
check constraint cannot see, so two triggers keep it: a fixed assignment for a
process consultant is refused, and so is turning someone with fixed assignments
into the process consultant. Both raise check_violation (Django's IntegrityError).

Concurrently (READ COMMITTED): a fixed assignment takes a share lock on the person's row
whatever their kind, and reads the kind under it, until its transaction ends. Changing
the person's kind takes that row's update lock, so the two wait for each other: an
assignment made after an uncommitted change of kind waits, then reads the committed
kind; a change of kind made after an uncommitted assignment waits, and its trigger's
query (a new snapshot, taken after the wait) sees the committed assignment. So the
person's trigger needs no lock of its own. Services and `clean()` refuse the same
with a Danish message first; SQLite (the run command's database) relies on those.
"""

from django.db import migrations

CREATE = """
CREATE FUNCTION faelles_skabere_fixed_not_consultant() RETURNS trigger AS $$
DECLARE
    person_kind text;
BEGIN
    IF NEW.kind = 'fixed' THEN
        -- Lock the person's row whatever their kind, and read the kind under the lock.
        SELECT kind INTO person_kind FROM faelles_skabere_cocreator
        WHERE id = NEW.co_creator_id FOR SHARE;
        IF person_kind = 'process_consultant' THEN
            RAISE EXCEPTION 'assignment_fixed_not_process_consultant'
                USING ERRCODE = 'check_violation';
        END IF;
    END IF;
    RETURN NEW;
END $$ LANGUAGE plpgsql;

CREATE TRIGGER assignment_fixed_not_process_consultant
    BEFORE INSERT OR UPDATE OF kind, co_creator_id ON faelles_skabere_areaassignment
    FOR EACH ROW EXECUTE FUNCTION faelles_skabere_fixed_not_consultant();

CREATE FUNCTION faelles_skabere_consultant_not_fixed() RETURNS trigger AS $$
BEGIN
    IF NEW.kind = 'process_consultant' AND EXISTS (
        SELECT 1 FROM faelles_skabere_areaassignment
        WHERE co_creator_id = NEW.id AND kind = 'fixed'
    ) THEN
        RAISE EXCEPTION 'co_creator_consultant_not_fixed' USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
END $$ LANGUAGE plpgsql;

CREATE TRIGGER co_creator_consultant_not_fixed
    BEFORE UPDATE OF kind ON faelles_skabere_cocreator
    FOR EACH ROW EXECUTE FUNCTION faelles_skabere_consultant_not_fixed();
"""

DROP = """
DROP TRIGGER IF EXISTS co_creator_consultant_not_fixed ON faelles_skabere_cocreator;
DROP FUNCTION IF EXISTS faelles_skabere_consultant_not_fixed();
DROP TRIGGER IF EXISTS assignment_fixed_not_process_consultant ON faelles_skabere_areaassignment;
DROP FUNCTION IF EXISTS faelles_skabere_fixed_not_consultant();
"""


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP)


class Migration(migrations.Migration):
    dependencies = [("faelles_skabere", "0003_no_overlapping_assignments")]

    operations = [migrations.RunPython(create, drop)]
