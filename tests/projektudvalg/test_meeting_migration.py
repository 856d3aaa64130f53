"""Migration 0002 turns the pools' own meetings into the committee's: a committee (made if
there is none), a start time at 17:00 Danish time, each agenda item's application as a
pool line, each decision pointed at the item it was made under."""

import datetime

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from projektudvalg.models import AgendaApplication, Decision, Meeting
from tests.clock import danish

OLD = [("projektudvalg", "0001_initial")]


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


@pytest.mark.django_db(transaction=True)
def test_the_pool_meetings_become_committee_meetings(in_review, staff):
    latest = MigrationExecutor(connection).loader.graph.leaf_nodes("projektudvalg")
    old = _migrate(OLD)
    OldMeeting = old.get_model("projektudvalg", "Meeting")
    OldItem = old.get_model("projektudvalg", "AgendaItem")
    OldDecision = old.get_model("projektudvalg", "Decision")
    meeting = OldMeeting.objects.create(title="Udvalgsmøde", date=datetime.date(2026, 12, 10))
    OldItem.objects.create(meeting=meeting, application_id=in_review.pk, number=1)
    OldDecision.objects.create(
        application_id=in_review.pk, outcome="refused", reason="Uden for formålet",
        meeting=meeting, decided_by_id=staff.pk,
    )  # fmt: skip
    _migrate(latest)
    migrated = Meeting.objects.get()
    assert migrated.committee is not None
    assert migrated.starts_at == danish("2026-12-10 17:00")
    item = migrated.items.get()
    assert item.round_id == in_review.round_id
    assert item.title == (in_review.title or in_review.reference)
    line = AgendaApplication.objects.get()
    assert (line.item, line.application_id, line.meeting) == (item, in_review.pk, migrated)
    assert Decision.objects.get().agenda_item == item
