"""Hearings (høringer) the municipality sends to the forums, and who was asked.

A hearing is addressed to chosen forums (one `HearingInvitation` each, with a status
the public sees) and optionally to other named parties. It is not a partshøring under
forvaltningsloven § 19, and a legally required plan hearing lives on Planportalen:
the hearing links there. Answers are in hearing_responses.py.
"""

from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from holbaek.models import StoredFile
from holbaek.text import LONG_TEXT, SHORT_TEXT
from lokalfora.models.areas import LocalArea
from lokalfora.models.forums import Forum


class HearingKind(models.TextChoices):
    PRE_HEARING = "pre_hearing", _("forhøring / for-debat")
    STATUTORY = "statutory", _("lovpligtig offentlig høring")
    VOLUNTARY = "voluntary", _("frivillig høring")
    FORUMS = "forums", _("høring af lokalfora")


class ResponseVisibility(models.TextChoices):
    AT_ONCE = "at_once", _("straks (når svaret er kontrolleret)")
    AFTER_DEADLINE = "after_deadline", _("efter høringsfristen")
    NEVER = "never", _("ikke offentligt")


class HearingStatus(models.TextChoices):
    DRAFT = "draft", _("kladde")
    PLANNED = "planned", _("planlagt")
    OPEN = "open", _("åben")
    CLOSED = "closed", _("frist udløbet, behandles")
    CONCLUDED = "concluded", _("afsluttet")
    ARCHIVED = "archived", _("arkiveret")
    WITHDRAWN = "withdrawn", _("trukket tilbage")


# Shown to the public: a planned hearing is announced, but answers wait for the start.
PUBLIC_STATUSES = (
    HearingStatus.PLANNED,
    HearingStatus.OPEN,
    HearingStatus.CLOSED,
    HearingStatus.CONCLUDED,
    HearingStatus.ARCHIVED,
    HearingStatus.WITHDRAWN,
)


class HearingQuerySet(models.QuerySet):
    def public(self):
        return self.filter(status__in=PUBLIC_STATUSES)

    def open_now(self, now=None):
        now = now or timezone.now()
        return self.filter(status=HearingStatus.OPEN, starts_at__lte=now, deadline__gt=now)


