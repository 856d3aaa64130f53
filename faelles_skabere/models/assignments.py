"""Who follows which area, from when to when, and who stands in for whom."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from faelles_skabere.models.co_creators import (
    CONSULTANT_NOT_FIXED,
    AssignmentKind,
    CoCreator,
    CoCreatorKind,
)
from lokalfora.models import LocalArea


class AssignmentQuerySet(models.QuerySet):
    def open(self):
        """Not ended: the current one, or a planned handover that has not started yet."""
        return self.filter(ended_on__isnull=True)

    def current(self, on=None):
        """In effect on the day (today by default)."""
        on = on or timezone.localdate()
        return self.filter(Q(ended_on__isnull=True) | Q(ended_on__gte=on), started_on__lte=on)

    def fixed(self):
        return self.filter(kind=AssignmentKind.FIXED)

    def fixed_on(self, on=None):
        """The fixed assignments in effect on the day (today by default).

        The one answer to "who is this area's fixed fælles-skaber today": sparring
        routing, the area page, the inbox and the pool permissions all ask here.
        A process (the process consultant's) never counts.
        """
        return self.fixed().current(on)

    def processes(self):
        return self.filter(kind=AssignmentKind.PROCESS)


class AreaAssignment(models.Model):
    """Who works with an area, from when to when.

    A fixed assignment (fast fælles-skaber) is the one person who follows
    the area; an area has exactly one at a time. A process (procesforløb)
    is the process consultant's time-limited work with an area that wants
    to get more people involved.
    """

    area = models.ForeignKey(
        LocalArea,
        on_delete=models.CASCADE,
        related_name="co_creator_assignments",
        verbose_name=_("lokalområde"),
    )
    co_creator = models.ForeignKey(
        CoCreator,
        on_delete=models.PROTECT,
        related_name="assignments",
        verbose_name=_("fælles-skaber"),
    )
    kind = models.CharField(
        _("slags"), max_length=10, choices=AssignmentKind.choices, default=AssignmentKind.FIXED
    )
    started_on = models.DateField(_("fra"))
    ended_on = models.DateField(_("til"), null=True, blank=True)

    objects = AssignmentQuerySet.as_manager()

    class Meta:
        verbose_name = _("fast fælles-skaber for et område")
        verbose_name_plural = _("faste fælles-skabere for områderne")
        ordering = ["area", "-started_on"]
        constraints = [
            models.UniqueConstraint(
                fields=["area"],
                condition=Q(ended_on__isnull=True, kind="fixed"),
                name="assignment_one_fixed_per_area",
            ),
            models.CheckConstraint(
                condition=Q(ended_on__isnull=True) | Q(ended_on__gte=models.F("started_on")),
                name="assignment_ends_after_start",
            ),
        ]

    def __str__(self):
        return f"{self.area}: {self.co_creator}"

    def clean(self):
        """An area's fixed assignments may not overlap (PostgreSQL also enforces it), and the
        process consultant has processes only (a trigger enforces it on PostgreSQL)."""
        if self.kind != AssignmentKind.FIXED:
            return
        if self.co_creator_id and self.co_creator.kind == CoCreatorKind.PROCESS_CONSULTANT:
            raise ValidationError({"co_creator": CONSULTANT_NOT_FIXED}, code="consultant_fixed")
        if not (self.area_id and self.started_on):
            return
        overlapping = AreaAssignment.objects.fixed().filter(
            Q(ended_on__isnull=True) | Q(ended_on__gte=self.started_on), area_id=self.area_id
        )
        if self.ended_on:
            overlapping = overlapping.filter(started_on__lte=self.ended_on)
        if overlapping.exclude(pk=self.pk).exists():
            raise ValidationError(
                _("Området har allerede en fast fælles-skaber i en del af perioden."),
                code="overlap",
            )


class StandIn(models.Model):
    """A colleague who covers for a fælles-skaber for a period (holiday, leave).

    While it runs, new sparring requests for the absent person's areas go to
    the stand-in, and the area pages say so.
    """

    co_creator = models.ForeignKey(
        CoCreator, on_delete=models.CASCADE, related_name="stand_ins", verbose_name=_("fraværende")
    )
    stand_in = models.ForeignKey(
        CoCreator,
        on_delete=models.PROTECT,
        related_name="standing_in_for",
        verbose_name=_("stedfortræder"),
    )
    starts_on = models.DateField(_("fra og med"))
    ends_on = models.DateField(_("til og med"))

    class Meta:
        verbose_name = _("stedfortræder")
        verbose_name_plural = _("stedfortrædere")
        ordering = ["-starts_on"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gte=models.F("starts_on")),
                name="stand_in_ends_after_start",
                violation_error_message=_("Perioden skal slutte, efter den begynder."),
            ),
            models.CheckConstraint(
                condition=~Q(stand_in=models.F("co_creator")),
                name="stand_in_is_someone_else",
                violation_error_message=_("En stedfortræder skal være en anden person."),
            ),
        ]

    def __str__(self):
        return f"{self.stand_in} for {self.co_creator} ({self.starts_on}–{self.ends_on})"

    def clean(self):
        if not (self.co_creator_id and self.starts_on and self.ends_on):
            return
        overlapping = StandIn.objects.filter(
            co_creator_id=self.co_creator_id,
            starts_on__lte=self.ends_on,
            ends_on__gte=self.starts_on,
        ).exclude(pk=self.pk)
        if overlapping.exists():
            raise ValidationError(
                _("Personen har allerede en stedfortræder i en del af perioden."), code="overlap"
            )
