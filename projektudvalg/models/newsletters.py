"""Track 3: newsletters to segments of areas, topics and roles.

The recipients are computed by one function (`selectors.newsletters.recipients`), which
the preview shows and the send freezes into `NewsletterRecipient` rows, so the count
shown is the count queued. Each address is one row (unique), so it gets one mail
however many segments it is in. The sending task claims rows in batches and marks them
"sending" before the mail goes and "sent" after: a restart never sends a row twice (a
row left "sending" by a crash is marked "unknown", not retried).
"""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _

from holbaek.text import PAGE_TEXT
from lokalfora.models import LocalArea, NewsTopic
from projektudvalg.models.efforts import SpecialEffort
from projektudvalg.models.news import MunicipalNews


class NewsletterStatus(models.TextChoices):
    DRAFT = "draft", _("kladde")
    QUEUED = "queued", _("sendes")
    SENT = "sent", _("sendt")
    CANCELLED = "cancelled", _("annulleret")


class Newsletter(models.Model):
    subject = models.CharField(_("emne"), max_length=150)
    intro = models.TextField(
        _("tekst"), max_length=PAGE_TEXT, blank=True, help_text=_("Almindelig tekst.")
    )
    items = models.ManyToManyField(
        MunicipalNews, blank=True, related_name="newsletters", verbose_name=_("nyheder")
    )
    # The segment: who, where, about what.
    whole_municipality = models.BooleanField(_("hele kommunen"), default=False)
    areas = models.ManyToManyField(
        LocalArea, blank=True, related_name="newsletters", verbose_name=_("lokalområder")
    )
    topics = models.ManyToManyField(
        NewsTopic, blank=True, related_name="newsletters", verbose_name=_("emner"),
        help_text=_("Tomt: alle følgere af områderne. Ellers kun de følgere, der har valgt "
                    "et af emnerne."),
    )  # fmt: skip
    to_followers = models.BooleanField(_("følgere af områderne"), default=True)
    to_contacts = models.BooleanField(_("lokalforaenes kontaktpersoner"), default=False)
    to_editors = models.BooleanField(_("lokalforaenes redaktører"), default=False)
    efforts = models.ManyToManyField(
        SpecialEffort, blank=True, related_name="newsletters",
        verbose_name=_("følgere af særlige indsatser"),
    )  # fmt: skip
    status = models.CharField(
        _("status"), max_length=10, choices=NewsletterStatus.choices,
        default=NewsletterStatus.DRAFT,
    )  # fmt: skip
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+",
        editable=False,
    )  # fmt: skip
    created_at = models.DateTimeField(_("oprettet"), auto_now_add=True)
    updated_at = models.DateTimeField(_("opdateret"), auto_now=True)
    queued_at = models.DateTimeField(_("sat til afsendelse"), null=True, blank=True)
    queued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
        related_name="+",
    )  # fmt: skip
    finished_at = models.DateTimeField(_("færdigsendt"), null=True, blank=True)
    last_test_at = models.DateTimeField(_("seneste prøve"), null=True, blank=True)

    class Meta:
        verbose_name = _("nyhedsbrev")
        verbose_name_plural = _("nyhedsbreve")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(status=NewsletterStatus.DRAFT) | Q(queued_at__isnull=False),
                name="newsletter_queued_has_time",
            ),
            models.CheckConstraint(
                condition=~Q(status=NewsletterStatus.SENT) | Q(finished_at__isnull=False),
                name="newsletter_sent_has_time",
            ),
        ]

    def __str__(self):
        return self.subject


class RecipientStatus(models.TextChoices):
    PENDING = "pending", _("venter")
    SENDING = "sending", _("sendes")
    SENT = "sent", _("sendt")
    FAILED = "failed", _("fejlede")
    UNKNOWN = "unknown", _("ukendt (afbrudt)")
    CANCELLED = "cancelled", _("ikke sendt (annulleret)")


