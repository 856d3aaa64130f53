"""The question editor's forms: the question's fields for its kind, its options (one
formset) and its conditions (another). They parse only; services.survey_questions checks
and saves. The conditions' choices are the earlier questions of this survey and their
options, built from the questions already loaded, so a forged id is refused here and the
page costs no query per row."""

from django import forms
from django.utils.translation import gettext_lazy as _

from holbaek.forms import PlainTextFormMixin
from holbaek.formsets import PortalFormSet
from holbaek.text import SHORT_TEXT
from projektudvalg.models import (
    CHOICE_KINDS,
    MATRIX_KINDS,
    OPTION_KINDS,
    ConditionKind,
    QuestionKind,
)
from projektudvalg.services.survey_question_rules import MAX_CONDITIONS, MAX_OPTIONS

INVALID_CHOICE = _("Vælg en af mulighederne på listen.")
LIMIT = 10**12  # the stored numbers are 64-bit; nobody asks for more than this
KIND_FIELDS = {
    "max_choices": {QuestionKind.MULTIPLE},
    "min_value": {QuestionKind.NUMBER},
    "max_value": {QuestionKind.NUMBER},
    "scale_low_label": {QuestionKind.SCALE},
    "scale_high_label": {QuestionKind.SCALE},
}
ALL_OR_ONE = [("1", _("Alle betingelser skal være opfyldt (og)")),
              ("0", _("Én af betingelserne er nok (eller)"))]  # fmt: skip


def _number(label, **kwargs):
    return forms.IntegerField(
        label=label,
        required=False,
        min_value=-LIMIT,
        max_value=LIMIT,
        error_messages={
            "invalid": _("Skriv et helt tal."),
            "min_value": _("Tallet er for lille."),
            "max_value": _("Tallet er for stort."),
        },
        **kwargs,
    )


class QuestionForm(PlainTextFormMixin, forms.Form):
    """The question's own fields, only those of its kind."""

    text = forms.CharField(
        label=_("Spørgsmål"), max_length=500, error_messages={"required": _("Skriv spørgsmålet.")}
    )
    help_text = forms.CharField(
        label=_("Uddybning"),
        max_length=SHORT_TEXT,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Valgfri. Vises under spørgsmålet."),
    )
    required = forms.BooleanField(label=_("Skal besvares"), required=False)
    max_choices = _number(_("Højst antal valg"), help_text=_("Tom: så mange, man vil."))
    min_value = _number(_("Mindste tal"), help_text=_("Valgfri."))
    max_value = _number(_("Største tal"), help_text=_("Valgfri."))
    scale_low_label = forms.CharField(
        label=_("Tekst ved 1"), max_length=60, required=False, help_text=_("Fx Meget uenig.")
    )
    scale_high_label = forms.CharField(
        label=_("Tekst ved 5"), max_length=60, required=False, help_text=_("Fx Meget enig.")
    )
    conditions_all = forms.ChoiceField(
        label=_("Når der er flere betingelser"),
        choices=ALL_OR_ONE,
        widget=forms.RadioSelect,
        initial="1",
        error_messages={"required": INVALID_CHOICE, "invalid_choice": INVALID_CHOICE},
    )

    def __init__(self, *args, kind, with_conditions=True, **kwargs):
        super().__init__(*args, **kwargs)
        self.kind = kind
        for name, kinds in KIND_FIELDS.items():
            if kind not in kinds:
                del self.fields[name]
        if kind == QuestionKind.SECTION:
            del self.fields["required"]
            self.fields["text"].label = _("Overskrift")
            self.fields["text"].error_messages["required"] = _("Skriv sektionens overskrift.")
            self.fields["help_text"].label = _("Beskrivelse")
            self.fields["help_text"].help_text = _("Valgfri. Vises under overskriften.")
        if kind == QuestionKind.SECTION or not with_conditions:
            del self.fields["conditions_all"]

    def values(self) -> dict:
        data = {"kind": self.kind}
        data |= {n: v for n, v in self.cleaned_data.items() if n != "conditions_all"}
        return data

    def all_conditions(self) -> bool:
        return self.cleaned_data.get("conditions_all", "1") != "0"


