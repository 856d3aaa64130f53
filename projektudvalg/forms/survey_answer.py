"""The forms for answering a survey: one page of questions (online), or all of them (staff's
paper and phone entry). They only turn the posted data into `survey_logic.Value`s and show
Danish errors beside the fields: what an answer may hold is `survey_values.check_value`,
which questions must be answered is `survey_responses.missing_required`, and
`response_store` decides when the answer is sent.

Field names: `q<id>` for a question, `q<id>_andet` for its "andet" text, `q<id>_r<row>`
for a matrix row and `q<id>_o<item>` for a ranking's item.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.html import escape
from django.utils.translation import gettext_lazy as _

from holbaek.forms import PlainTextFormMixin, date_field
from holbaek.text import LONG_TEXT, SHORT_TEXT
from projektudvalg.models import MATRIX_KINDS, QuestionKind, ResponseChannel
from projektudvalg.services.survey_responses import missing_required
from projektudvalg.survey_logic import EMPTY, Value
from projektudvalg.survey_values import UNKNOWN_OPTION, check_value

ANSWER_IT = _("Besvar spørgsmålet.")
CHOICE_ERRORS = {"invalid_choice": UNKNOWN_OPTION, "invalid_list": UNKNOWN_OPTION}


def _options(question, *, rows=False):
    return [o for o in question.options.all() if o.is_row == rows]


def _choices(options):
    return [(str(o.pk), o.label) for o in options]


def _single(choices, label, widget=forms.RadioSelect):
    return forms.TypedChoiceField(
        label=label,
        choices=choices,
        coerce=int,
        empty_value=None,
        required=False,
        widget=widget,
        error_messages=CHOICE_ERRORS,
    )


def _several(choices, label):
    return forms.TypedMultipleChoiceField(
        label=label,
        choices=choices,
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages=CHOICE_ERRORS,
    )


def _text(question):
    long = question.kind == QuestionKind.LONG_TEXT
    limit = LONG_TEXT if long else SHORT_TEXT
    widget = forms.Textarea(attrs={"rows": 6}) if long else forms.TextInput()
    return forms.CharField(label=question.text, max_length=limit, required=False, widget=widget)


def _number(question):
    attrs = {"inputmode": "numeric"}
    if question.min_value is not None:
        attrs["min"] = question.min_value
    if question.max_value is not None:
        attrs["max"] = question.max_value
    return forms.IntegerField(
        label=question.text,
        required=False,
        widget=forms.NumberInput(attrs=attrs),
        error_messages={"invalid": _("Skriv et helt tal, fx 12.")},
    )


def _scale_choices(question):
    labels = {1: question.scale_low_label, 5: question.scale_high_label}
    return [(str(n), f"{n} – {labels[n]}" if labels.get(n) else str(n)) for n in (1, 2, 3, 4, 5)]


def question_fields(question, areas) -> dict:
    """The question's form fields by name (a section has none)."""
    name, label = f"q{question.pk}", question.text
    match question.kind:
        case QuestionKind.SHORT_TEXT | QuestionKind.LONG_TEXT:
            return {name: _text(question)}
        case QuestionKind.SINGLE | QuestionKind.MULTIPLE:
            choices = _choices(_options(question))
            single = question.kind == QuestionKind.SINGLE
            fields = {name: _single(choices, label) if single else _several(choices, label)}
            if any(o.is_other for o in question.options.all()):
                fields[f"{name}_andet"] = forms.CharField(
                    label=_("Andet, nemlig"), max_length=SHORT_TEXT, required=False
                )
            return fields
        case QuestionKind.MATRIX_SINGLE | QuestionKind.MATRIX_MULTIPLE:
            choices = _choices(_options(question))
            field = _single if question.kind == QuestionKind.MATRIX_SINGLE else _several
            return {
                f"{name}_r{row.pk}": field(choices, row.label)
                for row in _options(question, rows=True)
            }
        case QuestionKind.RANKING:
            items = _options(question)
            places = [("", _("Ingen plads")), *[(str(n), str(n)) for n in range(1, len(items) + 1)]]
            return {
                f"{name}_o{item.pk}": _single(places, item.label, forms.Select) for item in items
            }
        case QuestionKind.NUMBER:
            return {name: _number(question)}
        case QuestionKind.DATE:
            return {name: date_field(label, required=False)}
        case QuestionKind.SCALE:
            return {name: _single(_scale_choices(question), label)}
        case QuestionKind.CONSENT:
            return {name: forms.BooleanField(label=label, required=False)}
        case QuestionKind.AREA:
            choices = [("", _("Vælg lokalområde")), *[(str(pk), area) for pk, area in areas]]
            return {name: _single(choices, label, forms.Select)}
    return {}


def _value(question, cleaned: dict) -> Value:
    """The posted fields of one question as its answer."""
    name = f"q{question.pk}"
    picked = cleaned.get(name)
    match question.kind:
        case QuestionKind.SHORT_TEXT | QuestionKind.LONG_TEXT:
            return Value(text=picked or "")
        case QuestionKind.SINGLE | QuestionKind.MULTIPLE:
            chosen = (picked,) if isinstance(picked, int) else tuple(picked or ())
            return Value(options=chosen, other=cleaned.get(f"{name}_andet") or "")
        case QuestionKind.MATRIX_SINGLE | QuestionKind.MATRIX_MULTIPLE:
            rows = {}
            for row in _options(question, rows=True):
                got = cleaned.get(f"{name}_r{row.pk}")
                got = (got,) if isinstance(got, int) else tuple(got or ())
                if got:
                    rows[row.pk] = got
            return Value(rows=rows)
        case QuestionKind.RANKING:
            ranks = {o.pk: cleaned.get(f"{name}_o{o.pk}") for o in _options(question)}
            return Value(ranks={pk: rank for pk, rank in ranks.items() if rank is not None})
        case QuestionKind.DATE:
            return Value(date=picked.isoformat() if picked else "")
        case QuestionKind.CONSENT:
            return Value(number=1 if picked else None)
        case QuestionKind.AREA:
            return Value(area=picked)
        case QuestionKind.NUMBER | QuestionKind.SCALE:
            return Value(number=picked)
    return EMPTY


