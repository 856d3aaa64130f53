"""The committee's meetings and agenda items, in the Danish structure (dagsordner.holbaek.dk).

The portal mirrors the municipality's meeting system and links to it (`official_url`); it
does not replace it. One meeting model serves the whole committee: a pool decision is an
agenda item whose `applications` the committee decides on (services.meetings), and the
decision recorded on one of them is `projektudvalg.Decision`, pointing back here.

A closed item (lukket punkt) shows only its number and "Lukket punkt" publicly: the
selectors never hand its text to a public page, and its search vector stays empty.
"""

from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from holbaek.models import StoredFile
from holbaek.text import LONG_TEXT, SHORT_TEXT, TEXT
from projektudvalg.models.applications import Application
from projektudvalg.models.committee import Committee, CommitteeMember
from projektudvalg.models.pools import Round


class MeetingStatus(models.TextChoices):
    PLANNED = "planned", _("planlagt")
    AGENDA_PUBLISHED = "agenda", _("dagsorden offentliggjort")
    HELD = "held", _("afholdt")
    MINUTES_PUBLISHED = "minutes", _("referat offentliggjort")
    CANCELLED = "cancelled", _("aflyst")


# Meeting.agenda_is_public's statuses, and AgendaItem.text_is_public as a filter of items.
AGENDA_PUBLIC = MeetingStatus.AGENDA_PUBLISHED, MeetingStatus.HELD, MeetingStatus.MINUTES_PUBLISHED
TEXT_IS_PUBLIC = Q(meeting__status__in=AGENDA_PUBLIC, is_closed=False)


class MeetingQuerySet(models.QuerySet):
    def public(self):
        """Every meeting is public (time, place, status); what of its items shows depends on
        the status (selectors.meetings)."""
        return self.all()


class Meeting(models.Model):
    committee = models.ForeignKey(
        Committee, on_delete=models.PROTECT, related_name="meetings", verbose_name=_("udvalg")
    )
    title = models.CharField(_("titel"), max_length=150, default="Udvalgsmøde")
    starts_at = models.DateTimeField(_("starter"))
    ends_at = models.DateTimeField(_("slutter"), null=True, blank=True)
    place = models.CharField(_("sted"), max_length=150, blank=True)
    # A meeting held out in an area is tied to it: it shows in that area's calendar.
    area = models.ForeignKey(
        "lokalfora.LocalArea",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="committee_meetings",
        verbose_name=_("holdes i lokalområdet"),
    )
    online = models.BooleanField(_("online møde"), default=False)
    status = models.CharField(
        _("status"), max_length=10, choices=MeetingStatus.choices, default=MeetingStatus.PLANNED
    )
    cancel_reason = models.TextField(
        _("begrundelse for aflysning"), max_length=SHORT_TEXT, blank=True
    )
    official_url = models.URLField(_("link til mødet i kommunens mødesystem"), blank=True)
    not_in_official_system = models.BooleanField(_("ikke i kommunens mødesystem"), default=False)
    absent_members = models.ManyToManyField(
        CommitteeMember, blank=True, related_name="absences", verbose_name=_("fraværende")
    )
    minutes_summary = models.TextField(_("referatets hovedpunkter"), max_length=TEXT, blank=True)
    agenda_published_at = models.DateTimeField(null=True, blank=True, editable=False)
    minutes_published_at = models.DateTimeField(null=True, blank=True, editable=False)
    # The area calendar's copy of a meeting held in an area (kept by services.meetings).
    event = models.OneToOneField(
        "lokalfora.Event",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="committee_meeting",
        editable=False,
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    updated_at = models.DateTimeField(auto_now=True)

    objects = MeetingQuerySet.as_manager()

    class Meta:
        verbose_name = _("udvalgsmøde")
        verbose_name_plural = _("udvalgsmøder")
        ordering = ["-starts_at", "-id"]
        indexes = [models.Index(fields=["starts_at"], name="meeting_starts_idx")]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__isnull=True) | Q(ends_at__gt=F("starts_at")),
                name="meeting_ends_after_start",
                violation_error_message=_("Mødet skal slutte, efter det er begyndt."),
            ),
            models.CheckConstraint(
                condition=~Q(status="cancelled") | ~Q(cancel_reason=""),
                name="meeting_cancelled_has_reason",
                violation_error_message=_("Skriv hvorfor mødet er aflyst."),
            ),
        ]

    def __str__(self):
        return f"{self.title} ({self.starts_at:%d.%m.%Y})"

    def get_absolute_url(self):
        return reverse("projektudvalg:meeting-detail", kwargs={"pk": self.pk})

    @property
    def uid(self) -> str:
        return f"udvalgsmoede-{self.pk}@lokalportal.holbaek.dk"

    @property
    def is_cancelled(self) -> bool:
        return self.status == MeetingStatus.CANCELLED

    @property
    def agenda_is_public(self) -> bool:
        return self.status in AGENDA_PUBLIC

    @property
    def decisions_are_public(self) -> bool:
        return self.status == MeetingStatus.MINUTES_PUBLISHED


