import csv

import pytest
from django.core.management import call_command

from lokalfora.models import Forum, LocalArea, PopulationBasis, PopulationFigure
from lokalfora.reference import CSV_PATH

pytestmark = pytest.mark.django_db


def load_twice():
    call_command("load_reference_data", stdout=open("/dev/null", "w"))  # noqa: SIM115
    call_command("load_reference_data", stdout=open("/dev/null", "w"))  # noqa: SIM115


def test_all_18_areas_with_a_forum_and_their_published_population():
    load_twice()
    with CSV_PATH.open(encoding="utf-8") as handle:
        rows = {row["slug"]: row for row in csv.DictReader(handle)}
    assert len(rows) == 18
    assert LocalArea.objects.count() == 18
    assert Forum.objects.count() == 18
    assert PopulationFigure.objects.count() == 18
    for area in LocalArea.objects.with_public_details():
        row = rows[area.slug]
        assert area.name == row["name"]
        assert area.current_population.count == int(row["population"])
        assert area.current_population.source == row["source"]


def test_known_figures_and_estimates():
    load_twice()
    jyderup = LocalArea.objects.get(slug="jyderup")
    assert jyderup.current_population.count == 4924
    assert jyderup.current_population.reference_date.year == 2011
    gislinge = LocalArea.objects.get(slug="gislinge").current_population
    assert (gislinge.count, gislinge.reference_date, gislinge.basis) == (
        1777,
        None,
        PopulationBasis.PARISH_ESTIMATE,
    )
    holbaek = LocalArea.objects.get(slug="holbaek-by")
    assert holbaek.is_holbaek_town
    assert holbaek.current_population.is_estimate
    assert LocalArea.objects.filter(is_holbaek_town=False).count() == 17


def test_aliases_and_shared_villages_are_kept():
    load_twice()
    stestrup = LocalArea.objects.get(slug="stestrup")
    assert "Kr. Eskilstrup" in stestrup.aliases
    # Soderup and Stestrup are published under both Tølløse and Stestrup.
    assert "Stestrup" in LocalArea.objects.get(slug="tollose").localities
    assert "Stestrup" in stestrup.localities


def test_loading_again_keeps_what_staff_have_edited():
    load_twice()
    forum = Forum.objects.get(area__slug="oro")
    forum.name = "Orø Lokalforum (rettet af kommunen)"
    forum.save()
    area = forum.area
    area.localities = ["Orø", "Bybjerg"]
    area.save()
    figure = area.population_figures.get()
    figure.count = 870
    figure.save()
    call_command("load_reference_data", stdout=open("/dev/null", "w"))  # noqa: SIM115
    forum.refresh_from_db()
    area.refresh_from_db()
    figure.refresh_from_db()
    assert forum.name == "Orø Lokalforum (rettet af kommunen)"
    assert area.localities == ["Orø", "Bybjerg"]
    assert figure.count == 870
