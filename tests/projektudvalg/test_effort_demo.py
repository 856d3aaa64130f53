"""The drejebog in the reference data, and the demo's two special efforts."""

import io

import pytest
from django.core.management import call_command

from projektudvalg import demo_efforts, reference_efforts
from projektudvalg.effort_progress import weighted_progress
from projektudvalg.models import EffortStatus, EffortTemplate, SpecialEffort

pytestmark = pytest.mark.django_db


def test_the_drejebog_is_loaded_once(reference_data):
    reference_efforts.load()
    template = EffortTemplate.objects.get(name=reference_efforts.NAME)
    assert [p.offset_days for p in template.phases.all()] == [0, 9, 117, 130, 160]


def test_the_demo_efforts(reference_data):
    call_command("demo", force=True, stdout=io.StringIO())
    assert demo_efforts.load() == "demo-indsatser findes allerede"
    knabstrup = SpecialEffort.objects.get(slug="knabstrup-saetter-kurs")
    assert knabstrup.status == EffortStatus.ACTIVE
    assert knabstrup.selection_decision.title.startswith("(Demo)")
    assert knabstrup.working_groups.count() == 6
    assert knabstrup.milestones.count() == 5
    assert all(m.events.count() == 1 for m in knabstrup.milestones.all())
    assert weighted_progress(knabstrup.actions.all()) is not None
    assert knabstrup.budget_lines.filter(source="Landdistriktspuljen", external=True).exists()
    assert set(knabstrup.commitments.values_list("party", flat=True)) == {
        "municipality",
        "forum",
        "group",
        "committee",
    }
    undlose = SpecialEffort.objects.get(slug="undloese")
    assert list(undlose.areas.values_list("slug", flat=True)) == ["undlose"]
    assert undlose.committee.effort_min_areas == 1
