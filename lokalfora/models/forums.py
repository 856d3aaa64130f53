"""The forums (lokalfora), their contact persons, volunteer editors and invitations."""

from django.contrib.postgres.search import SearchVectorField
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from lokalfora.models.areas import LocalArea


class LegalForm(models.TextChoices):
    ASSOCIATION = "association", _("egen forening med CVR-nummer")
    PART_OF_ASSOCIATION = "part_of_association", _("del af en forening")
    UNREGISTERED = "unregistered", _("ikke registreret som forening endnu")


class Forum(models.Model):
    """The local forum (lokalforum) of one area: open to all, run by volunteers."""

    area = models.OneToOneField(
        LocalArea, on_delete=models.PROTECT, related_name="forum", verbose_name=_("lokalområde")
    )
    name = models.CharField(_("navn"), max_length=150)
    description = models.TextField(_("om lokalforummet"), blank=True, max_length=4000)
    legal_form = models.CharField(
        _("organisationsform"),
        max_length=30,
        choices=LegalForm.choices,
        default=LegalForm.UNREGISTERED,
    )
    cvr = models.CharField(
        _("CVR-nummer"),
        max_length=8,
        blank=True,
        validators=[RegexValidator(r"^[0-9]{8}$", _("Et CVR-nummer er 8 cifre."))],
    )
    website = models.URLField(_("hjemmeside"), blank=True)
    email = models.EmailField(_("fælles e-mailadresse"), blank=True)
    meetings = models.TextField(_("hvordan og hvornår I mødes"), blank=True, max_length=1000)
    how_to_join = models.TextField(_("sådan er du med"), blank=True, max_length=1000)
    updated_at = models.DateTimeField(_("opdateret"), auto_now=True)
    # Kept by a PostgreSQL trigger (migration 0004), whatever writes the row; NULL on SQLite.
    search_vector = SearchVectorField(null=True, editable=False)

    history = HistoricalRecords(excluded_fields=["updated_at", "search_vector"])

    class Meta:
        verbose_name = _("lokalforum")
        verbose_name_plural = _("lokalfora")
        ordering = ["area__name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(cvr="") | Q(cvr__regex=r"^[0-9]{8}$"),
                name="forum_cvr_eight_digits",
                violation_error_message=_("Et CVR-nummer er 8 cifre."),
            ),
        ]

    def __str__(self):
        return self.name

    def clean(self):
        if self.legal_form == LegalForm.ASSOCIATION and not self.cvr:
            raise ValidationError(
                {"cvr": _("En forening med eget CVR-nummer skal skrive CVR-nummeret.")}
            )


class ContactPersonQuerySet(models.QuerySet):
    def active(self):
        return self.filter(is_active=True)


class ContactPerson(models.Model):
    """A person the municipality and others can contact about a forum.

    Every field is personal data: each is shown publicly only from the date
    the person consented to it; municipal staff always see them.
    """

    forum = models.ForeignKey(
        Forum, on_delete=models.CASCADE, related_name="contacts", verbose_name=_("lokalforum")
    )
    name = models.CharField(_("navn"), max_length=150)
    # The default is data, stored in Danish whatever language the editor uses.
    role = models.CharField(_("rolle i lokalforummet"), max_length=80, default="Kontaktperson")
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(
        _("telefon"),
        max_length=20,
        blank=True,
        validators=[
            RegexValidator(
                r"^\+?[0-9][0-9 ]{6,18}[0-9]$",
                _("Skriv telefonnummeret med cifre, fx 12 34 56 78."),
            )
        ],
    )
    name_public_since = models.DateField(_("samtykke til at vise navn"), null=True, blank=True)
    email_public_since = models.DateField(_("samtykke til at vise e-mail"), null=True, blank=True)
    phone_public_since = models.DateField(_("samtykke til at vise telefon"), null=True, blank=True)
    is_active = models.BooleanField(_("aktiv"), default=True)
    last_confirmed = models.DateField(_("senest bekræftet"), null=True, blank=True)
    order = models.PositiveSmallIntegerField(_("rækkefølge"), default=0)

    objects = ContactPersonQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("kontaktperson")
        verbose_name_plural = _("kontaktpersoner")
        ordering = ["forum", "order", "name"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(email="") | ~Q(phone=""),
                name="contact_has_email_or_phone",
                violation_error_message=_(
                    "Skriv en e-mailadresse eller et telefonnummer, "
                    "så kommunen kan få fat i personen."
                ),
            ),
        ]

    def __str__(self):
        return f"{self.name} ({self.role})"


class ForumEditor(models.Model):
    """A volunteer who may edit one forum's page (object-level role)."""

    forum = models.ForeignKey(
        Forum, on_delete=models.CASCADE, related_name="editors", verbose_name=_("lokalforum")
    )
    user = models.ForeignKey(
        "holbaek.User",
        on_delete=models.CASCADE,
        related_name="forum_editorships",
        verbose_name=_("bruger"),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("forum-redaktør")
        verbose_name_plural = _("forum-redaktører")
        constraints = [
            models.UniqueConstraint(fields=["forum", "user"], name="forum_editor_unique"),
        ]

    def __str__(self):
        return f"{self.user} → {self.forum}"


class EditorInvitation(models.Model):
    """An invitation to become editor of one forum, sent by e-mail as a signed link."""

    forum = models.ForeignKey(
        Forum, on_delete=models.CASCADE, related_name="invitations", verbose_name=_("lokalforum")
    )
    email = models.EmailField(_("e-mailadresse"))
    invited_by = models.ForeignKey(
        "holbaek.User",
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("inviteret af"),
    )
    created_at = models.DateTimeField(_("sendt"), auto_now_add=True)
    accepted_at = models.DateTimeField(_("accepteret"), null=True, blank=True)
    accepted_by = models.ForeignKey(
        "holbaek.User",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("accepteret af"),
    )

    class Meta:
        verbose_name = _("invitation til redaktør")
        verbose_name_plural = _("invitationer til redaktører")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.email} → {self.forum}"
