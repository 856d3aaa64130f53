"""How long the forums' personal data is kept."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class RetentionSettings(models.Model):
    """How long the forums' personal data is kept. One row (pk 1); staff set it in the admin."""

    contact_history_months = models.PositiveSmallIntegerField(
        _("gem ændringshistorik for kontaktpersoner i (måneder)"),
        default=24,
        validators=[MinValueValidator(1), MaxValueValidator(120)],
        help_text=_(
            "Ældre versioner af kontaktpersoner (navn, e-mail, telefon) og fjernede "
            "kontaktpersoners historik slettes derefter."
        ),
    )
    invitation_months = models.PositiveSmallIntegerField(
        _("gem invitationer til redaktører i (måneder)"),
        default=3,
        validators=[MinValueValidator(1), MaxValueValidator(24)],
    )

    hearing_contact_months = models.PositiveSmallIntegerField(
        _("gem høringssvarenes e-mail og adresse i (måneder efter høringsfristen)"),
        default=12,
        validators=[MinValueValidator(1), MaxValueValidator(120)],
        help_text=_(
            "Derefter slettes afsendernes e-mailadresser og adresser og lokalforaenes "
            "usendte kladder. Selve svarene er sagsakter og bliver: eksportér dem til sagen."
        ),
    )

    class Meta:
        verbose_name = _("opbevaring af personoplysninger")
        verbose_name_plural = _("opbevaring af personoplysninger")
        constraints = [models.CheckConstraint(condition=Q(pk=1), name="retention_settings_single")]

    def __str__(self):
        return str(_("Opbevaring af personoplysninger"))

    @classmethod
    def current(cls) -> "RetentionSettings":
        settings, _created = cls.objects.get_or_create(pk=1)
        return settings