class NewsletterRecipient(models.Model):
    """One address a newsletter goes to, frozen when it was queued: the send log.

    `area` and `topic` are what its one-click unsubscribe ends (the first area or topic
    that put the address in the segment); `reasons` says, for the log, which parts did.
    The addresses are personal data: the retention task blanks them after the
    newsletter is sent (services/retention), keeping the counts.
    """

    newsletter = models.ForeignKey(Newsletter, on_delete=models.CASCADE,
                                   related_name="recipients")  # fmt: skip
    email = models.EmailField(_("e-mailadresse"), blank=True)
    area = models.ForeignKey(LocalArea, on_delete=models.SET_NULL, null=True, blank=True,
                             related_name="+")  # fmt: skip
    topic = models.ForeignKey(NewsTopic, on_delete=models.SET_NULL, null=True, blank=True,
                              related_name="+")  # fmt: skip
    reasons = models.CharField(_("hvorfor"), max_length=500, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=RecipientStatus.choices,
        default=RecipientStatus.PENDING,
    )  # fmt: skip
    sent_at = models.DateTimeField(_("sendt"), null=True, blank=True)
    # When the sending task took the row ("sending"): a row still sending an hour later was
    # cut off by a crash and is marked "unknown", never sent again.
    claimed_at = models.DateTimeField(_("taget til afsendelse"), null=True, blank=True)

    class Meta:
        verbose_name = _("modtager af et nyhedsbrev")
        verbose_name_plural = _("modtagere af nyhedsbreve")
        ordering = ["newsletter", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["newsletter", "email"], condition=~Q(email=""),
                name="newsletter_one_mail_per_address",
            ),
            models.CheckConstraint(condition=Q(email=Lower("email")),
                                   name="newsletter_recipient_lowercase"),
            models.CheckConstraint(
                condition=~Q(status=RecipientStatus.SENT) | Q(sent_at__isnull=False),
                name="newsletter_recipient_sent_has_time",
            ),
        ]  # fmt: skip
        indexes = [models.Index(fields=["newsletter", "status"], name="newsletter_recipient_idx")]

    def __str__(self):
        return f"{self.newsletter}: {self.email or '–'}"


class NewsletterSettings(models.Model):
    """How long a sent newsletter's send log keeps its addresses. One row (pk 1), kept by
    staff in the admin; the nightly task (projektudvalg.newsletter_tasks) blanks them."""

    log_months = models.PositiveSmallIntegerField(
        _("gem modtagernes e-mailadresser i sendeloggen i (måneder)"), default=6,
        validators=[MinValueValidator(1), MaxValueValidator(60)],
        help_text=_("Regnet fra, da nyhedsbrevet var færdigsendt. Antallene bliver."),
    )  # fmt: skip

    class Meta:
        verbose_name = _("indstillinger for nyhedsbreve")
        verbose_name_plural = _("indstillinger for nyhedsbreve")
        constraints = [
            models.CheckConstraint(condition=Q(pk=1), name="newsletter_settings_single"),
            models.CheckConstraint(condition=Q(log_months__gte=1, log_months__lte=60),
                                   name="newsletter_log_months_range"),
        ]  # fmt: skip

    def __str__(self):
        return str(_("Indstillinger for nyhedsbreve"))

    @classmethod
    def current(cls) -> "NewsletterSettings":
        settings_row, _created = cls.objects.get_or_create(pk=1)
        return settings_row


class OptOutRole(models.TextChoices):
    CONTACTS = "contacts", _("kontaktpersoner")
    EDITORS = "editors", _("redaktører")


class NewsletterOptOut(models.Model):
    """A contact person or editor who unsubscribed from newsletters about one area.

    Followers unsubscribe by ending their subscription (or a topic of it); contact persons
    and editors are in a segment by their role, so their one click is kept here and the
    recipient list leaves them out from then on. Deleted when the address leaves the role.
    """

    email = models.EmailField(_("e-mailadresse"))
    area = models.ForeignKey(LocalArea, on_delete=models.CASCADE, related_name="+")
    role = models.CharField(_("rolle"), max_length=10, choices=OptOutRole.choices)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("framelding af nyhedsbreve")
        verbose_name_plural = _("frameldinger af nyhedsbreve")
        constraints = [
            models.UniqueConstraint(fields=["email", "area", "role"],
                                    name="newsletter_opt_out_once"),
            models.CheckConstraint(condition=Q(email=Lower("email")),
                                   name="newsletter_opt_out_lowercase"),
        ]  # fmt: skip

    def __str__(self):
        return f"{self.email} ↛ {self.area} ({self.get_role_display()})"
