"""Reads for the grant pages, each a fixed number of queries."""

from dataclasses import dataclass

from django.db.models import Exists, OuterRef, Prefetch, TextChoices
from django.utils.translation import gettext_lazy as _

from tilskud import services
from tilskud.models import GrantLine, GrantScheme, GrantVersion
from tilskud.permissions import can_manage_grants


class Status(TextChoices):
    """What a year's amounts are, as shown to the one looking (see `status_for`).

    The values are the `status` field of the CSV and JSON downloads."""

    APPROVED = "godkendt", _("godkendt")
    PROPOSAL = "forslag", _("forslag, ikke godkendt endnu")
    DRAFT = "kladde", _("kladde")


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
    grants: list  # services.AreaGrant or GrantLine rows
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
    grants, problems = services.compute_draft(scheme)
    formula = services.describe(scheme, list(scheme.bands.all()))
    return YearView(scheme, None, [], grants, problems, formula, status_for(user, approved=False))


def years() -> list[tuple[int, bool]]:
    """Every year with a scheme, newest first, and whether it has an approved version."""
    schemes = GrantScheme.objects.annotate(
        approved=Exists(GrantVersion.objects.filter(scheme=OuterRef("pk")))
    )
    return list(schemes.order_by("-year").values_list("year", "approved"))


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