class OptionForm(PlainTextFormMixin, forms.Form):
    label = forms.CharField(label=_("Tekst"), max_length=200, required=False)
    is_other = forms.BooleanField(
        label=_("Andet: …"), required=False, help_text=_("Den, der vælger den, skriver selv.")
    )
    is_row = forms.BooleanField(
        label=_("Række"), required=False, help_text=_("Ellers er den en kolonne (et svar).")
    )

    def __init__(self, *args, kind, **kwargs):
        super().__init__(*args, **kwargs)
        if kind not in CHOICE_KINDS:
            del self.fields["is_other"]
        if kind not in MATRIX_KINDS:
            del self.fields["is_row"]

    def is_filled(self) -> bool:
        data = self.cleaned_data
        return bool(data.get("label") or data.get("is_other") or data.get("is_row"))


class ConditionForm(PlainTextFormMixin, forms.Form):
    depends_on = forms.TypedChoiceField(label=_("Vis kun, hvis spørgsmålet"), coerce=int,
                                        empty_value=None, required=False)  # fmt: skip
    kind = forms.ChoiceField(
        label=_("Betingelse"),
        required=False,
        choices=[("", _("Vælg")), *ConditionKind.choices],
    )
    option = forms.TypedChoiceField(
        label=_("Svarmulighed"),
        coerce=int,
        empty_value=None,
        required=False,
        help_text=_("Ved “er lig med” og “er ikke lig med”."),
    )
    text = forms.CharField(
        label=_("Tekst"), max_length=200, required=False, help_text=_("Ved “indeholder teksten”.")
    )

    def __init__(self, *args, questions, options, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["depends_on"].choices = [("", _("Vælg")), *questions]
        self.fields["option"].choices = [("", _("Ingen")), *options]
        for field in self.fields.values():
            field.error_messages["invalid_choice"] = INVALID_CHOICE

    def is_filled(self) -> bool:
        data = self.cleaned_data
        return any(data.get(name) for name in ("depends_on", "kind", "option", "text"))


def choices_from(earlier, number_of) -> tuple[list, list]:
    """The condition rows' choices: the earlier questions (not sections) and, grouped by
    question, the options a condition can name (the choices, not a matrix's rows)."""
    questions, options = [], []
    for question in earlier:
        if question.is_section:
            continue
        name = f"{number_of.get(question.pk)}. {question.text}"
        questions.append((question.pk, name))
        if question.kind in CHOICE_KINDS:
            group = [(o.pk, o.label) for o in question.options.all() if not o.is_row]
            options.append((name, group))
    return questions, options


def option_formset(kind, data, *, initial, extra):
    factory = forms.formset_factory(OptionForm, formset=PortalFormSet, extra=extra,
                                    max_num=MAX_OPTIONS, absolute_max=MAX_OPTIONS,
                                    validate_max=True)  # fmt: skip
    return factory(data, initial=initial, prefix="options", form_kwargs={"kind": kind})


def condition_formset(data, *, initial, extra, questions, options):
    factory = forms.formset_factory(ConditionForm, formset=PortalFormSet, extra=extra,
                                    max_num=MAX_CONDITIONS, absolute_max=MAX_CONDITIONS,
                                    validate_max=True)  # fmt: skip
    kwargs = {"questions": questions, "options": options}
    return factory(data, initial=initial, prefix="conditions", form_kwargs=kwargs)


def has_options(kind) -> bool:
    return kind in OPTION_KINDS


class KindForm(forms.Form):
    """The GET form that picks a new question's type (or another type for a question)."""

    type = forms.ChoiceField(label=_("Type"), choices=QuestionKind.choices)
