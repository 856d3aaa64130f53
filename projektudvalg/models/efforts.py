"""Track 2: special efforts (særlige indsatser), a long and binding cooperation between
the municipality and the volunteers of one or more areas.

The status moves only through `services.efforts.effort_transition` and its one table
(`efforts_workflow.TRANSITIONS`); every move is an `EffortTransition` row. The area
bounds (default 2-4) are the committee's setting, checked in the service: a
many-to-many row cannot carry a CheckConstraint.
"""

from decimal import Decimal

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from holbaek.text import LONG_TEXT, SHORT_TEXT, TEXT
from projektudvalg.models.applications import Application
from projektudvalg.models.committee import Committee
from projektudvalg.models.meetings import AgendaItem
from projektudvalg.models.pools import MONEY


class EffortStatus(models.TextChoices):
    PROPOSED = "proposed", _("foreslået")
    SELECTED = "selected", _("udvalgt")
    STARTING = "starting", _("opstart")
    ACTIVE = "active", _("aktiv")
    EVALUATION = "evaluation", _("evaluering")
    FINISHED = "finished", _("afsluttet")
    PAUSED = "paused", _("sat på pause")


# What counts as running: the staff overview compares these efforts' areas with the bounds.
ACTIVE_STATUSES = (
    EffortStatus.SELECTED,
    EffortStatus.STARTING,
    EffortStatus.ACTIVE,
    EffortStatus.EVALUATION,
)

# What the public sees: every effort but a proposed one, the committee's draft (its pages,
# lists, digest lines and its milestones' copies in the areas' calendars).
PUBLIC_STATUSES = [status for status in EffortStatus.values if status != EffortStatus.PROPOSED]


