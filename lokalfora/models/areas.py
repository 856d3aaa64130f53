"""The 18 local areas and their population figures."""

from django.db import models
from django.db.models import F, Prefetch, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from holbaek.text import LONG_TEXT, SHORT_TEXT


class LocalAreaQuerySet(models.QuerySet):
    def with_public_details(self):
        """Everything the area list and area page show, in a fixed number of queries whose
        cost does not grow with the years: only each area's newest population figure."""
        newest = PopulationFigure.objects.order_by(F("reference_date").desc(nulls_last=True), "-id")
        return self.select_related("forum").prefetch_related(
            Prefetch("population_figures", queryset=newest[:1], to_attr="newest_population")
        )


class LocalArea(models.Model):
    """One of the municipality's 18 local areas (lokalområder)."""

    slug = models.SlugField(_("kortnavn i adressen"), max_length=60, unique=True)
    name = models.CharField(_("navn"), max_length=100, unique=True)
    aliases = models.JSONField(_("andre navne"), default=list, blank=True)
    main_town = models.CharField(_("hovedby"), max_length=100)
    localities = models.JSONField(_("byer, landsbyer og sogne"), default=list, blank=True)
    description = models.TextField(_("beskrivelse"), blank=True, max_length=LONG_TEXT)
    is_holbaek_town = models.BooleanField(
        _("Holbæk By"),
        default=False,
        help_text=_(
            "Holbæk By er ikke med i de puljer, der er for de 17 lokalområder uden for byen."
        ),
    )

    objects = LocalAreaQuerySet.as_manager()

    class Meta:
        verbose_name = _("lokalområde")
        verbose_name_plural = _("lokalområder")
        ordering = ["-is_holbaek_town", "name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("lokalfora:area-detail", kwargs={"slug": self.slug})

    @property
    def current_population(self):
        """The newest population figure. Uses with_public_details' prefetch when there is one."""
        if hasattr(self, "newest_population"):
            return self.newest_population[0] if self.newest_population else None
        figures = list(
            self.population_figures.order_by(F("reference_date").desc(nulls_last=True), "-id")[:1]
        )
        return figures[0] if figures else None


class PopulationBasis(models.TextChoices):
    AREA = "area", _("hele lokalområdet")
    TOWN_ESTIMATE = "town_estimate", _("kun byen (skøn)")
    PARISH_ESTIMATE = "parish_estimate", _("sognet (skøn)")


class PopulationFigure(models.Model):
    """A population count for an area on a reference date, with its source."""

    area = models.ForeignKey(
        LocalArea,
        on_delete=models.CASCADE,
        related_name="population_figures",
        verbose_name=_("lokalområde"),
    )
    count = models.PositiveIntegerField(_("antal indbyggere"))
    reference_date = models.DateField(
        _("opgjort pr."), null=True, blank=True, help_text=_("Tom, hvis kilden ikke oplyser året.")
    )
    basis = models.CharField(_("grundlag"), max_length=20, choices=PopulationBasis.choices)
    source = models.TextField(_("kilde"), max_length=SHORT_TEXT)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("befolkningstal")
        verbose_name_plural = _("befolkningstal")
        ordering = ["area", "-reference_date"]
        constraints = [
            models.UniqueConstraint(
                fields=["area", "reference_date"], name="population_one_figure_per_area_and_date"
            ),
            models.UniqueConstraint(
                fields=["area"],
                condition=Q(reference_date__isnull=True),
                name="population_one_undated_figure_per_area",
            ),
        ]

    def __str__(self):
        return f"{self.area}: {self.count}"

    @property
    def is_estimate(self):
        return self.basis != PopulationBasis.AREA
