"""Reads for the grant pages, each a fixed number of queries: a year's amounts as the viewer
may see them (approved, or computed live from the draft scheme), and the scheme in words."""

from dataclasses import dataclass

from django.db.models import Exists, F, OuterRef, Prefetch, TextChoices
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from holbaek.text import kroner, number, one_full_stop
from lokalfora import grant_computation as computation
from lokalfora.models import (
    GrantLine,
    GrantScheme,
    GrantVersion,
    LocalArea,
    PopulationFigure,
    SchemeKind,
)
from lokalfora.permissions import can_manage_grants


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
                "lower": number(band.lower),
                "upper": number(band.upper) if band.upper is not None else "",
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


class Status(TextChoices):
    """What a year's amounts are, as shown to the one looking (see `status_for`).

    The values are the `status` field of the CSV and JSON downloads."""

    APPROVED = "godkendt", gettext_lazy("godkendt")
    PROPOSAL = "forslag", gettext_lazy("forslag, ikke godkendt endnu")
    DRAFT = "kladde", gettext_lazy("kladde")


def status_for(user, *, approved: bool) -> Status:
    """The one rule for every public page, feed and export of a year's grants.

    An approved version is shown to everyone as approved. Until then the amounts are a
    draft to those who manage the grants (they are still being worked on) and, to
    everyone else, a proposal that is clearly not approved yet: never "kladde", a word
    that means nothing to a citizen, and never without a label."""
    if approved:
        return Status.APPROVED
    return Status.DRAFT if can_manage_grants(user) else Status.PROPOSAL


@dataclass(frozen=True)
class YearView:
    scheme: GrantScheme
    version: GrantVersion | None  # the newest approved version; None: still a draft
    versions: list[GrantVersion]
    grants: list  # AreaGrant or GrantLine rows
    problems: list[str]
    formula: str
    status: Status

    @property
    def total(self) -> int | None:
        if self.problems:
            return None
        return sum(grant.amount for grant in self.grants)

    @property
    def population_date(self):
        return self.version.population_date if self.version else self.scheme.population_date

    @property
    def version_rows(self) -> list[tuple[str, list[int | None]]]:
        """Each area's amount in every approved version, newest first, for comparing them."""
        table = {}
        for index, version in enumerate(self.versions):
            for line in version.lines.all():
                row = table.setdefault(line.area.name, [None] * len(self.versions))
                row[index] = line.amount
        return sorted(table.items())

    @property
    def is_illustrative(self) -> bool:
        return self.version.is_illustrative if self.version else self.scheme.is_illustrative


def year_view(year: int, *, user) -> YearView | None:
    """The year as `user` may see it: the newest approved version, else the live draft
    labelled by `status_for`."""
    scheme = GrantScheme.objects.filter(year=year).prefetch_related("bands").first()
    if scheme is None:
        return None
    lines = GrantLine.objects.select_related("area").order_by("area__name")
    versions = list(
        GrantVersion.objects.filter(scheme=scheme)
        .select_related("approved_by")
        .prefetch_related(Prefetch("lines", queryset=lines))
        .order_by("-number")
    )
    if versions:
        latest = versions[0]
        lines = list(latest.lines.all())
        status = status_for(user, approved=True)
        return YearView(scheme, latest, versions, lines, [], latest.explanation, status)
    grants, problems = compute_draft(scheme)
    formula = describe(scheme, list(scheme.bands.all()))
    return YearView(scheme, None, [], grants, problems, formula, status_for(user, approved=False))


def years() -> list[tuple[int, bool]]:
    """Every year with a scheme, newest first, and whether it has an approved version."""
    schemes = GrantScheme.objects.annotate(
        approved=Exists(GrantVersion.objects.filter(scheme=OuterRef("pk")))
    )
    return list(schemes.order_by("-year").values_list("year", "approved"))


COMPARED_YEARS = 8  # the comparison table's columns: the newest approved years


def comparison(*, limit: int = COMPARED_YEARS):
    """Each area's approved amount in the `limit` newest approved years (newest versions
    only): {area name: {year: kr}}, and the years whose approved version is illustrative.
    3 queries, the same whatever number of years there are."""
    recent = list(
        GrantScheme.objects.filter(Exists(GrantVersion.objects.filter(scheme=OuterRef("pk"))))
        .order_by("-year")
        .values_list("pk", flat=True)[:limit]
    )
    latest, illustrative = {}, set()
    versions = GrantVersion.objects.filter(scheme_id__in=recent).select_related("scheme")
    for version in versions.order_by("scheme", "number"):
        latest[version.scheme.year] = version.pk
        if version.is_illustrative:
            illustrative.add(version.scheme.year)
        else:
            illustrative.discard(version.scheme.year)
    table = {}
    lines = GrantLine.objects.filter(version_id__in=latest.values()).select_related(
        "area", "version__scheme"
    )
    for line in lines:
        table.setdefault(line.area.name, {})[line.version.scheme.year] = line.amount
    return sorted(latest), dict(sorted(table.items())), illustrative


def area_grant(area, year: int, *, user):
    """This year's grant line for the area page: approved if there is one, else the draft
    (labelled for `user` by `status_for`)."""
    view = year_view(year, user=user)
    if view is None:
        return None
    for grant in view.grants:
        if grant.area.pk == area.pk:
            return {"view": view, "grant": grant}
    return None