class SpecialEffort(models.Model):
    committee = models.ForeignKey(
        Committee, on_delete=models.PROTECT, related_name="efforts", verbose_name=_("udvalg")
    )
    title = models.CharField(_("titel"), max_length=150)
    slug = models.SlugField(_("kort navn i adressen"), max_length=80, unique=True)
    tagline = models.CharField(_("slogan"), max_length=150, help_text=_("Fx Knabstrup sætter kurs"))
    summary = models.TextField(_("kort fortalt"), max_length=TEXT)
    summary_easy = models.TextField(_("på let dansk"), max_length=TEXT, blank=True)
    areas = models.ManyToManyField(
        "lokalfora.LocalArea", related_name="special_efforts", verbose_name=_("lokalområder")
    )
    status = models.CharField(
        _("status"),
        max_length=12,
        choices=EffortStatus.choices,
        default=EffortStatus.PROPOSED,
        editable=False,
    )
    selection_basis = models.TextField(
        _("grundlag for udvælgelsen"),
        max_length=LONG_TEXT,
        blank=True,
        help_text=_("Prognoser og analyser, fx befolkningsprognose eller bosætningsanalyse."),
    )
    # The committee decision that selected it: required to leave "foreslået".
    selection_decision = models.ForeignKey(
        AgendaItem,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("udvalgets beslutning om valget"),
    )
    period_start = models.DateField(_("periode fra"), null=True, blank=True)
    period_end = models.DateField(_("planlagt slut"), null=True, blank=True)
    actual_end = models.DateField(_("faktisk slut"), null=True, blank=True)
    lead_role = models.CharField(
        _("projektleder (rolle)"),
        max_length=150,
        blank=True,
        help_text=_("En rolle, ikke et navn."),
    )
    lead_mailbox = models.EmailField(_("projektlederens funktionspostkasse"), blank=True)
    process_role = models.CharField(_("proces-fælles-skaber (rolle)"), max_length=150, blank=True)
    process_mailbox = models.EmailField(_("proces-fælles-skaberens postkasse"), blank=True)
    partner_committees = models.TextField(
        _("samarbejdende udvalg"),
        max_length=SHORT_TEXT,
        blank=True,
        help_text=_("Ét udvalg pr. linje."),
    )
    # Who may edit content, milestones and actions (the project-lead role, object-level).
    leads = models.ManyToManyField(
        "holbaek.User", blank=True, related_name="led_efforts", verbose_name=_("projektledere")
    )
    internal_notes = models.TextField(_("interne noter"), max_length=TEXT, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("særlig indsats")
        verbose_name_plural = _("særlige indsatser")
        ordering = ["-period_start", "title", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(period_start__isnull=True)
                | Q(period_end__isnull=True)
                | Q(period_end__gte=F("period_start")),
                name="effort_period_in_order",
                violation_error_message=_("Indsatsen skal slutte efter, den er begyndt."),
            ),
            models.CheckConstraint(
                condition=Q(period_start__isnull=True)
                | Q(actual_end__isnull=True)
                | Q(actual_end__gte=F("period_start")),
                name="effort_actual_end_in_order",
                violation_error_message=_("Indsatsen kan ikke slutte, før den er begyndt."),
            ),
            models.CheckConstraint(
                condition=Q(status="proposed") | Q(selection_decision__isnull=False),
                name="effort_selected_by_decision",
                violation_error_message=_(
                    "En indsats kan først komme videre fra foreslået med udvalgets beslutning."
                ),
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("projektudvalg:effort-detail", kwargs={"slug": self.slug})

    @property
    def partner_committee_list(self) -> list[str]:
        return [line.strip() for line in self.partner_committees.splitlines() if line.strip()]


class EffortTransition(models.Model):
    """One status change: who, when, from, to and the decision behind it. Never edited."""

    effort = models.ForeignKey(SpecialEffort, on_delete=models.CASCADE, related_name="transitions")
    from_status = models.CharField(max_length=12, choices=EffortStatus.choices)
    to_status = models.CharField(max_length=12, choices=EffortStatus.choices)
    by = models.ForeignKey("holbaek.User", on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField(auto_now_add=True)
    decision = models.ForeignKey(
        AgendaItem, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    note = models.TextField(max_length=SHORT_TEXT, blank=True)

    class Meta:
        verbose_name = _("statusskift for en indsats")
        verbose_name_plural = _("statusskift for indsatser")
        ordering = ["effort", "at", "id"]

    def __str__(self):
        return f"{self.effort}: {self.from_status} → {self.to_status}"


class EffortBudgetLine(models.Model):
    effort = models.ForeignKey(SpecialEffort, on_delete=models.CASCADE, related_name="budget_lines")
    source = models.CharField(_("kilde"), max_length=150, help_text=_("Fx Landdistriktspuljen"))
    year = models.PositiveSmallIntegerField(
        _("år"), validators=[MinValueValidator(2000), MaxValueValidator(2100)]
    )
    amount = models.DecimalField(_("beløb (kr.)"), **MONEY)
    spent = models.DecimalField(_("brugt til dato (kr.)"), default=Decimal(0), **MONEY)
    external = models.BooleanField(_("ekstern finansiering"), default=False)

    class Meta:
        verbose_name = _("budgetlinje for en indsats")
        verbose_name_plural = _("budgetlinjer for indsatser")
        ordering = ["effort", "year", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(amount__gte=0, spent__gte=0), name="effort_budget_not_negative"
            ),
            models.CheckConstraint(
                condition=Q(year__gte=2000, year__lte=2100), name="effort_budget_plausible_year"
            ),
        ]

    def __str__(self):
        return f"{self.source} {self.year}"


class CommitmentParty(models.TextChoices):
    MUNICIPALITY = "municipality", _("kommunen")
    FORUM = "forum", _("lokalforum")
    GROUP = "group", _("arbejdsgruppe")
    COMMITTEE = "committee", _("andet udvalg")


class CommitmentStatus(models.TextChoices):
    AGREED = "agreed", _("aftalt")
    ONGOING = "ongoing", _("i gang")
    MET = "met", _("opfyldt")
    CHANGED = "changed", _("ændret")
    DROPPED = "dropped", _("opgivet")


class EffortCommitment(models.Model):
    """What one party has promised: "forpligtende for alle parter", in public."""

    effort = models.ForeignKey(SpecialEffort, on_delete=models.CASCADE, related_name="commitments")
    party = models.CharField(_("part"), max_length=12, choices=CommitmentParty.choices)
    # The forum (party "lokalforum": its contact persons comment), the group, or a name.
    forum = models.ForeignKey(
        "lokalfora.Forum",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="effort_commitments",
    )
    group = models.ForeignKey(
        "projektudvalg.WorkingGroup",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="commitments",
    )
    party_name = models.CharField(_("partens navn"), max_length=150, blank=True)
    text = models.TextField(_("forpligtelse"), max_length=SHORT_TEXT)
    due_date = models.DateField(_("frist"), null=True, blank=True)
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=CommitmentStatus.choices,
        default=CommitmentStatus.AGREED,
    )
    status_reason = models.TextField(_("begrundelse"), max_length=SHORT_TEXT, blank=True)
    evidence_url = models.URLField(_("dokumentation (link)"), blank=True)
    order = models.PositiveSmallIntegerField(default=0)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("forpligtelse")
        verbose_name_plural = _("forpligtelser")
        ordering = ["effort", "order", "due_date", "id"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(party=""),
                name="commitment_has_party",
                violation_error_message=_("Vælg hvem forpligtelsen er for."),
            ),
            models.CheckConstraint(
                condition=~Q(status__in=["changed", "dropped"]) | ~Q(status_reason=""),
                name="commitment_change_has_reason",
                violation_error_message=_("Skriv hvorfor forpligtelsen er ændret eller opgivet."),
            ),
            models.CheckConstraint(
                condition=~Q(party="forum") | Q(forum__isnull=False),
                name="commitment_forum_party_has_forum",
                violation_error_message=_("Vælg lokalforummet."),
            ),
        ]

    def __str__(self):
        return self.text[:60]


class CommitmentComment(models.Model):
    """A forum contact person's comment on a commitment, on the forum's behalf."""

    commitment = models.ForeignKey(
        EffortCommitment, on_delete=models.CASCADE, related_name="comments"
    )
    forum = models.ForeignKey("lokalfora.Forum", on_delete=models.CASCADE, related_name="+")
    author = models.ForeignKey("holbaek.User", on_delete=models.PROTECT, related_name="+")
    text = models.TextField(_("kommentar"), max_length=SHORT_TEXT)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("kommentar til en forpligtelse")
        verbose_name_plural = _("kommentarer til forpligtelser")
        ordering = ["commitment", "created_at", "id"]

    def __str__(self):
        return f"{self.commitment}: {self.forum}"


class MilestoneKind(models.TextChoices):
    WORKSHOP = "workshop", _("workshop")
    WORKING_MEETING = "working", _("arbejdsmøde")
    PARTY = "party", _("fest")
    POLITICAL = "political", _("politisk behandling")
    EVALUATION = "evaluation", _("evaluering")


class Milestone(models.Model):
    """A milestone; it shows as an event in each of the effort's areas' calendars (the
    `events` are kept by services.efforts, one per area)."""

    effort = models.ForeignKey(SpecialEffort, on_delete=models.CASCADE, related_name="milestones")
    title = models.CharField(_("titel"), max_length=150)
    kind = models.CharField(_("type"), max_length=12, choices=MilestoneKind.choices)
    starts_at = models.DateTimeField(_("starter"))
    ends_at = models.DateTimeField(_("slutter"))
    place = models.CharField(_("sted"), max_length=150, blank=True)
    description = models.TextField(_("beskrivelse"), max_length=SHORT_TEXT, blank=True)
    agenda_item = models.ForeignKey(
        AgendaItem,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="milestones",
        verbose_name=_("dagsordenspunkt"),
    )
    events = models.ManyToManyField(
        "lokalfora.Event", blank=True, related_name="milestones", editable=False
    )

    class Meta:
        verbose_name = _("milepæl")
        verbose_name_plural = _("milepæle")
        ordering = ["effort", "starts_at", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=F("starts_at")),
                name="milestone_ends_after_start",
                violation_error_message=_("Milepælen skal slutte, efter den er begyndt."),
            )
        ]

    def __str__(self):
        return self.title


