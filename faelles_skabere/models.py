from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from lokalfora.models import LocalArea


class CoCreatorKind(models.TextChoices):
    CO_CREATOR = "co_creator", _("Fælles-skaber")
    PROCESS_CONSULTANT = "process_consultant", _("Proceskonsulent")


class CoCreator(models.Model):
    """A municipal employee who helps the local areas (fælles-skaber).

    The product ships placeholder roles ("Fælles-skaber for Tølløse og
    Svinninge"); staff fill in the real people.
    """

    title = models.CharField(_("titel"), max_length=150, unique=True)
    name = models.CharField(_("navn"), max_length=150, blank=True)
    kind = models.CharField(
        _("rolle"), max_length=30, choices=CoCreatorKind.choices, default=CoCreatorKind.CO_CREATOR
    )
    user = models.OneToOneField(
        "holbaek.User",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="co_creator",
        verbose_name=_("brugerkonto"),
    )
    presentation = models.TextField(_("kort præsentation"), blank=True)
    expertise = models.CharField(_("fagområder"), max_length=300, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("telefon"), max_length=20, blank=True)

    class Meta:
        verbose_name = _("fælles-skaber")
        verbose_name_plural = _("fælles-skabere")
        ordering = ["kind", "title"]

    def __str__(self):
        return self.name or self.title

    @property
    def display_name(self):
        return self.name or self.title


class AssignmentKind(models.TextChoices):
    FIXED = "fixed", _("fast fælles-skaber")
    PROCESS = "process", _("procesforløb")


class AssignmentQuerySet(models.QuerySet):
    def current(self):
        return self.filter(ended_on__isnull=True)

    def fixed(self):
        return self.filter(kind=AssignmentKind.FIXED)

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
