"""Writes and rules for a year's grant scheme: saving it with its bands, and approving it.

While no version is approved the year is a draft, computed live (selectors.grants);
approving freezes the amounts as a version that later imports never change.
"""

import datetime
from collections.abc import Sequence
from decimal import Decimal
from typing import TypedDict

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import translation
from django.utils.translation import gettext as _

from holbaek.pagecache import content_changed
from lokalfora import grant_computation as computation
from lokalfora.models import GrantBand, GrantLine, GrantScheme, GrantVersion, LocalArea, SchemeKind
from lokalfora.selectors.grants import as_computation, compute_draft, describe, figures_used

FIRST_YEAR, LAST_YEAR = 2000, 2100


class BandData(TypedDict):
    lower: int
    upper: int | None
    base: Decimal
    rate: Decimal


@transaction.atomic
def grant_scheme_approve(*, scheme: GrantScheme, user, reason: str = "") -> GrantVersion:
    """Freezes the year's amounts as a new version; later population imports change nothing.

    The first approval needs no reason; every later one (a recalculation) does,
    and the earlier versions stay visible.
    """
    scheme = GrantScheme.objects.select_for_update().get(pk=scheme.pk)
    last = scheme.versions.aggregate(last=Max("number"))["last"] or 0
    if last and not reason.strip():
        raise ValidationError(
            _("Skriv, hvorfor tilskuddet for %(year)s beregnes igen.") % {"year": scheme.year},
            code="reason",
        )
    grants, problems = compute_draft(scheme)
    if problems:
        raise ValidationError(problems, code="scheme")
    with translation.override("da"):  # published as approved, in Danish, for everyone
        explanation = describe(scheme, list(scheme.bands.all()))
    version = GrantVersion.objects.create(
        scheme=scheme,
        number=last + 1,
        reason=reason.strip(),
        approved_by=user,
        explanation=explanation,
        population_date=scheme.population_date,
        is_illustrative=scheme.is_illustrative,
    )
    GrantLine.objects.bulk_create(
        GrantLine(
            version=version,
            area=grant.area,
            population_figure=grant.figure,
            population=grant.figure.count,
            population_reference_date=grant.figure.reference_date,
            population_basis=grant.figure.basis,
            amount=grant.amount,
            explanation=grant.explanation,
        )
        for grant in grants
    )
    # bulk_create sends no post_save: the areas' pages show their new grant.
    content_changed("grants", areas=[grant.area for grant in grants])
    return version


def _scheme_problems(scheme: GrantScheme, bands) -> list[str]:
    """Every problem with a scheme (saved or not) and its bands, against the figures it uses."""
    figures = figures_used(scheme)
    populations = {
        name: (figures[pk].count if pk in figures else None)
        for pk, name in LocalArea.objects.order_by("name").values_list("pk", "name")
    }
    return computation.validate(as_computation(scheme, bands), populations)


def _year_problems(*, stored: GrantScheme | None, year: int) -> dict[str, str]:
    if not FIRST_YEAR <= year <= LAST_YEAR:
        return {"year": _("Skriv et år mellem 2000 og 2100.")}
    if stored is not None and year != stored.year and stored.versions.exists():
        # An approved year's address is published.
        return {"year": _("Året kan ikke ændres, når tilskuddet er godkendt.")}
    taken = GrantScheme.objects.filter(year=year)
    if stored is not None:
        taken = taken.exclude(pk=stored.pk)
    if taken.exists():
        return {"year": _("Der er allerede en model for året.")}
    return {}


@transaction.atomic
def grant_scheme_save(
    *,
    scheme: GrantScheme | None = None,
    year: int,
    kind: str,
    base: Decimal,
    rate: Decimal,
    floor: Decimal | None = None,
    cap: Decimal | None = None,
    total_budget: Decimal | None = None,
    population_date: datetime.date,
    accounts_due: datetime.date | None = None,
    is_illustrative: bool = False,
    bands: Sequence[BandData] = (),
) -> GrantScheme:
    """Creates (`scheme` None) or updates a year's scheme and its bands together, only if
    the whole scheme computes against the areas' figures; otherwise nothing (ValidationError).

    Bands are plain values, replaced as a whole: staff may swap or renumber limits freely.
    """
    stored = None if scheme is None else GrantScheme.objects.select_for_update().get(pk=scheme.pk)
    problems = _year_problems(stored=stored, year=year)
    if kind == SchemeKind.BUDGET and total_budget is None:
        problems["total_budget"] = _("Skriv puljens størrelse.")
    if problems:
        raise ValidationError(problems)
    saved = stored or GrantScheme()
    values = {
        "year": year, "kind": kind, "base": base, "rate": rate, "floor": floor, "cap": cap,
        "total_budget": total_budget, "population_date": population_date,
        "accounts_due": accounts_due, "is_illustrative": is_illustrative,
    }  # fmt: skip
    for name, value in values.items():
        setattr(saved, name, value)
    new_bands = sorted((GrantBand(**band) for band in bands), key=lambda band: band.lower)
    scheme_problems = _scheme_problems(saved, new_bands)
    if scheme_problems:
        raise ValidationError(scheme_problems, code="scheme")
    saved.full_clean(validate_unique=False)
    saved.save()
    saved.bands.all().delete()
    for band in new_bands:
        band.scheme = saved
    GrantBand.objects.bulk_create(new_bands)
    content_changed("grants")  # bulk_create sends no post_save
    return saved