class EffortAction(models.Model):
    """An action or project of the effort; the effort's progress is their (weighted) mean."""

    effort = models.ForeignKey(SpecialEffort, on_delete=models.CASCADE, related_name="actions")
    title = models.CharField(_("titel"), max_length=150)
    description = models.TextField(_("beskrivelse"), max_length=SHORT_TEXT, blank=True)
    responsible = models.CharField(_("ansvarlig"), max_length=150, blank=True)
    status_label = models.CharField(_("status"), max_length=60, blank=True)
    progress = models.PositiveSmallIntegerField(
        _("fremdrift (%)"), default=0, validators=[MinValueValidator(0), MaxValueValidator(100)]
    )
    weight = models.PositiveSmallIntegerField(
        _("vægt"), null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(100)]
    )
    applications = models.ManyToManyField(
        Application, blank=True, related_name="effort_actions", verbose_name=_("puljeansøgninger")
    )
    decision = models.ForeignKey(
        AgendaItem,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="effort_actions",
        verbose_name=_("beslutning"),
    )
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("handling")
        verbose_name_plural = _("handlinger")
        ordering = ["effort", "order", "id"]
        constraints = [
            models.CheckConstraint(condition=Q(progress__lte=100), name="action_progress_0_100"),
            models.CheckConstraint(
                condition=Q(weight__isnull=True) | Q(weight__gte=1), name="action_weight_positive"
            ),
        ]

    def __str__(self):
        return self.title
