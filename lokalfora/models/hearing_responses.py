"""Answers to hearings (høringssvar), their attachments, the check before publishing,
and the høringsnotat's lines.

Answers are case documents (aktindsigt): every one is kept, also when hidden or
redacted. What the public may see is decided in one place, `HearingResponse.is_public`.
"""

import uuid

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from holbaek.models import StoredFile
from holbaek.text import LONG_TEXT, SHORT_TEXT, TEXT
from lokalfora.models.forums import Forum
from lokalfora.models.hearings import Hearing


class OnBehalfOf(models.TextChoices):
    FORUM = "forum", _("et lokalforum")
    ORGANISATION = "organisation", _("en forening eller organisation")
    PRIVATE = "private", _("mig selv som privatperson")


class ResponseStatus(models.TextChoices):
    DRAFT = "draft", _("kladde")
    SUBMITTED = "submitted", _("modtaget")
    WITHDRAWN = "withdrawn", _("trukket tilbage")


class ScreeningStatus(models.TextChoices):
    """The check for personal data before anything is published."""

    PENDING = "pending", _("ikke kontrolleret")
    CLEAR = "clear", _("kontrolleret")
    HELD = "held", _("afventer kontrol")
    RELEASED = "released", _("frigivet af en medarbejder")
    REDACTED = "redacted", _("redigeret af en medarbejder")
    HIDDEN = "hidden", _("ikke offentliggjort")


PUBLISHABLE_SCREENINGS = (ScreeningStatus.CLEAR, ScreeningStatus.RELEASED, ScreeningStatus.REDACTED)


class HearingResponseQuerySet(models.QuerySet):
    def submitted(self):
        return self.filter(status=ResponseStatus.SUBMITTED)

    def publishable(self):
        """Submitted, checked and not sensitive: public when the hearing's rule allows."""
        return self.filter(
            status=ResponseStatus.SUBMITTED,
            contains_sensitive_information=False,
            screening__in=PUBLISHABLE_SCREENINGS,
        )


