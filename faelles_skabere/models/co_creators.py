"""The fælles-skabere and the process consultant, their fagområder, and the request topics."""

import uuid

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from holbaek.text import SHORT_TEXT


class CoCreatorKind(models.TextChoices):
    CO_CREATOR = "co_creator", _("Fælles-skaber")
    PROCESS_CONSULTANT = "process_consultant", _("Proceskonsulent")


class AssignmentKind(models.TextChoices):
    FIXED = "fixed", _("fast fælles-skaber")
    PROCESS = "process", _("procesforløb")


CONSULTANT_NOT_FIXED = _(
    "Proceskonsulenten kan ikke være fast fælles-skaber for et område, kun have procesforløb."
)


class RequestTopic(models.TextChoices):
    """What a sparring request is about (also what a fagområde covers, for routing)."""

    PROJECT_IDEA = "project_idea", _("Projektidé")
    POOL_APPLICATION = "pool_application", _("Puljeansøgning")
    EVENT = "event", _("Arrangement eller møde")
    HEARING = "hearing", _("Høring")
    VOLUNTEERING = "volunteering", _("Frivillighed")
    OTHER = "other", _("Andet")


class Expertise(models.Model):
    """A fagområde: staff keep the list, and say which request topics it covers.

    A request that crosses areas (or whose area is unknown) goes to the
    fælles-skaber whose fagområder cover its topic.
    """

    name = models.CharField(_("navn"), max_length=100, unique=True)
    topics = models.JSONField(
        _("emner i anmodninger om sparring"),
        default=list,
        blank=True,
        help_text=_("Anmodninger på tværs af områder om disse emner sendes til fagområdets folk."),
    )

    class Meta:
        verbose_name = _("fagområde")
        verbose_name_plural = _("fagområder")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def clean(self):
        unknown = set(self.topics or []) - set(RequestTopic.values)
        if unknown or not isinstance(self.topics, list):
            raise ValidationError({"topics": _("Ukendt emne: %(topics)s") % {"topics": unknown}})


def photo_path(co_creator, filename: str) -> str:
    extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else "bin"
    return f"faelles-skabere/{uuid.uuid4().hex}.{extension}"


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
    presentation = models.TextField(_("kort præsentation"), blank=True, max_length=SHORT_TEXT)
    expertise = models.ManyToManyField(
        Expertise, blank=True, related_name="co_creators", verbose_name=_("fagområder")
    )
    photo = models.ImageField(_("foto"), upload_to=photo_path, blank=True)
    photo_alt = models.CharField(_("beskrivelse af fotoet"), max_length=250, blank=True)
    email = models.EmailField(_("e-mail"), blank=True, help_text=_("En fælles postkasse er fin."))
    phone = models.CharField(_("telefon"), max_length=20, blank=True)
    is_coordinator = models.BooleanField(
        _("koordinator"),
        default=False,
        help_text=_(
            "Får anmodninger på tværs af områder, som ingen fagområder dækker. Kun én ad gangen."
        ),
    )

    class Meta:
        verbose_name = _("fælles-skaber")
        verbose_name_plural = _("fælles-skabere")
        ordering = ["kind", "title"]
        constraints = [
            models.UniqueConstraint(
                fields=["is_coordinator"],
                condition=Q(is_coordinator=True),
                name="one_coordinator",
                violation_error_message=_("Der kan kun være én koordinator."),
            ),
            models.CheckConstraint(
                condition=Q(photo="") | ~Q(photo_alt=""),
                name="co_creator_photo_has_alt_text",
                violation_error_message=_("Skriv en beskrivelse af fotoet (alt-tekst)."),
            ),
        ]

    def __str__(self):
        return self.name or self.title

    @property
    def display_name(self):
        return self.name or self.title

    def clean(self):
        """The process consultant is never an area's fixed fælles-skaber (see AreaAssignment)."""
        if (
            self.pk
            and self.kind == CoCreatorKind.PROCESS_CONSULTANT
            and self.assignments.filter(kind=AssignmentKind.FIXED).exists()
        ):
            raise ValidationError({"kind": CONSULTANT_NOT_FIXED}, code="consultant_fixed")