class Hearing(models.Model):
    """A case the municipality asks the forums (and perhaps everyone) to answer."""

    title = models.CharField(_("titel"), max_length=200)
    summary = models.TextField(_("kort fortalt"), max_length=SHORT_TEXT)
    case_number = models.CharField(_("sagsnr."), max_length=40)
    department = models.CharField(_("afdeling"), max_length=150)
    contact_email = models.EmailField(_("funktionspostkasse"))
    contact_phone = models.CharField(_("telefon"), max_length=20)
    kind = models.CharField(_("type"), max_length=20, choices=HearingKind.choices)
    legal_hearing_url = models.URLField(
        _("link til den lovpligtige høring (fx Planportalen)"), blank=True
    )
    starts_at = models.DateTimeField(_("høringen starter"))
    deadline = models.DateTimeField(_("høringsfrist"))
    short_period_reason = models.TextField(
        _("begrundelse for kort høringsperiode"), max_length=SHORT_TEXT, blank=True
    )
    open_to_public = models.BooleanField(
        _("alle må svare"),
        default=False,
        help_text=_("Ellers kan kun de lokalfora, høringen er sendt til, svare."),
    )
    asks_for_address = models.BooleanField(_("spørg efter adresse"), default=False)
    response_visibility = models.CharField(
        _("høringssvar offentliggøres"),
        max_length=20,
        choices=ResponseVisibility.choices,
        default=ResponseVisibility.AFTER_DEADLINE,
    )
    status = models.CharField(
        _("status"), max_length=20, choices=HearingStatus.choices, default=HearingStatus.DRAFT
    )
    forums = models.ManyToManyField(
        Forum,
        through="HearingInvitation",
        related_name="hearings",
        verbose_name=_("lokalfora"),
    )
    areas = models.ManyToManyField(
        LocalArea, related_name="hearings", blank=True, verbose_name=_("lokalområder")
    )
    withdrawn_reason = models.TextField(
        _("hvorfor trukket tilbage"), max_length=SHORT_TEXT, blank=True
    )
    # The høringsnotat: an introduction, lines per answer (HearingNoteLine), a publication.
    note_intro = models.TextField(_("høringsnotatets indledning"), max_length=LONG_TEXT, blank=True)
    note_published_at = models.DateTimeField(
        _("høringsnotat offentliggjort"), null=True, blank=True
    )
    # A decision outside the portal (the city council's); the committee's is an AgendaLink.
    decision_title = models.CharField(_("beslutning (titel)"), max_length=200, blank=True)
    decision_url = models.URLField(_("beslutning (link)"), blank=True)
    created_by = models.ForeignKey(
        "holbaek.User", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    published_at = models.DateTimeField(_("offentliggjort"), null=True, blank=True)
    opened_at = models.DateTimeField(null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)
    # Kept by a PostgreSQL trigger (migration 0008), whatever writes the row; NULL on SQLite.
    search_vector = SearchVectorField(null=True, editable=False)

    objects = HearingQuerySet.as_manager()

    class Meta:
        verbose_name = _("høring")
        verbose_name_plural = _("høringer")
        ordering = ["-deadline", "-id"]
        indexes = [
            models.Index(fields=["status", "-deadline"], name="hearing_status_deadline"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(deadline__gt=F("starts_at")),
                name="hearing_deadline_after_start",
                violation_error_message=_("Høringsfristen skal ligge efter starten."),
            ),
            models.CheckConstraint(
                condition=~Q(status="withdrawn") | ~Q(withdrawn_reason=""),
                name="hearing_withdrawn_has_reason",
                violation_error_message=_("Skriv, hvorfor høringen trækkes tilbage."),
            ),
            models.CheckConstraint(
                condition=Q(status="draft") | Q(published_at__isnull=False),
                name="hearing_published_has_date",
            ),
            models.CheckConstraint(
                condition=Q(note_published_at__isnull=True)
                | Q(status__in=["concluded", "archived"]),
                name="hearing_note_only_when_concluded",
            ),
        ]

    def __str__(self):
        return self.title

    @property
    def is_public(self) -> bool:
        return self.status in PUBLIC_STATUSES

    def accepts_answers(self, now=None) -> bool:
        """The one rule for the answer forms: open, started and before the deadline."""
        now = now or timezone.now()
        return self.status == HearingStatus.OPEN and self.starts_at <= now < self.deadline

    def deadline_passed(self, now=None) -> bool:
        return (now or timezone.now()) >= self.deadline

    def answers_are_public(self, now=None) -> bool:
        """Whether checked, non-sensitive answers may be shown now (the visibility rule)."""
        if not self.is_public or self.response_visibility == ResponseVisibility.NEVER:
            return False
        if self.response_visibility == ResponseVisibility.AFTER_DEADLINE:
            return self.deadline_passed(now)
        return True

    @property
    def note_is_public(self) -> bool:
        return self.note_published_at is not None


class InvitationStatus(models.TextChoices):
    INVITED = "invited", _("inviteret")
    OPENED = "opened", _("åbnet")
    PROCESSING = "processing", _("forum behandler")
    ANSWERED = "answered", _("svar afgivet")
    NO_COMMENTS = "no_comments", _("ingen bemærkninger")
    DECLINED = "declined", _("afstår")
    NO_REACTION = "no_reaction", _("ingen reaktion")


FINAL_INVITATION_STATUSES = (
    InvitationStatus.ANSWERED,
    InvitationStatus.NO_COMMENTS,
    InvitationStatus.DECLINED,
    InvitationStatus.NO_REACTION,
)


class HearingInvitation(models.Model):
    """One addressed forum, with the status everyone can see."""

    hearing = models.ForeignKey(
        Hearing, on_delete=models.CASCADE, related_name="invitations", verbose_name=_("høring")
    )
    forum = models.ForeignKey(
        Forum,
        on_delete=models.PROTECT,
        related_name="hearing_invitations",
        verbose_name=_("lokalforum"),
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=InvitationStatus.choices,
        default=InvitationStatus.INVITED,
    )
    sent_at = models.DateTimeField(_("sendt"), null=True, blank=True)
    opened_at = models.DateTimeField(_("åbnet"), null=True, blank=True)
    status_changed_at = models.DateTimeField(_("status ændret"), null=True, blank=True)
    internal_due_date = models.DateField(_("vores egen frist"), null=True, blank=True)
    internal_note = models.TextField(_("intern note"), max_length=SHORT_TEXT, blank=True)
    decline_reason = models.TextField(_("hvorfor I afstår"), max_length=SHORT_TEXT, blank=True)

    class Meta:
        verbose_name = _("invitation til høring")
        verbose_name_plural = _("invitationer til høringer")
        ordering = ["hearing", "forum__area__name"]
        constraints = [
            models.UniqueConstraint(fields=["hearing", "forum"], name="hearing_invitation_once"),
        ]

    def __str__(self):
        return f"{self.hearing} → {self.forum}"

    @property
    def is_final(self) -> bool:
        return self.status in FINAL_INVITATION_STATUSES


class HearingReminder(models.Model):
    """A reminder sent to one invitation, for one deadline: the job's memory, so that
    running it twice sends nothing twice, and an extended deadline gets new reminders."""

    invitation = models.ForeignKey(
        HearingInvitation, on_delete=models.CASCADE, related_name="reminders"
    )
    days_before = models.PositiveSmallIntegerField()
    deadline = models.DateTimeField()
    sent_at = models.DateTimeField()

    class Meta:
        verbose_name = _("påmindelse om høring")
        verbose_name_plural = _("påmindelser om høringer")
        constraints = [
            models.UniqueConstraint(
                fields=["invitation", "days_before", "deadline"], name="hearing_reminder_once"
            ),
        ]

    def __str__(self):
        return f"{self.invitation} T-{self.days_before}"


class HearingParty(models.Model):
    """Another named addressee (a user council, a bylaug): listed publicly."""

    hearing = models.ForeignKey(Hearing, on_delete=models.CASCADE, related_name="parties")
    name = models.CharField(_("navn"), max_length=200)

    class Meta:
        verbose_name = _("anden høringspart")
        verbose_name_plural = _("andre høringsparter")
        ordering = ["hearing", "name"]
        constraints = [
            models.UniqueConstraint(fields=["hearing", "name"], name="hearing_party_once"),
        ]

    def __str__(self):
        return self.name


class HearingDocumentKind(models.TextChoices):
    MATERIAL = "material", _("høringsmateriale")
    LETTER = "letter", _("høringsbrev")
    NOTE = "note", _("høringsnotat")
    OTHER = "other", _("andet")


class HearingDocument(StoredFile):
    """The hearing material and letter: public once the hearing is."""

    UPLOAD_FOLDER = "hoeringer"

    hearing = models.ForeignKey(Hearing, on_delete=models.CASCADE, related_name="documents")
    title = models.CharField(_("titel"), max_length=200)
    kind = models.CharField(
        _("slags"),
        max_length=20,
        choices=HearingDocumentKind.choices,
        default=HearingDocumentKind.MATERIAL,
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("høringsdokument")
        verbose_name_plural = _("høringsdokumenter")
        ordering = ["hearing", "kind", "id"]

    def __str__(self):
        return self.title


class HearingDeadlineChange(models.Model):
    """An extended deadline: old and new, why, and who."""

    hearing = models.ForeignKey(Hearing, on_delete=models.CASCADE, related_name="deadline_changes")
    old_deadline = models.DateTimeField()
    new_deadline = models.DateTimeField()
    reason = models.TextField(_("begrundelse"), max_length=SHORT_TEXT)
    changed_by = models.ForeignKey(
        "holbaek.User", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    changed_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("forlænget høringsfrist")
        verbose_name_plural = _("forlængede høringsfrister")
        ordering = ["hearing", "changed_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(new_deadline__gt=F("old_deadline")), name="hearing_extension_later"
            ),
            models.CheckConstraint(condition=~Q(reason=""), name="hearing_extension_has_reason"),
        ]

    def __str__(self):
        return f"{self.hearing}: {self.old_deadline} → {self.new_deadline}"
