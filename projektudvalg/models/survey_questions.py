"""A survey's questions, their options and their display conditions ("vis hvis …").

Questions are ordered by `position`; a `section` question starts a new page (a title
and a description), so answering runs one page per section. A condition refers to an
earlier question of the same survey: the database refuses the question itself, and
`services.survey_questions` (the one door for questions, options and conditions)
refuses a later question, one of another survey, and an option of another question.
Conditions are evaluated on the server (`projektudvalg.survey_logic`), so they hold
without JavaScript.

Options serve several kinds: the choices of one/several-choice questions (one may be
"andet: …", `is_other`), the items of a ranking, and for matrix questions the columns
(`is_row=False`) and the rows (`is_row=True`).
"""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from holbaek.text import SHORT_TEXT
from projektudvalg.models.surveys import Survey


class QuestionKind(models.TextChoices):
    SHORT_TEXT = "short_text", _("kort tekst")
    LONG_TEXT = "long_text", _("lang tekst")
    SINGLE = "single", _("ét valg")
    MULTIPLE = "multiple", _("flere valg")
    MATRIX_SINGLE = "matrix_single", _("matrix, ét valg pr. række")
    MATRIX_MULTIPLE = "matrix_multiple", _("matrix, flere valg pr. række")
    RANKING = "ranking", _("rangordning")
    NUMBER = "number", _("tal")
    DATE = "date", _("dato")
    SCALE = "scale", _("skala 1–5")
    CONSENT = "consent", _("samtykke")
    AREA = "area", _("lokalområde")
    SECTION = "section", _("sektion (overskrift)")


TEXT_KINDS = frozenset({QuestionKind.SHORT_TEXT, QuestionKind.LONG_TEXT})
CHOICE_KINDS = frozenset({QuestionKind.SINGLE, QuestionKind.MULTIPLE})
MATRIX_KINDS = frozenset({QuestionKind.MATRIX_SINGLE, QuestionKind.MATRIX_MULTIPLE})
OPTION_KINDS = CHOICE_KINDS | MATRIX_KINDS | {QuestionKind.RANKING}
# Kinds whose answers are not free text and may be published by default.
COUNTED_KINDS = (
    CHOICE_KINDS | MATRIX_KINDS | {QuestionKind.RANKING, QuestionKind.NUMBER, QuestionKind.SCALE,
                                   QuestionKind.CONSENT, QuestionKind.AREA}
)  # fmt: skip
SCALE_VALUES = (1, 2, 3, 4, 5)


class SurveyQuestion(models.Model):
    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="questions")
    position = models.PositiveIntegerField(_("placering"))
    kind = models.CharField(_("type"), max_length=16, choices=QuestionKind.choices)
    text = models.CharField(_("spørgsmål"), max_length=500)
    help_text = models.TextField(_("uddybning"), max_length=SHORT_TEXT, blank=True)
    required = models.BooleanField(_("skal besvares"), default=False)
    # Several choices: at most this many (blank: any number).
    max_choices = models.PositiveSmallIntegerField(_("højst antal valg"), null=True, blank=True)
    allow_other = models.BooleanField(_("med “andet: …”"), default=False)
    min_value = models.BigIntegerField(_("mindst"), null=True, blank=True)
    max_value = models.BigIntegerField(_("højst"), null=True, blank=True)
    scale_low_label = models.CharField(_("tekst ved 1"), max_length=60, blank=True)
    scale_high_label = models.CharField(_("tekst ved 5"), max_length=60, blank=True)
    # All conditions must hold (og) or one is enough (eller).
    conditions_all = models.BooleanField(_("alle betingelser skal være opfyldt"), default=True)
    # Chosen when the results are published; free text is off by default.
    public = models.BooleanField(_("offentliggøres"), default=False)

    class Meta:
        verbose_name = _("spørgsmål")
        verbose_name_plural = _("spørgsmål")
        ordering = ["survey", "position", "id"]
        indexes = [models.Index(fields=["survey", "position"], name="survey_question_order_idx")]
        constraints = [
            models.CheckConstraint(
                condition=Q(min_value__isnull=True)
                | Q(max_value__isnull=True)
                | Q(max_value__gte=models.F("min_value")),
                name="survey_question_min_not_above_max",
                violation_error_message=_("Det mindste tal må ikke være større end det største."),
            ),
            models.CheckConstraint(
                condition=Q(max_choices__isnull=True) | Q(max_choices__gte=1),
                name="survey_question_max_choices_positive",
            ),
        ]

    def __str__(self):
        return self.text

    @property
    def is_section(self) -> bool:
        return self.kind == QuestionKind.SECTION

    @property
    def has_options(self) -> bool:
        return self.kind in OPTION_KINDS

    @property
    def is_free_text(self) -> bool:
        return self.kind in TEXT_KINDS or self.kind == QuestionKind.DATE


