"""Review, decisions, payouts and the final report."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from holbaek.text import LONG_TEXT, TEXT
from projektudvalg.models.applications import CVR, Application
from projektudvalg.models.pools import MONEY, PoolCriterion


class Assessment(models.Model):
    """One reviewer's assessment: a score per criterion and notes."""

    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="assessments"
    )
    assessor = models.ForeignKey("holbaek.User", on_delete=models.PROTECT, related_name="+")
    notes = models.TextField(_("noter"), blank=True, max_length=TEXT)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("vurdering")
        verbose_name_plural = _("vurderinger")
        constraints = [
            models.UniqueConstraint(
                fields=["application", "assessor"], name="assessment_one_per_assessor"
            ),
        ]

    def __str__(self):
        return f"{self.application}: {self.assessor}"


class CriterionScore(models.Model):
    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="scores")
    criterion = models.ForeignKey(PoolCriterion, on_delete=models.PROTECT, related_name="+")
    score = models.PositiveSmallIntegerField(
        _("point"), validators=[MinValueValidator(0), MaxValueValidator(5)]
    )

    class Meta:
        verbose_name = _("point for et kriterium")
        verbose_name_plural = _("point for kriterier")
        constraints = [
            models.UniqueConstraint(
                fields=["assessment", "criterion"], name="score_one_per_criterion"
            ),
            models.CheckConstraint(condition=Q(score__lte=5), name="score_zero_to_five"),
        ]

    def __str__(self):
        return f"{self.criterion}: {self.score}"


class AdvisoryNote(models.Model):
    """The area's fælles-skaber's advice to the committee staff (not shown to applicants)."""

    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="advisory_notes"
    )
    author = models.ForeignKey("holbaek.User", on_delete=models.PROTECT, related_name="+")
    text = models.TextField(_("rådgivende bemærkning"), max_length=TEXT)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("rådgivende bemærkning")
        verbose_name_plural = _("rådgivende bemærkninger")
        ordering = ["application", "created_at"]

    def __str__(self):
        return f"{self.application}: {self.author}"


class Outcome(models.TextChoices):
    GRANTED = "granted", _("Bevilget")
    PARTLY = "partly", _("Delvist bevilget")
    REFUSED = "refused", _("Afslået")
    RETURNED = "returned", _("Sendt retur til rettelser")


class Recommendation(models.Model):
    """The administration's recommendation (indstilling) to the committee."""

    application = models.OneToOneField(
        Application, on_delete=models.CASCADE, related_name="recommendation"
    )
    outcome = models.CharField(_("indstilling"), max_length=10, choices=Outcome.choices)
    amount = models.DecimalField(_("indstillet beløb (kr.)"), null=True, blank=True, **MONEY)
    text = models.TextField(_("begrundelse"), max_length=TEXT)
    author = models.ForeignKey("holbaek.User", on_delete=models.PROTECT, related_name="+")
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("indstilling")
        verbose_name_plural = _("indstillinger")

    def __str__(self):
        return f"{self.application}: {self.get_outcome_display()}"


class Decision(models.Model):
    """The committee's decision. A grant commits money from the round's budget."""

    application = models.ForeignKey(Application, on_delete=models.PROTECT, related_name="decisions")
    outcome = models.CharField(_("afgørelse"), max_length=10, choices=Outcome.choices)
    amount = models.DecimalField(_("bevilget beløb (kr.)"), null=True, blank=True, **MONEY)
    conditions = models.TextField(_("vilkår"), blank=True, max_length=TEXT)
    reason = models.TextField(_("begrundelse"), blank=True, max_length=TEXT)
    # The agenda item the committee decided it under (projektudvalg.models.meetings).
    agenda_item = models.ForeignKey(
        "projektudvalg.AgendaItem", on_delete=models.SET_NULL, null=True, blank=True,
        related_name="decisions", verbose_name=_("dagsordenspunkt"),
    )  # fmt: skip
    report_due = models.DateField(_("slutrapport senest"), null=True, blank=True)
    report_reminded_at = models.DateTimeField(_("påmindet om slutrapport"), null=True, blank=True)
    decided_at = models.DateTimeField(auto_now_add=True)
    decided_by = models.ForeignKey("holbaek.User", on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = _("afgørelse")
        verbose_name_plural = _("afgørelser")
        ordering = ["application", "decided_at"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(outcome__in=["granted", "partly"])
                | Q(amount__isnull=False, amount__gt=0),
                name="decision_grant_has_amount",
            ),
        ]

    def __str__(self):
        return f"{self.application}: {self.get_outcome_display()}"

    @property
    def is_grant(self) -> bool:
        return self.outcome in (Outcome.GRANTED, Outcome.PARTLY)


class Payout(models.Model):
    application = models.ForeignKey(Application, on_delete=models.PROTECT, related_name="payouts")
    paid_on = models.DateField(_("udbetalt"))
    amount = models.DecimalField(_("beløb (kr.)"), **MONEY)
    cvr = models.CharField(_("CVR-nummer"), max_length=8, blank=True, validators=[CVR])
    nemkonto_reference = models.CharField(_("NemKonto-reference"), max_length=35)
    registered_by = models.ForeignKey("holbaek.User", on_delete=models.PROTECT, related_name="+")
    registered_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("udbetaling")
        verbose_name_plural = _("udbetalinger")
        ordering = ["application", "paid_on", "id"]
        constraints = [
            models.CheckConstraint(condition=Q(amount__gt=0), name="payout_positive"),
            models.CheckConstraint(
                condition=~Q(nemkonto_reference=""), name="payout_has_reference"
            ),
            # The same payment registered twice (a double click) is refused.
            models.UniqueConstraint(
                fields=["application", "nemkonto_reference"], name="payout_reference_once"
            ),
        ]

    def __str__(self):
        return f"{self.application}: {self.amount}"


class FinalReport(models.Model):
    """The applicant's final report and accounts; staff accept it before closing."""

    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="final_reports"
    )
    text = models.TextField(_("slutrapport"), max_length=LONG_TEXT)
    submitted_at = models.DateTimeField(auto_now_add=True)
    accepted_at = models.DateTimeField(_("godkendt"), null=True, blank=True)
    accepted_by = models.ForeignKey(
        "holbaek.User", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("slutrapport")
        verbose_name_plural = _("slutrapporter")
        ordering = ["application", "submitted_at"]

    def __str__(self):
        return f"{self.application}: {self.submitted_at:%d.%m.%Y}"
