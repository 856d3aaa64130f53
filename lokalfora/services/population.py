"""Writes for the areas' population figures: the CSV import and single figures (the admin)."""

from django.db import transaction

from lokalfora.models import LocalArea, PopulationBasis, PopulationFigure
from lokalfora.population_import import Parsed


@transaction.atomic
def population_figures_import(*, parsed: Parsed) -> int:
    """Imports every row (updating a figure on the same date). Only a parse without errors."""
    if not parsed.ok:
        raise ValueError("only a file without errors can be imported")
    for row in parsed.rows:
        PopulationFigure.objects.update_or_create(
            area=row.area,
            reference_date=row.reference_date,
            defaults={"count": row.count, "basis": PopulationBasis.AREA, "source": row.source},
        )
    return len(parsed.rows)


@transaction.atomic
def population_figure_save(
    *, area: LocalArea, data: dict, figure: PopulationFigure | None = None
) -> PopulationFigure:
    """Creates or corrects one of the area's figures (one per area and date)."""
    figure = figure or PopulationFigure(area=area)
    for field, value in data.items():
        setattr(figure, field, value)
    figure.full_clean()
    figure.save()
    return figure


@transaction.atomic
def population_figure_delete(*, figure: PopulationFigure) -> None:
    figure.delete()