class CaseType(models.TextChoices):
    DECISION = "decision", _("Beslutningssag")
    INFORMATION = "information", _("Orienteringssag")
    DISCUSSION = "discussion", _("Drøftelsessag")


class DecisionOutcome(models.TextChoices):
    APPROVED = "approved", _("Godkendt")
    NOT_APPROVED = "not_approved", _("Ikke godkendt")
    DISCUSSED = "discussed", _("Drøftet")
    NOTED = "noted", _("Taget til efterretning")
    POSTPONED = "postponed", _("Udsat")
    SENT_ON = "sent_on", _("Sendt videre")


class FollowUpStatus(models.TextChoices):
    NONE = "", _("ingen opfølgning")
    PLANNED = "planned", _("planlagt")
    ONGOING = "ongoing", _("i gang")
    DONE = "done", _("afsluttet")


class AgendaItem(models.Model):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="items")
    number = models.PositiveSmallIntegerField(_("punkt"))
    title = models.CharField(_("titel"), max_length=200)
    case_type = models.CharField(
        _("sagstype"), max_length=12, choices=CaseType.choices, default=CaseType.DECISION
    )
    # The sagsgang, one body per line: "Projektudvalget", "Økonomiudvalget", ...
    route = models.TextField(
        _("sagsgang"), max_length=500, blank=True, help_text=_("Ét udvalg pr. linje, i rækkefølge.")
    )
    recommendation = models.TextField(_("indstilling"), max_length=TEXT, blank=True)
    description = models.TextField(_("beskrivelse af sagen"), max_length=LONG_TEXT, blank=True)
    is_closed = models.BooleanField(_("lukket punkt"), default=False)
    # A closed item's decision is published only when staff say so (D(d) 1).
    closed_decision_public = models.BooleanField(_("beslutningen må offentliggøres"), default=False)
    outcome = models.CharField(
        _("beslutning"), max_length=12, choices=DecisionOutcome.choices, blank=True
    )
    decision_text = models.TextField(_("beslutningens tekst"), max_length=TEXT, blank=True)
    decision_date = models.DateField(_("besluttet den"), null=True, blank=True)
    follow_up = models.TextField(_("opfølgning"), max_length=SHORT_TEXT, blank=True)
    follow_up_status = models.CharField(
        _("opfølgningens status"), max_length=10, choices=FollowUpStatus.choices, blank=True
    )
    areas = models.ManyToManyField(
        "lokalfora.LocalArea",
        blank=True,
        related_name="agenda_items",
        verbose_name=_("berørte lokalområder"),
    )
    # A pool decision item: the round it comes from and the applications it decides on.
    round = models.ForeignKey(
        Round,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="agenda_items",
        verbose_name=_("ansøgningsrunde"),
    )
    applications = models.ManyToManyField(
        Application, through="AgendaApplication", blank=True, related_name="agenda_items"
    )
    efforts = models.ManyToManyField(
        "projektudvalg.SpecialEffort",
        blank=True,
        related_name="agenda_items",
        verbose_name=_("særlige indsatser"),
    )
    # Kept by a PostgreSQL trigger; empty for a closed item, so its text never matches.
    search_vector = SearchVectorField(null=True, editable=False)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("dagsordenspunkt")
        verbose_name_plural = _("dagsordenspunkter")
        ordering = ["meeting", "number"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "number"], name="agenda_unique_number"),
            models.CheckConstraint(condition=Q(number__gte=1), name="agenda_number_positive"),
            models.CheckConstraint(
                condition=Q(decision_date__isnull=True) | ~Q(outcome="") | ~Q(decision_text=""),
                name="agenda_decision_date_has_decision",
                violation_error_message=_("En beslutningsdato kræver en beslutning."),
            ),
        ]

    def __str__(self):
        return f"{self.meeting}: {self.number}. {self.title}"

    def get_absolute_url(self):
        return f"{self.meeting.get_absolute_url()}#punkt-{self.number}"

    @property
    def route_steps(self) -> list[str]:
        return [line.strip() for line in self.route.splitlines() if line.strip()]

    @property
    def has_decision(self) -> bool:
        return bool(self.outcome or self.decision_text)

    # The publication rules, in one place: every public page, feed, print and search asks
    # these (they read self.meeting: select it along).
    @property
    def text_is_public(self) -> bool:
        """Title, recommendation, description, route and attachments: on a published agenda,
        and never for a closed item (which shows only its number and "Lukket punkt").
        The same rule as a query filter: TEXT_IS_PUBLIC."""
        return self.meeting.agenda_is_public and not self.is_closed

    @property
    def decision_is_public(self) -> bool:
        """The decision: once the minutes are published; a closed item's only if staff
        marked it publishable."""
        if not self.meeting.decisions_are_public or not self.has_decision:
            return False
        return not self.is_closed or self.closed_decision_public


