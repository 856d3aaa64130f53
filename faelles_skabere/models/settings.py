"""What staff set for the sparring service (one row)."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from faelles_skabere.closed_days import default_closed_days, validate_closed_days


class SparringSettings(models.Model):
    """What staff set for the service. One row (pk 1); `current()` creates it with defaults."""

    response_days = models.PositiveSmallIntegerField(
        _("første svar inden for (arbejdsdage)"),
        default=3,
        validators=[MinValueValidator(1), MaxValueValidator(30)],
    )
    anonymise_after_months = models.PositiveSmallIntegerField(
        _("anonymiser afsluttede anmodninger efter (måneder)"),
        default=24,
        validators=[MinValueValidator(1), MaxValueValidator(120)],
    )
    closed_days = models.JSONField(
        _("kommunens lukkedage"),
        default=default_closed_days,
        blank=True,
        validators=[validate_closed_days],
        help_text=_(
            "Dage, kommunen holder lukket hvert år ud over helligdagene. De tæller ikke som "
            "arbejdsdage i svarfrister og påmindelser. Skriv dag og måned, fx 24.12, 31.12."
        ),
    )

    class Meta:
        verbose_name = _("indstillinger for sparring")
        verbose_name_plural = _("indstillinger for sparring")
        constraints = [models.CheckConstraint(condition=Q(pk=1), name="sparring_settings_single")]

    def __str__(self):
        return str(_("Indstillinger for sparring"))

    @classmethod
    def current(cls) -> "SparringSettings":
        settings, _created = cls.objects.get_or_create(pk=1)
        return settings
