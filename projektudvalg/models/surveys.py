"""Track 3: surveys (undersøgelser) aimed at areas, with honest anonymity and results.

A survey is built by staff (or proposed by a forum editor for their area), opened for
answers between `opens_at` and `closes_at` (Danish time), closed, and its results
published question by question. What a response row stores depends on `anonymity`
(models/survey_responses.py); the mode is locked at the first answer (`locked_at`).
Every status step goes through `services.surveys` and leaves a `SurveyEvent`.

Surveys run elsewhere (the borgerpanel on SurveyXact) sit in the same archive as
`kind=external`: a file and a summary, no questions.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from holbaek.models import StoredFile
from holbaek.text import LONG_TEXT, SHORT_TEXT
from lokalfora.models import Forum, Hearing, LocalArea
from projektudvalg.models.efforts import SpecialEffort
from projektudvalg.models.meetings import AgendaItem
from projektudvalg.models.news import MunicipalNews

# Area breakdowns hide any area with fewer answers than this ("færre end 5 svar"), in
# pages, exports and JSON alike.
SMALL_CELL = 5


class SurveyStatus(models.TextChoices):
    PROPOSED = "proposed", _("foreslået")
    REJECTED = "rejected", _("afvist")
    DRAFT = "draft", _("kladde")
    SCHEDULED = "scheduled", _("planlagt")
    OPEN = "open", _("åben")
    CLOSED = "closed", _("lukket")
    PUBLISHED = "published", _("resultater offentliggjort")
    ARCHIVED = "archived", _("arkiveret")


class SurveyKind(models.TextChoices):
    PORTAL = "portal", _("i portalen")
    EXTERNAL = "external", _("gennemført andetsteds")


class Anonymity(models.TextChoices):
    ANONYMOUS = "anonymous", _("anonym")
    PSEUDONYMOUS = "pseudonymous", _("pseudonym")
    IDENTIFIED = "identified", _("identificeret")


class SurveyQuerySet(models.QuerySet):
    def accepting(self, now=None):
        """Open for answers now: open (or planned) and inside its window."""
        now = now or timezone.now()
        return self.filter(
            status__in=[SurveyStatus.SCHEDULED, SurveyStatus.OPEN],
            opens_at__lte=now,
            closes_at__gt=now,
        )

    def with_public_results(self):
        return self.filter(status__in=[SurveyStatus.PUBLISHED, SurveyStatus.ARCHIVED])

    def for_area(self, area):
        return self.filter(Q(whole_municipality=True) | Q(areas=area)).distinct()


class Survey(models.Model):
    kind = models.CharField(
        _("slags"), max_length=10, choices=SurveyKind.choices, default=SurveyKind.PORTAL
    )
    title = models.CharField(_("titel"), max_length=200)
    purpose = models.TextField(_("formål"), max_length=SHORT_TEXT)
    intro = models.TextField(_("indledning"), max_length=LONG_TEXT, blank=True)
    thank_you_text = models.TextField(_("tak-tekst"), max_length=SHORT_TEXT, blank=True)
    controller_notice = models.TextField(
        _("oplysning om behandling af personoplysninger"),
        max_length=LONG_TEXT,
        blank=True,
        help_text=_(
            "Databeskyttelsesforordningens artikel 13: den dataansvarlige, formålet, "
            "retsgrundlaget, hvor længe svarene gemmes, og hvem man kan kontakte. "
            "Skal udfyldes, før undersøgelsen kan åbne."
        ),
    )
    whole_municipality = models.BooleanField(_("hele kommunen"), default=False)
    areas = models.ManyToManyField(
        LocalArea, blank=True, related_name="surveys", verbose_name=_("lokalområder")
    )
    # Who may answer; several ways may be open at once (each counts one answer per
    # browser session, user, invitation or forum; see models/survey_responses.py).
    audience_public = models.BooleanField(
        _("alle med linket"), default=True, help_text=_("Uden login. Ét svar pr. browser.")
    )
    audience_signed_in = models.BooleanField(
        _("alle, der er logget ind"), default=False, help_text=_("Ét svar pr. bruger.")
    )
    audience_invited = models.BooleanField(
        _("inviterede"),
        default=False,
        help_text=_(
            "Et personligt link pr. inviteret, med påmindelser til dem, der ikke har svaret."
        ),
    )
    audience_forums = models.BooleanField(
        _("lokalfora"),
        default=False,
        help_text=_("Ét svar pr. lokalforum i området, givet af en af dets kontaktpersoner."),
    )
    anonymity = models.CharField(
        _("anonymitet"), max_length=14, choices=Anonymity.choices, default=Anonymity.ANONYMOUS
    )
    opens_at = models.DateTimeField(_("åbner"), null=True, blank=True, help_text=_("Dansk tid."))
    closes_at = models.DateTimeField(_("lukker"), null=True, blank=True, help_text=_("Dansk tid."))
    retention_until = models.DateField(
        _("svarene slettes"),
        help_text=_("Den dag de enkelte svar slettes. Optællingerne bliver stående."),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=SurveyStatus.choices, default=SurveyStatus.DRAFT
    )
    # What it serves.
    effort = models.ForeignKey(
        SpecialEffort, on_delete=models.SET_NULL, null=True, blank=True, related_name="surveys",
        verbose_name=_("særlig indsats"),
    )  # fmt: skip
    hearing = models.ForeignKey(
        Hearing, on_delete=models.SET_NULL, null=True, blank=True, related_name="surveys",
        verbose_name=_("høring"),
    )  # fmt: skip
    news = models.ForeignKey(
        MunicipalNews, on_delete=models.SET_NULL, null=True, blank=True, related_name="surveys",
        verbose_name=_("nyhed"),
    )  # fmt: skip
    agenda_item = models.ForeignKey(
        AgendaItem, on_delete=models.SET_NULL, null=True, blank=True, related_name="surveys",
        verbose_name=_("udvalgets sag"),
    )  # fmt: skip
    # "Det brugte vi svarene til": the decision or news that used the results.
    used_in_decision = models.ForeignKey(
        AgendaItem, on_delete=models.SET_NULL, null=True, blank=True, related_name="used_surveys",
        verbose_name=_("brugt i udvalgets beslutning"),
    )  # fmt: skip
    used_in_news = models.ForeignKey(
        MunicipalNews, on_delete=models.SET_NULL, null=True, blank=True,
        related_name="used_surveys", verbose_name=_("brugt i nyheden"),
    )  # fmt: skip
    used_summary = models.TextField(
        _("det brugte vi svarene til"), max_length=SHORT_TEXT, blank=True
    )
    # A forum editor's proposal for their area, until staff approve or reject it.
    proposed_by_forum = models.ForeignKey(
        Forum, on_delete=models.SET_NULL, null=True, blank=True, related_name="proposed_surveys",
        verbose_name=_("foreslået af lokalforum"),
    )  # fmt: skip
    rejection_reason = models.TextField(
        _("begrundelse for afvisning"), max_length=SHORT_TEXT, blank=True
    )
    # Surveys run elsewhere: the results' summary (the file is SurveyExternalFile).
    external_source = models.CharField(
        _("gennemført i"), max_length=150, blank=True, help_text=_("Fx borgerpanelet i SurveyXact.")
    )
    external_summary = models.TextField(_("resultaterne kort"), max_length=LONG_TEXT, blank=True)
    # Set in the transaction of the first answer; from then on the anonymity mode,
    # the audience and the questions' kinds cannot change.
    locked_at = models.DateTimeField(null=True, blank=True, editable=False)
    results_published_at = models.DateTimeField(
        _("resultater offentliggjort"), null=True, blank=True
    )
    answers_deleted_at = models.DateTimeField(
        _("svar slettet"), null=True, blank=True, editable=False
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+",
        editable=False,
    )  # fmt: skip
    created_at = models.DateTimeField(_("oprettet"), auto_now_add=True)
    updated_at = models.DateTimeField(_("opdateret"), auto_now=True)

    objects = SurveyQuerySet.as_manager()

    class Meta:
        verbose_name = _("undersøgelse")
        verbose_name_plural = _("undersøgelser")
        ordering = ["-opens_at", "-id"]
        indexes = [models.Index(fields=["status", "-opens_at"], name="survey_status_idx")]
        constraints = [
            models.CheckConstraint(
                condition=Q(opens_at__isnull=True)
                | Q(closes_at__isnull=True)
                | Q(closes_at__gt=models.F("opens_at")),
                name="survey_closes_after_opening",
                violation_error_message=_("Undersøgelsen skal lukke efter, den åbner."),
            ),
            models.CheckConstraint(
                condition=~Q(status__in=["scheduled", "open", "closed", "published", "archived"])
                | Q(kind=SurveyKind.EXTERNAL)
                | (
                    Q(opens_at__isnull=False)
                    & Q(closes_at__isnull=False)
                    & ~Q(controller_notice="")
                ),
                name="survey_open_has_times_and_notice",
                violation_error_message=_(
                    "En undersøgelse kan først åbne med åbnings- og lukketid og oplysningen "
                    "om behandling af personoplysninger."
                ),
            ),
            models.CheckConstraint(
                condition=Q(kind=SurveyKind.EXTERNAL)
                | Q(audience_public=True)
                | Q(audience_signed_in=True)
                | Q(audience_invited=True)
                | Q(audience_forums=True),
                name="survey_has_an_audience",
                violation_error_message=_("Vælg mindst én måde at svare på."),
            ),
            models.CheckConstraint(
                condition=~Q(status=SurveyStatus.REJECTED) | ~Q(rejection_reason=""),
                name="survey_rejection_has_reason",
                violation_error_message=_("Skriv, hvorfor forslaget er afvist."),
            ),
            models.CheckConstraint(
                condition=~Q(status__in=["published", "archived"])
                | Q(results_published_at__isnull=False),
                name="survey_published_has_time",
            ),
            models.CheckConstraint(
                condition=~Q(status=SurveyStatus.PROPOSED) | Q(proposed_by_forum__isnull=False),
                name="survey_proposal_has_forum",
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("projektudvalg:survey-detail", kwargs={"pk": self.pk})

    @property
    def is_external(self) -> bool:
        return self.kind == SurveyKind.EXTERNAL

    @property
    def is_locked(self) -> bool:
        return self.locked_at is not None

    def accepts_answers(self, now=None) -> bool:
        now = now or timezone.now()
        return (
            self.status in (SurveyStatus.SCHEDULED, SurveyStatus.OPEN)
            and self.opens_at is not None
            and self.closes_at is not None
            and self.opens_at <= now < self.closes_at
        )

    @property
    def results_are_public(self) -> bool:
        return self.status in (SurveyStatus.PUBLISHED, SurveyStatus.ARCHIVED)

    @property
    def is_public(self) -> bool:
        """Its page answers the public: from planned (the page says when it opens) on."""
        return self.status in (
            SurveyStatus.SCHEDULED,
            SurveyStatus.OPEN,
            SurveyStatus.CLOSED,
            SurveyStatus.PUBLISHED,
            SurveyStatus.ARCHIVED,
        )


class SurveyExternalFile(StoredFile):
    """The results file of a survey run elsewhere (PDF, XLSX …), served through a view."""

    UPLOAD_FOLDER = "undersoegelser"

    survey = models.OneToOneField(Survey, on_delete=models.CASCADE, related_name="external_file")
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("resultatfil")
        verbose_name_plural = _("resultatfiler")


class SurveyEventKind(models.TextChoices):
    CREATED = "created", _("oprettet")
    PROPOSED = "proposed", _("foreslået")
    APPROVED = "approved", _("godkendt")
    REJECTED = "rejected", _("afvist")
    CHANGED = "changed", _("ændret")
    SCHEDULED = "scheduled", _("planlagt")
    OPENED = "opened", _("åbnet")
    CLOSED = "closed", _("lukket")
    PUBLISHED = "published", _("resultater offentliggjort")
    ARCHIVED = "archived", _("arkiveret")
    LOCKED = "locked", _("første svar modtaget")
    INVITED = "invited", _("invitationer sendt")
    REMINDED = "reminded", _("påmindelser sendt")
    EXPORTED = "exported", _("svar eksporteret")
    KEY_LOOKUP = "key_lookup", _("respondentnøgle slået op")
    ANSWERS_DELETED = "answers_deleted", _("svar slettet")


class SurveyEvent(models.Model):
    """The survey's log: every status step, every export, every key lookup and the
    deletion of the raw answers. Holds no respondent's personal data."""

    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(max_length=16, choices=SurveyEventKind.choices)
    at = models.DateTimeField(default=timezone.now)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
        related_name="+",
    )  # fmt: skip
    note = models.CharField(max_length=500, blank=True)

    class Meta:
        verbose_name = _("hændelse")
        verbose_name_plural = _("hændelser")
        ordering = ["-at", "-id"]
        indexes = [models.Index(fields=["survey", "-at"], name="survey_event_idx")]

    def __str__(self):
        return f"{self.survey_id}: {self.get_kind_display()}"