class AgendaApplication(models.Model):
    """A pool application on a decision item. Its decision is a projektudvalg.Decision."""

    item = models.ForeignKey(AgendaItem, on_delete=models.CASCADE, related_name="pool_lines")
    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="+")
    # The meeting, copied from the item, so "once per meeting" is a database constraint.
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="+", editable=False)

    class Meta:
        verbose_name = _("ansøgning på dagsordenen")
        verbose_name_plural = _("ansøgninger på dagsordenen")
        ordering = ["item", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "application"], name="agenda_application_once"
            ),
        ]

    def __str__(self):
        return f"{self.item}: {self.application}"


class AgendaLink(models.Model):
    """A link from an item to what it decides in another app (a news post, a hearing, ...):
    generic, so that `lokalfora` need not know about the committee."""

    item = models.ForeignKey(AgendaItem, on_delete=models.CASCADE, related_name="links")
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()
    target = GenericForeignKey("content_type", "object_id")

    class Meta:
        verbose_name = _("henvisning fra et dagsordenspunkt")
        verbose_name_plural = _("henvisninger fra dagsordenspunkter")
        constraints = [
            models.UniqueConstraint(
                fields=["item", "content_type", "object_id"], name="agenda_link_once"
            ),
        ]
        indexes = [models.Index(fields=["content_type", "object_id"], name="agenda_link_target")]

    def __str__(self):
        return f"{self.item} → {self.content_type.model} {self.object_id}"


class DocumentKind(models.TextChoices):
    MANDATE = "mandate", _("kommissorium")
    ATTACHMENT = "attachment", _("bilag")
    SELECTION = "selection", _("udvælgelsesgrundlag")
    AGREEMENT = "agreement", _("samarbejdsaftale")
    TOOLBOX = "toolbox", _("værktøjskasse")
    OTHER = "other", _("andet")


class CommitteeDocument(StoredFile):
    """A document of the committee's: its mandate, a meeting's or an item's attachment
    (bilag), an effort's selection basis or agreement, a template's toolbox. Exactly one
    owner. Served by a view that refuses what is not public (a closed item's bilag)."""

    UPLOAD_FOLDER = "udvalg"

    title = models.CharField(_("titel"), max_length=200)
    kind = models.CharField(
        _("slags"), max_length=12, choices=DocumentKind.choices, default=DocumentKind.ATTACHMENT
    )
    committee = models.ForeignKey(
        Committee, on_delete=models.CASCADE, null=True, blank=True, related_name="documents"
    )
    meeting = models.ForeignKey(
        Meeting, on_delete=models.CASCADE, null=True, blank=True, related_name="documents"
    )
    agenda_item = models.ForeignKey(
        AgendaItem, on_delete=models.CASCADE, null=True, blank=True, related_name="documents"
    )
    effort = models.ForeignKey(
        "projektudvalg.SpecialEffort",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="documents",
    )
    template = models.ForeignKey(
        "projektudvalg.EffortTemplate",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="documents",
    )
    uploaded_by = models.ForeignKey("holbaek.User", on_delete=models.PROTECT, related_name="+")
    uploaded_at = models.DateTimeField(auto_now_add=True)

    OWNERS = ("committee", "meeting", "agenda_item", "effort", "template")

    class Meta:
        verbose_name = _("udvalgsdokument")
        verbose_name_plural = _("udvalgsdokumenter")
        ordering = ["uploaded_at", "id"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(
                        committee__isnull=False,
                        meeting=None,
                        agenda_item=None,
                        effort=None,
                        template=None,
                    )
                    | Q(
                        committee=None,
                        meeting__isnull=False,
                        agenda_item=None,
                        effort=None,
                        template=None,
                    )
                    | Q(
                        committee=None,
                        meeting=None,
                        agenda_item__isnull=False,
                        effort=None,
                        template=None,
                    )
                    | Q(
                        committee=None,
                        meeting=None,
                        agenda_item=None,
                        effort__isnull=False,
                        template=None,
                    )
                    | Q(
                        committee=None,
                        meeting=None,
                        agenda_item=None,
                        effort=None,
                        template__isnull=False,
                    )
                ),
                name="committee_document_one_owner",
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("projektudvalg:committee-document", kwargs={"pk": self.pk})
