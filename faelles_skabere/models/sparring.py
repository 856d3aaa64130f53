"""Sparring requests to the fælles-skabere and their thread (settings: models/settings.py)."""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from faelles_skabere.models.co_creators import CoCreator, RequestTopic
from holbaek.text import SHORT_TEXT
from lokalfora.models import LocalArea

# What the public form says it takes; the model refuses more, also in the admin.
DESCRIPTION_LIMIT = 4000
MESSAGE_LIMIT = 4000


class RequesterKind(models.TextChoices):
    CITIZEN = "citizen", _("Borger")
    ASSOCIATION = "association", _("Forening")
    GROUP = "group", _("Løst organiseret gruppe")
    FORUM = "forum", _("Lokalforum")
    BUSINESS = "business", _("Virksomhed")
    INSTITUTION = "institution", _("Kommunal institution")


class PreferredContact(models.TextChoices):
    EMAIL = "email", _("E-mail")
    PHONE = "phone", _("Telefon")
    MEETING = "meeting", _("Møde")


class Status(models.TextChoices):
    UNCONFIRMED = "unconfirmed", _("Ikke bekræftet")
    NEW = "new", _("Ny")
    IN_DIALOGUE = "in_dialogue", _("I dialog")
    AWAITING_REPLY = "awaiting_reply", _("Afventer svar")
    CLOSED = "closed", _("Afsluttet")


OPEN_STATUSES = [Status.NEW, Status.IN_DIALOGUE, Status.AWAITING_REPLY]


class Outcome(models.TextChoices):
    ADVISED = "advised", _("Rådgivet")
    REFERRED = "referred", _("Henvist")
    PROJECT_STARTED = "project_started", _("Projekt startet")
    OTHER = "other", _("Andet")


class SparringRequest(models.Model):
    """Someone's request for sparring. Personal data: faelles_skabere/README.md says how long."""

    # Set when the e-mail address is confirmed and the request is routed.
    year = models.PositiveSmallIntegerField(_("år"), null=True, blank=True)
    number = models.PositiveIntegerField(_("løbenummer"), null=True, blank=True)

    name = models.CharField(_("navn"), max_length=150)
    email = models.EmailField(_("e-mail"))
    phone = models.CharField(_("telefon"), max_length=20, blank=True)
    requester_kind = models.CharField(_("hvem er du"), max_length=20, choices=RequesterKind.choices)
    area = models.ForeignKey(
        LocalArea,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="sparring_requests",
        verbose_name=_("lokalområde"),
        help_text=_("Tom: på tværs af områder, eller ved ikke."),
    )
    topic = models.CharField(_("emne"), max_length=20, choices=RequestTopic.choices)
    description = models.TextField(_("beskrivelse"), max_length=DESCRIPTION_LIMIT)
    preferred_contact = models.CharField(
        _("hvordan vil du helst kontaktes"), max_length=10, choices=PreferredContact.choices
    )

    # The language the request was written in: every mail to the requester is in it.
    language = models.CharField(
        _("sprog"), max_length=10, choices=settings.LANGUAGES, default="da", editable=False
    )

    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.UNCONFIRMED
    )
    outcome = models.CharField(_("resultat"), max_length=20, choices=Outcome.choices, blank=True)
    assigned_to = models.ForeignKey(
        CoCreator,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="sparring_requests",
        verbose_name=_("sendt til"),
    )
    routing_reason = models.TextField(_("hvorfor"), blank=True, max_length=SHORT_TEXT)

    created_at = models.DateTimeField(_("sendt"), auto_now_add=True)
    confirmed_at = models.DateTimeField(_("bekræftet"), null=True, blank=True)
    answer_due_on = models.DateField(_("første svar senest"), null=True, blank=True)
    first_answered_at = models.DateTimeField(_("første svar"), null=True, blank=True)
    closed_at = models.DateTimeField(_("afsluttet"), null=True, blank=True)
    anonymised_at = models.DateTimeField(_("anonymiseret"), null=True, blank=True)

    class Meta:
        verbose_name = _("anmodning om sparring")
        verbose_name_plural = _("anmodninger om sparring")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(fields=["year", "number"], name="sparring_reference_unique"),
            models.CheckConstraint(
                condition=Q(status="unconfirmed") | Q(number__isnull=False, year__isnull=False),
                name="sparring_confirmed_has_reference",
            ),
            models.CheckConstraint(
                condition=~Q(status="closed") | ~Q(outcome=""),
                name="sparring_closed_has_outcome",
            ),
        ]
        indexes = [models.Index(fields=["status", "assigned_to"], name="sparring_inbox_idx")]

    def __str__(self):
        return self.reference or str(_("Ubekræftet anmodning"))

    def get_absolute_url(self):
        return reverse("sparring:inbox-detail", kwargs={"pk": self.pk})

    @property
    def reference(self) -> str:
        """E.g. SP-2026-0042; empty until the address is confirmed."""
        return f"SP-{self.year}-{self.number:04d}" if self.number else ""

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES


class ReferenceCounter(models.Model):
    """The last reference number used per year; its row is locked while a number is taken."""

    year = models.PositiveSmallIntegerField(primary_key=True)
    last = models.PositiveIntegerField(default=0)

    def __str__(self):
        return f"{self.year}: {self.last}"


class MessageKind(models.TextChoices):
    REQUESTER = "requester", _("Fra anmoderen")
    REPLY = "reply", _("Svar")
    NOTE = "note", _("Intern note")
    EVENT = "event", _("Hændelse")


class Message(models.Model):
    """One entry in a request's thread. Notes and events are never shown to the requester."""

    request = models.ForeignKey(SparringRequest, on_delete=models.CASCADE, related_name="messages")
    kind = models.CharField(_("slags"), max_length=10, choices=MessageKind.choices)
    author = models.ForeignKey(
        "holbaek.User",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("skrevet af"),
    )
    body = models.TextField(_("tekst"), max_length=MESSAGE_LIMIT)
    created_at = models.DateTimeField(_("tidspunkt"), auto_now_add=True)

    class Meta:
        verbose_name = _("besked")
        verbose_name_plural = _("beskeder")
        ordering = ["created_at", "id"]

    def __str__(self):
        return f"{self.request}: {self.get_kind_display()}"


def attachment_path(attachment, filename: str) -> str:
    """A random name: files are served only through permission-checked views."""
    return f"sparring/{uuid.uuid4().hex}.{attachment.extension}"


class Attachment(models.Model):
    """A file the requester sent with a message, stored privately."""

    message = models.ForeignKey(Message, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(_("fil"), upload_to=attachment_path)
    name = models.CharField(_("filnavn"), max_length=255)
    extension = models.CharField(max_length=10)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField(_("størrelse i bytes"))

    class Meta:
        verbose_name = _("vedhæftet fil")
        verbose_name_plural = _("vedhæftede filer")
        ordering = ["id"]

    def __str__(self):
        return self.name
