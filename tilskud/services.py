"""The grant for a year: computed live while the scheme is a draft, frozen when approved."""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F, Max
from django.utils import translation
from django.utils.translation import gettext as _

from holbaek.text import one_full_stop
from lokalfora.models import LocalArea, PopulationFigure
from tilskud import computation
from tilskud.computation import kroner
from tilskud.models import GrantBand, GrantLine, GrantScheme, GrantVersion, SchemeKind


@dataclass(frozen=True)
class AreaGrant:
    area: LocalArea
    figure: PopulationFigure | None
    amount: int | None
    explanation: str


def as_computation(scheme: GrantScheme, bands) -> computation.Scheme:
    budget = scheme.kind == SchemeKind.BUDGET
    return computation.Scheme(
        base=scheme.base,
        rate=scheme.rate if not budget else computation.ZERO,
        floor=None if budget else scheme.floor,
        cap=None if budget else scheme.cap,
        bands=()
        if budget
        else tuple(computation.Band(b.lower, b.upper, b.base, b.rate) for b in bands),
        total_budget=scheme.total_budget if budget else None,
    )


def describe(scheme: GrantScheme, bands) -> str:
    """The formula in Danish words, as the transparency page shows it."""
    if scheme.kind == SchemeKind.BUDGET:
        text = _("En pulje på %(budget)s fordeles efter befolkningstal") % {
            "budget": kroner(scheme.total_budget)
        }
        if scheme.base:
            text += _(", efter et grundbeløb på %(base)s til hvert område") % {
                "base": kroner(scheme.base)
            }
        return one_full_stop(text + ".")
    if bands:
        parts = [
            _("%(lower)s–%(upper)s indbyggere: %(base)s + %(rate)s pr. indbygger")
            % {
                "lower": computation.number(band.lower),
                "upper": computation.number(band.upper) if band.upper is not None else "",
                "base": kroner(band.base),
                "rate": kroner(band.rate),
            }
            for band in bands
        ]
        text = "; ".join(parts)
    else:
        text = _("Grundbeløb %(base)s + %(rate)s pr. indbygger") % {
            "base": kroner(scheme.base),
            "rate": kroner(scheme.rate),
        }
    if scheme.floor is not None:
        text += _(", mindst %(floor)s") % {"floor": kroner(scheme.floor)}
    if scheme.cap is not None:
        text += _(", højst %(cap)s") % {"cap": kroner(scheme.cap)}
    return one_full_stop(text + ".")


def figures_used(scheme: GrantScheme) -> dict[int, PopulationFigure]:
    """Each area's latest figure on or before the scheme's date (undated ones last). 1 query."""
    used = {}
    figures = PopulationFigure.objects.filter(
        reference_date__lte=scheme.population_date
    ) | PopulationFigure.objects.filter(reference_date__isnull=True)
    for figure in figures.order_by("area_id", F("reference_date").desc(nulls_last=True), "-id"):
        used.setdefault(figure.area_id, figure)
    return used


def compute_draft(scheme: GrantScheme) -> tuple[list[AreaGrant], list[str]]:
    """The amounts the scheme gives today, or the problems that stop it (never raises)."""
    bands = list(scheme.bands.all())
    areas = list(LocalArea.objects.order_by("name"))
    figures = figures_used(scheme)
    populations = {
        area.name: (figures[area.pk].count if area.pk in figures else None) for area in areas
    }
    problems = computation.validate(as_computation(scheme, bands), populations)
    if problems:
        return [AreaGrant(area, figures.get(area.pk), None, "") for area in areas], problems
    result = computation.compute(as_computation(scheme, bands), populations)
    grants = [
        AreaGrant(
            area,
            figures[area.pk],
            result.lines[area.name].amount,
            result.lines[area.name].explanation,
        )
        for area in areas
    ]
    return grants, []


@transaction.atomic
def approve(*, scheme: GrantScheme, user, reason: str = "") -> GrantVersion:
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
    return version


def check_scheme(scheme: GrantScheme, bands) -> list[str]:
    """Every problem with a scheme (saved or not) and its bands, against the figures it uses."""
    figures = figures_used(scheme)
    populations = {
        name: (figures[pk].count if pk in figures else None)
        for pk, name in LocalArea.objects.order_by("name").values_list("pk", "name")
    }
    return computation.validate(as_computation(scheme, bands), populations)


BAND_FIELDS = ("lower", "upper", "base", "rate")


@transaction.atomic
def save_scheme(form, formset) -> GrantScheme:
    """Saves a valid scheme form and its bands together, or nothing (ValidationError)."""
    scheme = form.save(commit=False)
    bands = sorted(
        (
            GrantBand(**{name: band_form.cleaned_data[name] for name in BAND_FIELDS})
            for band_form in formset.forms
            if (band_form.instance.pk or band_form.has_changed())
            and not band_form.cleaned_data.get("DELETE")
        ),
        key=lambda band: band.lower,
    )
    problems = check_scheme(scheme, bands)
    if problems:
        raise ValidationError(problems, code="scheme")
    scheme.save()
    # Bands are plain values: replacing them all lets staff swap or renumber limits freely.
    scheme.bands.all().delete()
    for band in bands:
        band.scheme = scheme
    GrantBand.objects.bulk_create(bands)
    return scheme
