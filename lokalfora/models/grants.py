"""Grant schemes per year, and the frozen versions of their computed amounts."""

from decimal import Decimal

from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from holbaek.text import PAGE_TEXT, SHORT_TEXT
from lokalfora.models.areas import LocalArea, PopulationBasis, PopulationFigure

MONEY = {"max_digits": 12, "decimal_places": 2, "validators": [MinValueValidator(Decimal(0))]}


class SchemeKind(models.TextChoices):
    FORMULA = "formula", _("Grundbeløb og beløb pr. indbygger")
    BUDGET = "budget", _("Fast pulje fordelt efter befolkningstal")


class GrantScheme(models.Model):
    """How one year's grants are computed. Staff set it; shipped values are illustrative."""

    year = models.PositiveSmallIntegerField(_("år"), unique=True)
    kind = models.CharField(_("slags"), max_length=10, choices=SchemeKind.choices)
    base = models.DecimalField(_("grundbeløb pr. område (kr.)"), default=0, **MONEY)
    rate = models.DecimalField(_("beløb pr. indbygger (kr.)"), default=0, **MONEY)
    floor = models.DecimalField(_("bund (kr.)"), null=True, blank=True, **MONEY)
    cap = models.DecimalField(_("loft (kr.)"), null=True, blank=True, **MONEY)
    total_budget = models.DecimalField(_("samlet pulje (kr.)"), null=True, blank=True, **MONEY)
    population_date = models.DateField(
        _("befolkningstal pr."),
        help_text=_("Hvert område bruger sit seneste befolkningstal på eller før denne dato."),
    )
    is_illustrative = models.BooleanField(
        _("illustrativ"),
        default=False,
        help_text=_("Vises som et eksempel, ikke som kommunens vedtagne tal."),
    )
    accounts_due = models.DateField(
        _("regnskab senest"),
        null=True,
        blank=True,
        help_text=_(
            "Hvornår forummerne senest skal indsende regnskab for årets tilskud. "
            "Uden en dato sendes ingen påmindelser."
        ),
    )

    class Meta:
        verbose_name = _("tilskudsmodel")
        verbose_name_plural = _("tilskudsmodeller")
        ordering = ["-year"]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind="formula") | Q(total_budget__isnull=False),
                name="budget_scheme_has_budget",
                violation_error_message=_("Skriv puljens størrelse."),
            ),
            models.CheckConstraint(
                condition=Q(cap__isnull=True)
                | Q(floor__isnull=True)
                | Q(cap__gte=models.F("floor")),
                name="scheme_cap_not_below_floor",
                violation_error_message=_("Loftet må ikke være lavere end bunden."),
            ),
        ]

    def __str__(self):
        return f"{self.year}"

    def get_absolute_url(self):
        return reverse("tilskud:year", kwargs={"year": self.year})


class GrantBand(models.Model):
    """Areas from `lower` to `upper` inhabitants get their own base and rate."""

    scheme = models.ForeignKey(GrantScheme, on_delete=models.CASCADE, related_name="bands")
    lower = models.PositiveIntegerField(_("fra indbyggere"))
    upper = models.PositiveIntegerField(_("til og med indbyggere"), null=True, blank=True)
    base = models.DecimalField(_("grundbeløb (kr.)"), **MONEY)
    rate = models.DecimalField(_("beløb pr. indbygger (kr.)"), **MONEY)

    class Meta:
        verbose_name = _("befolkningsinterval")
        verbose_name_plural = _("befolkningsintervaller")
        ordering = ["scheme", "lower"]
        constraints = [
            models.UniqueConstraint(fields=["scheme", "lower"], name="band_unique_lower"),
        ]

    def __str__(self):
        return f"{self.lower}–{self.upper or ''}"


class GrantVersion(models.Model):
    """The approved amounts of a year, frozen. A recalculation is a new version with a reason."""

    scheme = models.ForeignKey(GrantScheme, on_delete=models.PROTECT, related_name="versions")
    number = models.PositiveSmallIntegerField(_("version"))
    reason = models.TextField(_("begrundelse"), blank=True, max_length=SHORT_TEXT)
    approved_at = models.DateTimeField(_("godkendt"), auto_now_add=True)
    approved_by = models.ForeignKey(
        "holbaek.User",
        on_delete=models.PROTECT,
        null=True,
        related_name="+",
        verbose_name=_("godkendt af"),
    )
    explanation = models.TextField(_("formel"), max_length=PAGE_TEXT)
    # Copied from the scheme when approved, so the published version never changes.
    population_date = models.DateField(_("befolkningstal pr."))
    is_illustrative = models.BooleanField(_("illustrativ"), default=False)

    class Meta:
        verbose_name = _("godkendt version")
        verbose_name_plural = _("godkendte versioner")
        ordering = ["scheme", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["scheme", "number"], name="version_unique_number"),
        ]

    def __str__(self):
        return f"{self.scheme.year} v{self.number}"


class GrantLine(models.Model):
    """One area's amount in an approved version, with the population figure it used."""

    version = models.ForeignKey(GrantVersion, on_delete=models.CASCADE, related_name="lines")
    area = models.ForeignKey(LocalArea, on_delete=models.PROTECT, related_name="grant_lines")
    population_figure = models.ForeignKey(
        PopulationFigure, on_delete=models.PROTECT, related_name="grant_lines"
    )
    # The figure as it was when approved: the figure's row may be corrected later.
    population = models.PositiveIntegerField(_("indbyggere"))
    population_reference_date = models.DateField(_("opgjort pr."), null=True, blank=True)
    population_basis = models.CharField(
        _("grundlag"), max_length=20, choices=PopulationBasis.choices
    )
    amount = models.PositiveIntegerField(_("beløb (kr.)"))
    explanation = models.TextField(_("udregning"), max_length=PAGE_TEXT)

    class Meta:
        verbose_name = _("tilskud til et område")
        verbose_name_plural = _("tilskud til områderne")
        ordering = ["version", "area__name"]
        constraints = [
            models.UniqueConstraint(fields=["version", "area"], name="line_one_per_area"),
        ]

    def __str__(self):
        return f"{self.area}: {self.amount} kr"

    @property
    def figure(self) -> PopulationFigure:
        """The figure as approved, under the same name as a draft's (services.AreaGrant)."""
        return PopulationFigure(
            area_id=self.area_id,
            count=self.population,
            reference_date=self.population_reference_date,
            basis=self.population_basis,
        )