def _initial(question, value: Value) -> dict:
    """A kept answer as the fields' initial data (going back to a page)."""
    name = f"q{question.pk}"
    if question.kind in MATRIX_KINDS:
        single = question.kind == QuestionKind.MATRIX_SINGLE
        return {
            f"{name}_r{row}": (str(cols[0]) if single else [str(c) for c in cols])
            for row, cols in value.rows.items()
            if cols
        }
    if question.kind == QuestionKind.RANKING:
        return {f"{name}_o{pk}": str(rank) for pk, rank in value.ranks.items()}
    initial = {
        QuestionKind.SINGLE: str(value.options[0]) if value.options else None,
        QuestionKind.MULTIPLE: [str(pk) for pk in value.options],
        QuestionKind.NUMBER: value.number,
        QuestionKind.SCALE: str(value.number) if value.number else None,
        QuestionKind.CONSENT: value.number == 1,
        QuestionKind.AREA: str(value.area) if value.area else None,
        QuestionKind.DATE: value.date or None,
    }.get(question.kind, value.text)
    return {name: initial, f"{name}_andet": value.other}


class Block:
    """One question as the template shows it: a section's heading, one field (with its
    "andet" text), or a group of fields under the question's legend (matrix, ranking)."""

    def __init__(self, question, fields):
        self.question = question
        self.fields = fields
        self.is_section = question.is_section
        self.is_group = question.kind in MATRIX_KINDS or question.kind == QuestionKind.RANKING
        self.help_text = question.help_text

    @property
    def errors(self) -> bool:
        return any(field.errors for field in self.fields)


class QuestionsForm(forms.Form):
    """The fields of `questions` (shown in this order). `answers` are those kept so far
    (the session's draft), `all_questions` the survey's, to find the required ones still
    unanswered on this page; `areas` are (id, name) of the 18 areas."""

    def __init__(
        self, *args, questions, all_questions, answers, areas, check_required=True, **kwargs
    ):
        super().__init__(*args, **kwargs)
        self.questions, self.all_questions = list(questions), all_questions
        self.answers, self.check_required = answers, check_required
        self.area_ids = frozenset(pk for pk, _name in areas)
        self.names: dict[int, list[str]] = {}
        for question in self.questions:
            fields = question_fields(question, areas)
            self.fields.update(fields)
            self.names[question.pk] = list(fields)
            grouped = question.kind in MATRIX_KINDS or question.kind == QuestionKind.RANKING
            for field in fields.values():  # a group's legend says "(frivilligt)", not each row
                field.needed_to_submit = question.required or grouped
            first = next(iter(fields.values()), None)
            if first is not None and question.help_text:
                first.help_text = escape(question.help_text)
            if question.pk in answers and not self.is_bound:
                self.initial.update(_initial(question, answers[question.pk]))

    @property
    def blocks(self) -> list[Block]:
        return [
            Block(q, [self[name] for name in self.names[q.pk]])
            for q in self.questions
            if self.names[q.pk] or q.is_section
        ]

    def clean(self):
        cleaned = super().clean()
        self.values: dict[int, Value] = {}
        for question in self.questions:
            names = self.names[question.pk]
            if not names or any(name in self.errors for name in names):
                continue
            value = _value(question, cleaned)
            try:
                check_value(question, value, area_ids=self.area_ids)
            except ValidationError as error:
                self.add_error(names[0], error)
                continue
            if not value.is_empty:
                self.values[question.pk] = value
        if self.check_required:
            for question in missing_required(self.all_questions, self.merged()):
                names = self.names.get(question.pk)
                if names and not any(name in self.errors for name in names):
                    self.add_error(names[0], ANSWER_IT)
        return cleaned

    def merged(self) -> dict[int, Value]:
        """The answers so far with this page's in place of what it had."""
        kept = {pk: v for pk, v in self.answers.items() if pk not in self.names}
        return kept | getattr(self, "values", {})


class SurveyPageForm(PlainTextFormMixin, QuestionsForm):
    """One page of the online answer, with a honeypot for robots."""

    website = forms.CharField(
        label=_("Lad dette felt stå tomt"),
        required=False,
        max_length=200,
        template_name="forms/honeypot.html",
    )

    def clean(self):
        cleaned = super().clean()
        # A filled honeypot is not an error to show: the view quietly drops the answer.
        self.is_spam = bool(cleaned.get("website")) or "website" in self.errors
        return cleaned


class PaperForm(PlainTextFormMixin, QuestionsForm):
    """Staff's entry of an answer given on paper or by phone: every question on one page."""

    channel = forms.ChoiceField(
        label=_("Svaret er givet"),
        choices=[(ResponseChannel.PAPER, _("på papir")), (ResponseChannel.PHONE, _("i telefonen"))],
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Vælg, om svaret er givet på papir eller i telefonen."),
            "invalid_choice": _("Vælg, om svaret er givet på papir eller i telefonen."),
        },
    )

    field_order = ["channel"]
