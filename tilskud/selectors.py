"""Reads for the grant pages, each a fixed number of queries."""

from dataclasses import dataclass

from django.db.models import Prefetch

from tilskud import services
from tilskud.models import GrantLine, GrantScheme, GrantVersion


@dataclass(frozen=True)
class YearView:
    scheme: GrantScheme
    version: GrantVersion | None  # the newest approved version; None: still a draft
    versions: list[GrantVersion]
    grants: list  # services.AreaGrant or GrantLine rows
    problems: list[str]
    formula: str

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


def year_view(year: int) -> YearView | None:
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
        return YearView(scheme, latest, versions, list(latest.lines.all()), [], latest.explanation)
    grants, problems = services.compute_draft(scheme)
    formula = services.describe(scheme, list(scheme.bands.all()))
    return YearView(scheme, None, [], grants, problems, formula)


def years():
    return list(GrantScheme.objects.order_by("-year").values_list("year", flat=True))


def comparison():
    """Each area's approved amount per year (newest versions only): {area name: {year: kr}},
    and the years whose approved version is illustrative."""
    latest, illustrative = {}, set()
    for version in GrantVersion.objects.select_related("scheme").order_by("scheme", "number"):
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


def area_grant(area, year: int):
    """This year's grant line for the area page: approved if there is one, else the draft."""
    view = year_view(year)
    if view is None:
        return None
    for grant in view.grants:
        if grant.area.pk == area.pk:
            return {"view": view, "grant": grant}
    return None
