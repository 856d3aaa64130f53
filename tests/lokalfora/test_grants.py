"""A year's grants: live while a draft, frozen when approved, published openly."""

import datetime
import json
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from lokalfora.models import GrantBand, GrantScheme, GrantVersion, LocalArea, PopulationFigure
from lokalfora.selectors import grants as selectors
from lokalfora.services import grants as services
from tests.factories import make_user
from tests.querycount import assert_constant_queries

pytestmark = pytest.mark.django_db


def amounts(grants):
    return {grant.area.slug: grant.amount for grant in grants}


def test_the_draft_uses_each_areas_figure_and_explains_it(scheme):
    grants, problems = selectors.compute_draft(scheme)
    assert problems == []
    by_slug = {grant.area.slug: grant for grant in grants}
    assert by_slug["jyderup"].amount == 29988
    assert by_slug["jyderup"].figure.count == 4924
    assert by_slug["jyderup"].explanation == (
        "Grundbeløb 13.000\xa0kr. + 4.924 indbyggere × 3,45\xa0kr. = 29.988\xa0kr."
    )
    assert len(grants) == 18


def test_a_draft_follows_new_figures_an_approved_year_does_not(scheme):
    version = services.grant_scheme_approve(scheme=scheme, user=make_user("sekr@example.org"))
    jyderup = LocalArea.objects.get(slug="jyderup")
    PopulationFigure.objects.create(
        area=jyderup, count=6000, reference_date=datetime.date(2025, 12, 31),
        basis="area", source="test",
    )  # fmt: skip
    assert amounts(selectors.compute_draft(scheme)[0])["jyderup"] == 13000 + 20700
    line = version.lines.get(area=jyderup)
    assert (line.amount, line.population) == (29988, 4924)


def test_correcting_the_figure_an_approved_year_used_changes_nothing_published(client, scheme):
    services.grant_scheme_approve(scheme=scheme, user=None)
    figure = PopulationFigure.objects.get(area__slug="jyderup")
    figure.count = 9999
    figure.save()
    scheme.is_illustrative = False
    scheme.population_date = datetime.date(2020, 1, 1)
    scheme.save()
    data = json.loads(client.get("/tilskud/2026/tilskud.json").content)
    jyderup = next(row for row in data["omraader"] if row["omraade"] == "Jyderup")
    assert (jyderup["indbyggere"], jyderup["beloeb_kr"]) == (4924, 29988)
    assert data["illustrativ"] is True
    page = client.get("/tilskud/2026/").text
    assert "9.999" not in page
    assert "1. januar 2026" in page


def test_a_recalculation_needs_a_reason_and_keeps_the_old_version(scheme):
    user = make_user("sekr@example.org")
    services.grant_scheme_approve(scheme=scheme, user=user)
    with pytest.raises(ValidationError, match="beregnes igen"):
        services.grant_scheme_approve(scheme=scheme, user=user)
    scheme.rate = Decimal("4")
    scheme.save()
    second = services.grant_scheme_approve(scheme=scheme, user=user, reason="Ny takst vedtaget")
    assert second.number == 2
    assert GrantVersion.objects.filter(scheme=scheme).count() == 2
    assert GrantVersion.objects.get(number=1).lines.get(area__slug="jyderup").amount == 29988


def test_a_broken_scheme_is_shown_not_raised_and_cannot_be_approved(scheme):
    GrantBand.objects.create(scheme=scheme, lower=5, upper=None, base=1, rate=1)
    _grants, problems = selectors.compute_draft(scheme)
    assert "Det første interval skal begynde ved 0 indbyggere." in problems
    with pytest.raises(ValidationError):
        services.grant_scheme_approve(scheme=scheme, user=None)


def test_the_year_page_shows_the_formula_the_figures_and_illustrative(client, scheme):
    page = client.get("/tilskud/2026/").text
    assert "Tallene er illustrative" in page
    assert "Grundbeløb 13.000\xa0kr. + 3,45\xa0kr. pr. indbygger." in page
    assert "29.988\xa0kr." in page
    assert '<td class="align-text-right">4.924</td>' in page
    assert "2011, hele lokalområdet" in page
    assert "Forslag, ikke godkendt" in page
    assert page.count('<svg role="img"') == 1


def test_csv_and_json_downloads(client, scheme):
    data = json.loads(client.get("/tilskud/2026/tilskud.json").content)
    assert data["status"] == "forslag"
    assert data["illustrativ"] is True
    jyderup = next(row for row in data["omraader"] if row["omraade"] == "Jyderup")
    assert (jyderup["indbyggere"], jyderup["beloeb_kr"]) == (4924, 29988)
    assert data["i_alt_kr"] == sum(row["beloeb_kr"] for row in data["omraader"])
    text = client.get("/tilskud/2026/tilskud.csv").content.decode("utf-8-sig")
    assert text.splitlines()[0].startswith("omraade;indbyggere;befolkningstal_pr")
    assert "Jyderup;4924;" in text


def test_the_comparison_across_years(client, scheme):
    services.grant_scheme_approve(scheme=scheme, user=None)
    older = GrantScheme.objects.create(
        year=2025, kind="budget", base=Decimal("10000"), total_budget=Decimal("600000"),
        population_date=datetime.date(2025, 1, 1),
    )  # fmt: skip
    services.grant_scheme_approve(scheme=older, user=None)
    page = client.get("/tilskud/").text
    assert '<th scope="col" class="align-text-right">2025</th>' in page
    assert "29.988\xa0kr." in page


def test_the_area_page_shows_this_years_grant(client, scheme):
    from django.utils import timezone

    year = timezone.localdate().year
    GrantScheme.objects.filter(year=year).exclude(pk=scheme.pk).delete()
    GrantScheme.objects.filter(pk=scheme.pk).update(year=year)
    page = client.get("/lokalomraader/jyderup/").text
    assert f"Tilskud {year}" in page
    assert "29.988\xa0kr." in page


def test_an_unknown_year_is_404(client, reference_data):
    assert client.get("/tilskud/1999/").status_code == 404
    assert client.get("/tilskud/1999/tilskud.json").status_code == 404


@pytest.mark.parametrize("approved", [False, True])
def test_the_year_page_runs_a_constant_number_of_queries(client, scheme, approved):
    if approved:
        services.grant_scheme_approve(scheme=scheme, user=None)

    def grow():
        for area in LocalArea.objects.all():
            for year in range(1990, 2010):
                PopulationFigure.objects.create(
                    area=area, count=100, reference_date=datetime.date(year, 1, 1),
                    basis="area", source="x",
                )  # fmt: skip
        if approved:  # more versions, each with 18 lines
            for number in range(3):
                services.grant_scheme_approve(
                    scheme=scheme, user=None, reason=f"Genberegning {number}"
                )

    assert_constant_queries(client, "/tilskud/2026/", grow, limit=8)
