"""Templates (drejebøger) for special efforts: default phases and a toolbox of documents."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from holbaek.text import SHORT_TEXT
from projektudvalg.models.efforts import MilestoneKind


class EffortTemplate(models.Model):
    """A drejebog: default phases (milestones, days from the start) and a toolbox of
    documents, so a new effort is set up in minutes."""

    name = models.CharField(_("navn"), max_length=150, unique=True)
    description = models.TextField(_("beskrivelse"), max_length=SHORT_TEXT, blank=True)

    class Meta:
        verbose_name = _("drejebog")
        verbose_name_plural = _("drejebøger")
        ordering = ["name"]

    def __str__(self):
        return self.name


class TemplatePhase(models.Model):
    template = models.ForeignKey(EffortTemplate, on_delete=models.CASCADE, related_name="phases")
    title = models.CharField(_("titel"), max_length=150)
    kind = models.CharField(_("type"), max_length=12, choices=MilestoneKind.choices)
    offset_days = models.PositiveSmallIntegerField(_("dage efter start"))
    duration_hours = models.PositiveSmallIntegerField(_("varighed (timer)"), default=3)
    description = models.TextField(_("beskrivelse"), max_length=SHORT_TEXT, blank=True)

    class Meta:
        verbose_name = _("fase i en drejebog")
        verbose_name_plural = _("faser i drejebøger")
        ordering = ["template", "offset_days", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(duration_hours__gte=1, duration_hours__lte=72),
                name="template_phase_duration",
            ),
        ]

    def __str__(self):
        return self.title