class HearingResponse(models.Model):
    """An answer, from a forum (on behalf of it), an organisation or a private person."""

    hearing = models.ForeignKey(
        Hearing, on_delete=models.PROTECT, related_name="responses", verbose_name=_("høring")
    )
    number = models.PositiveIntegerField(_("svar nr."), null=True, blank=True)
    on_behalf_of = models.CharField(_("på vegne af"), max_length=20, choices=OnBehalfOf.choices)
    forum = models.ForeignKey(
        Forum,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="hearing_responses",
        verbose_name=_("lokalforum"),
    )
    organisation_name = models.CharField(_("foreningens navn"), max_length=200, blank=True)
    author_name = models.CharField(_("dit navn"), max_length=150)
    # Blank once the retention period has passed (services/retention.py).
    author_email = models.EmailField(_("din e-mailadresse"), blank=True)
    address = models.CharField(_("adresse"), max_length=200, blank=True)
    address_secret = models.BooleanField(_("min adresse er hemmelig"), default=False)
    initials_only = models.BooleanField(_("vis kun mine initialer"), default=False)
    hide_name = models.BooleanField(_("skjul mit navn"), default=False)
    text = models.TextField(_("høringssvar"), max_length=LONG_TEXT, blank=True)
    contains_sensitive_information = models.BooleanField(
        _("svaret indeholder følsomme oplysninger"),
        default=False,
        help_text=_("Så kan kun kommunens medarbejdere læse det."),
    )
    consent_ack = models.BooleanField(
        _("jeg ved, at høringssvar er sagsakter, som andre kan få aktindsigt i"), default=False
    )
    status = models.CharField(
        _("status"), max_length=20, choices=ResponseStatus.choices, default=ResponseStatus.DRAFT
    )
    screening = models.CharField(
        _("kontrol"),
        max_length=20,
        choices=ScreeningStatus.choices,
        default=ScreeningStatus.PENDING,
    )
    # What the automatic check found: kinds only ("cpr", "email", "phone"), never the values.
    screening_findings = models.JSONField(default=list, blank=True)
    # The text as published when staff redacted it; `text` keeps the original internally.
    public_text = models.TextField(_("offentliggjort tekst"), max_length=LONG_TEXT, blank=True)
    drafted_by = models.ForeignKey(
        "holbaek.User", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    submitted_by = models.ForeignKey(
        "holbaek.User", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    # Lets the author withdraw (a link in the receipt) without an account.
    withdraw_key = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    submitted_at = models.DateTimeField(_("modtaget"), null=True, blank=True)
    withdrawn_at = models.DateTimeField(_("trukket tilbage"), null=True, blank=True)

    objects = HearingResponseQuerySet.as_manager()

    class Meta:
        verbose_name = _("høringssvar")
        verbose_name_plural = _("høringssvar")
        ordering = ["hearing", "number", "id"]
        indexes = [models.Index(fields=["forum", "-submitted_at"], name="hearing_response_forum")]
        constraints = [
            models.UniqueConstraint(
                fields=["hearing", "number"],
                condition=Q(number__isnull=False),
                name="hearing_response_number_once",
            ),
            # One live answer (a draft or a submitted one) per forum and hearing.
            models.UniqueConstraint(
                fields=["hearing", "forum"],
                condition=Q(forum__isnull=False) & ~Q(status="withdrawn"),
                name="hearing_response_one_per_forum",
            ),
            models.CheckConstraint(
                condition=(Q(on_behalf_of="forum") & Q(forum__isnull=False))
                | (~Q(on_behalf_of="forum") & Q(forum__isnull=True)),
                name="hearing_response_forum_matches",
            ),
            models.CheckConstraint(
                condition=~Q(on_behalf_of="organisation") | ~Q(organisation_name=""),
                name="hearing_response_organisation_named",
                violation_error_message=_("Skriv foreningens eller organisationens navn."),
            ),
            models.CheckConstraint(
                condition=Q(status="draft")
                | (Q(number__isnull=False) & Q(submitted_at__isnull=False)),
                name="hearing_response_submitted_numbered",
            ),
            models.CheckConstraint(
                condition=Q(status="draft") | Q(consent_ack=True),
                name="hearing_response_consent",
            ),
            models.CheckConstraint(
                condition=~Q(screening="redacted") | ~Q(public_text=""),
                name="hearing_response_redacted_has_text",
            ),
        ]

    def __str__(self):
        if self.number:
            return f"{self.hearing}: svar nr. {self.number}"
        return f"{self.hearing}: kladde"

    @property
    def is_submitted(self) -> bool:
        return self.status == ResponseStatus.SUBMITTED

    @property
    def is_publishable(self) -> bool:
        return (
            self.status == ResponseStatus.SUBMITTED
            and not self.contains_sensitive_information
            and self.screening in PUBLISHABLE_SCREENINGS
        )

    def is_public(self, now=None) -> bool:
        """The one rule for showing an answer to the public."""
        return self.is_publishable and self.hearing.answers_are_public(now)

    @property
    def shown_text(self) -> str:
        return self.public_text if self.screening == ScreeningStatus.REDACTED else self.text

    @property
    def shown_author(self) -> str:
        """The name the public sees: never an e-mail, a phone number or an address."""
        if self.hide_name:
            return str(_("Navn ikke vist"))
        if self.on_behalf_of == OnBehalfOf.PRIVATE and self.initials_only:
            return ".".join(part[0].upper() for part in self.author_name.split() if part) + "."
        return self.author_name

    @property
    def behalf_label(self) -> str:
        if self.on_behalf_of == OnBehalfOf.FORUM and self.forum_id:
            return self.forum.name
        if self.on_behalf_of == OnBehalfOf.ORGANISATION:
            return self.organisation_name
        return str(_("privatperson"))


class HearingAttachment(StoredFile):
    """A file sent with an answer. Public with the answer unless staff withheld it."""

    UPLOAD_FOLDER = "hoeringssvar"

    response = models.ForeignKey(
        HearingResponse, on_delete=models.CASCADE, related_name="attachments"
    )
    extracted_text_findings = models.JSONField(default=list, blank=True)
    withheld = models.BooleanField(_("ikke offentliggjort"), default=False)
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("bilag til høringssvar")
        verbose_name_plural = _("bilag til høringssvar")
        ordering = ["response", "id"]

    def __str__(self):
        return self.name


class ReviewAction(models.TextChoices):
    RELEASE = "release", _("frigivet")
    REDACT = "redact", _("redigeret")
    HIDE = "hide", _("ikke offentliggjort")
    WITHHOLD_ATTACHMENT = "withhold_attachment", _("bilag tilbageholdt")


class HearingResponseReview(models.Model):
    """A staff member's decision about a held answer, with the reason: the log Datatilsynet
    asks for ("en forudgående proces for at gennemgå materialet")."""

    response = models.ForeignKey(HearingResponse, on_delete=models.CASCADE, related_name="reviews")
    action = models.CharField(max_length=30, choices=ReviewAction.choices)
    reason = models.TextField(_("begrundelse"), max_length=SHORT_TEXT)
    reviewed_by = models.ForeignKey(
        "holbaek.User", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    reviewed_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("kontrol af høringssvar")
        verbose_name_plural = _("kontroller af høringssvar")
        ordering = ["response", "reviewed_at"]
        constraints = [
            models.CheckConstraint(condition=~Q(reason=""), name="hearing_review_has_reason")
        ]

    def __str__(self):
        return f"{self.response}: {self.get_action_display()}"


class HearingNoteLine(models.Model):
    """One line of the høringsnotat: an answer, its summary, the municipality's comment,
    and whether it leads to a change."""

    response = models.OneToOneField(
        HearingResponse, on_delete=models.CASCADE, related_name="note_line"
    )
    summary = models.TextField(_("resumé af svaret"), max_length=TEXT)
    comment = models.TextField(_("kommunens bemærkning"), max_length=TEXT)
    leads_to_change = models.BooleanField(_("giver anledning til ændring"), default=False)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("linje i høringsnotat")
        verbose_name_plural = _("linjer i høringsnotater")
        ordering = ["response__number"]

    def __str__(self):
        return str(self.response)
