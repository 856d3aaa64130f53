"""The hearings' settings staff keep in the admin: the reminders' timing and the shortest
hearing period per kind."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from lokalfora.models.hearings import HearingKind


class HearingSettings(models.Model):
    """The reminders' timing. One row (pk 1); staff set it in the admin."""

    first_reminder_days = models.PositiveSmallIntegerField(
        _("første påmindelse (dage før fristen)"),
        default=7,
        validators=[MinValueValidator(1), MaxValueValidator(60)],
    )
    second_reminder_days = models.PositiveSmallIntegerField(
        _("anden påmindelse (dage før fristen)"),
        default=2,
        validators=[MinValueValidator(1), MaxValueValidator(60)],
    )
    reminder_hour = models.PositiveSmallIntegerField(
        _("påmindelser sendes kl. (dansk tid)"),
        default=9,
        validators=[MinValueValidator(6), MaxValueValidator(20)],
    )

    class Meta:
        verbose_name = _("indstillinger for høringer")
        verbose_name_plural = _("indstillinger for høringer")
        constraints = [
            models.CheckConstraint(condition=Q(pk=1), name="hearing_settings_single"),
            models.CheckConstraint(
                condition=Q(first_reminder_days__gt=F("second_reminder_days")),
                name="hearing_reminders_in_order",
                violation_error_message=_(
                    "Den første påmindelse skal komme før den anden (flere dage før fristen)."
                ),
            ),
        ]

    def __str__(self):
        return str(_("Indstillinger for høringer"))

    @classmethod
    def current(cls) -> "HearingSettings":
        settings, _created = cls.objects.get_or_create(pk=1)
        return settings

    def reminder_offsets(self) -> tuple[int, int]:
        return (self.first_reminder_days, self.second_reminder_days)


class HearingKindRule(models.Model):
    """The shortest hearing period for a kind; a shorter one needs a written reason."""

    kind = models.CharField(_("type"), max_length=20, choices=HearingKind.choices, unique=True)
    minimum_days = models.PositiveSmallIntegerField(
        _("mindste høringsperiode (dage)"),
        validators=[MinValueValidator(1), MaxValueValidator(365)],
    )
    source = models.CharField(_("kilde"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("mindste høringsperiode")
        verbose_name_plural = _("mindste høringsperioder")
        ordering = ["kind"]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.minimum_days}"