class SurveyOption(models.Model):
    question = models.ForeignKey(SurveyQuestion, on_delete=models.CASCADE, related_name="options")
    position = models.PositiveIntegerField(_("placering"))
    label = models.CharField(_("tekst"), max_length=200)
    # "andet: …": choosing it asks for a text, exported beside the option.
    is_other = models.BooleanField(_("andet"), default=False)
    # Matrix questions: a row (the statement) rather than a column (the answer).
    is_row = models.BooleanField(_("række"), default=False)

    class Meta:
        verbose_name = _("svarmulighed")
        verbose_name_plural = _("svarmuligheder")
        ordering = ["question", "is_row", "position", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["question"],
                condition=Q(is_other=True),
                name="survey_option_one_other_per_question",
            ),
            models.CheckConstraint(
                condition=~(Q(is_other=True) & Q(is_row=True)), name="survey_option_row_not_other"
            ),
        ]

    def __str__(self):
        return self.label


class ConditionKind(models.TextChoices):
    ANSWERED = "answered", _("er besvaret")
    NOT_ANSWERED = "not_answered", _("er ikke besvaret")
    EQUALS = "equals", _("er lig med")
    NOT_EQUALS = "not_equals", _("er ikke lig med")
    CONTAINS = "contains", _("indeholder teksten")


class SurveyCondition(models.Model):
    """Show `question` only if `depends_on` (an earlier question) meets the condition."""

    question = models.ForeignKey(
        SurveyQuestion, on_delete=models.CASCADE, related_name="conditions"
    )
    depends_on = models.ForeignKey(
        SurveyQuestion, on_delete=models.CASCADE, related_name="dependents",
        verbose_name=_("spørgsmål"),
    )  # fmt: skip
    kind = models.CharField(_("betingelse"), max_length=14, choices=ConditionKind.choices)
    option = models.ForeignKey(
        SurveyOption, on_delete=models.CASCADE, null=True, blank=True, related_name="+",
        verbose_name=_("svarmulighed"),
    )  # fmt: skip
    text = models.CharField(_("tekst"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("betingelse")
        verbose_name_plural = _("betingelser")
        ordering = ["question", "id"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(question=models.F("depends_on")),
                name="survey_condition_not_on_itself",
                violation_error_message=_("Et spørgsmål kan ikke afhænge af sig selv."),
            ),
            models.CheckConstraint(
                condition=~Q(kind__in=["equals", "not_equals"]) | Q(option__isnull=False),
                name="survey_condition_equals_has_option",
                violation_error_message=_("Vælg den svarmulighed, betingelsen gælder."),
            ),
            models.CheckConstraint(
                condition=~Q(kind="contains") | ~Q(text=""),
                name="survey_condition_contains_has_text",
                violation_error_message=_("Skriv den tekst, svaret skal indeholde."),
            ),
        ]

    def __str__(self):
        return f"{self.question_id} ← {self.depends_on_id}: {self.kind}"
