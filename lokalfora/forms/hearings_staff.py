"""Committee staff's forms for hearings. They only parse: lokalfora.services.hearings,
hearing_responses and hearing_notes check and save."""

import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from holbaek.forms import PlainTextFormMixin, add_refusal, date_field
from holbaek.formsets import PortalFormSet
from holbaek.text import SHORT_TEXT, TEXT
from lokalfora.models import Hearing, HearingDocumentKind, HearingKindRule, LocalArea
from lokalfora.services.hearings import DATES_EDITABLE, all_forums

FIRST_YEAR, LAST_YEAR = 2020, 2100
MAX_PARTIES, MAX_PARTY_LENGTH = 30, 200
DEADLINE_TIME = datetime.time(23, 59)
# The service names the hearing's fields; the form asks for each date as a day and a time.
REFUSAL_FIELDS = {"starts_at": "starts_day", "deadline": "deadline_day"}


def _day_field(label):
    field = date_field(label)
    field.widget.attrs.update({"min": f"{FIRST_YEAR}-01-01", "max": f"{LAST_YEAR}-12-31"})
    return field


def _time_field(label, help_text):
    return forms.TimeField(
        label=label,
        required=False,
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
        input_formats=["%H:%M", "%H.%M"],
        help_text=help_text,
        error_messages={"invalid": _("Skriv klokkeslættet som fx 12:00.")},
    )


def _minimum_periods() -> str:
    rules = HearingKindRule.objects.order_by("kind")
    text = "; ".join(f"{rule.get_kind_display()}: {rule.minimum_days}" for rule in rules)
    if not text:
        return str(_("Skriv, hvorfor høringsperioden er kort, hvis den er kortere end normalt."))
    return str(
        _("Mindste høringsperiode i dage (%(rules)s). Er perioden kortere, skriv hvorfor.")
        % {"rules": text}
    )


class HearingForm(PlainTextFormMixin, forms.ModelForm):
    """A hearing: its fields, its two dates as day and time in Danish time, and whom it
    asks: forums (or all 18), extra areas and other parties, one name a line."""

    starts_day = _day_field(_("Høringen starter (dato)"))
    starts_time = _time_field(_("Starter kl."), _("Tomt: kl. 00.00."))
    deadline_day = _day_field(_("Høringsfrist (dato)"))
    deadline_time = _time_field(_("Fristen udløber kl."), _("Tomt: kl. 23.59."))
    all_forums = forms.BooleanField(
        label=_("Alle 18 lokalfora"),
        required=False,
        help_text=_("Sender høringen til alle lokalfora, uanset hvad der er valgt nedenfor."),
    )
    forums = forms.ModelMultipleChoiceField(
        label=_("Lokalfora, høringen sendes til"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": _("Vælg lokalfora fra listen.")},
    )
    areas = forms.ModelMultipleChoiceField(
        label=_("Flere lokalområder, høringen handler om"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("De valgte lokalforas områder kommer med af sig selv."),
        error_messages={"invalid_choice": _("Vælg lokalområder fra listen.")},
    )
    parties = forms.CharField(
        label=_("Andre høringsparter"),
        required=False,
        max_length=MAX_PARTIES * (MAX_PARTY_LENGTH + 2),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Ét navn på hver linje, fx et brugerråd eller et bylaug. Højst 30."),
    )

    class Meta:
        model = Hearing
        fields = [
            "title", "summary", "case_number", "department", "contact_email",
            "contact_phone", "kind", "legal_hearing_url", "short_period_reason",
            "open_to_public", "asks_for_address", "response_visibility",
            "decision_title", "decision_url",
        ]  # fmt: skip
        widgets = {
            "summary": forms.Textarea(attrs={"rows": 4}),
            "short_period_reason": forms.Textarea(attrs={"rows": 3}),
        }

    field_order = [
        "title", "summary", "case_number", "department", "contact_email", "contact_phone",
        "kind", "legal_hearing_url", "starts_day", "starts_time", "deadline_day",
        "deadline_time", "short_period_reason", "open_to_public", "asks_for_address",
        "response_visibility", "all_forums", "forums", "areas", "parties",
        "decision_title", "decision_url",
    ]  # fmt: skip

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["forums"].queryset = all_forums()
        self.fields["forums"].label_from_instance = lambda forum: forum.name
        self.fields["areas"].queryset = LocalArea.objects.order_by("name")
        self.fields["short_period_reason"].help_text = _minimum_periods()
        for name in ("title", "summary", "case_number", "department"):
            self.fields[name].error_messages["required"] = _("Udfyld feltet.")
        self.fields["contact_email"].error_messages["invalid"] = _("Skriv en gyldig e-mailadresse.")
        hearing = self.instance
        if hearing.pk:
            starts = timezone.localtime(hearing.starts_at)
            deadline = timezone.localtime(hearing.deadline)
            self.initial.update(
                starts_day=starts.date(),
                starts_time=starts.time(),
                deadline_day=deadline.date(),
                deadline_time=deadline.time(),
                forums=[invitation.forum_id for invitation in hearing.invitations.all()],
                areas=[area.pk for area in hearing.areas.all()],
                parties="\n".join(party.name for party in hearing.parties.all()),
            )
            if hearing.status not in DATES_EDITABLE:
                for name in ("starts_day", "starts_time", "deadline_day", "deadline_time"):
                    self.fields[name].disabled = True
                self.fields["deadline_day"].help_text = _(
                    "Høringen er offentliggjort: fristen forlænges på statussiden."
                )
        else:
            self.initial.setdefault("deadline_time", DEADLINE_TIME)

    def _post_clean(self):
        """Only parses: the service checks and saves (no model validation here)."""

    def _moment(self, day_name, time_name, default):
        day = self.cleaned_data.get(day_name)
        if day is None:
            return None
        if not FIRST_YEAR <= day.year <= LAST_YEAR:
            self.add_error(
                day_name,
                _("Skriv en dato mellem %(first)s og %(last)s.")
                % {"first": FIRST_YEAR, "last": LAST_YEAR},
            )
            return None
        time = self.cleaned_data.get(time_name) or default
        return timezone.make_aware(datetime.datetime.combine(day, time))

    def clean_parties(self):
        names = [" ".join(line.split()) for line in self.cleaned_data["parties"].splitlines()]
        names = [name for name in names if name]
        if len(names) > MAX_PARTIES:
            raise ValidationError(_("Skriv højst 30 høringsparter."))
        if any(len(name) > MAX_PARTY_LENGTH for name in names):
            raise ValidationError(_("Et navn må højst have 200 tegn."))
        return names

    def clean(self):
        cleaned = super().clean()
        cleaned["starts_at"] = self._moment("starts_day", "starts_time", datetime.time(0, 0))
        cleaned["deadline"] = self._moment("deadline_day", "deadline_time", DEADLINE_TIME)
        if cleaned.get("all_forums"):
            cleaned["forums"] = list(self.fields["forums"].queryset)
        return cleaned

    def values(self) -> dict:
        """What services.hearings.hearing_save takes."""
        data = {name: self.cleaned_data[name] for name in self.Meta.fields}
        data["starts_at"], data["deadline"] = (
            self.cleaned_data["starts_at"],
            self.cleaned_data["deadline"],
        )
        return {
            "data": data,
            "forums": self.cleaned_data["forums"],
            "extra_areas": self.cleaned_data["areas"],
            "parties": self.cleaned_data["parties"],
        }

    def refuse(self, error: ValidationError) -> None:
        """A service's refusal on the field it names (a date on its day)."""
        if hasattr(error, "error_dict"):
            for field, errors in error.error_dict.items():
                name = REFUSAL_FIELDS.get(field, field)
                self.add_error(name if name in self.fields else None, errors)
        else:
            self.add_error(None, error.messages)


class DocumentForm(PlainTextFormMixin, forms.Form):
    title = forms.CharField(
        label=_("Titel"), max_length=200, required=False, help_text=_("Tomt: filens navn.")
    )
    kind = forms.ChoiceField(
        label=_("Slags"),
        choices=[
            (HearingDocumentKind.MATERIAL, HearingDocumentKind.MATERIAL.label),
            (HearingDocumentKind.LETTER, HearingDocumentKind.LETTER.label),
            (HearingDocumentKind.OTHER, HearingDocumentKind.OTHER.label),
        ],
        error_messages={"invalid_choice": _("Vælg en af slagsene.")},
    )
    file = forms.FileField(
        label=_("Fil"),
        help_text=_("PDF, Word, OpenDocument eller et billede, højst 10 MB."),
        error_messages={"required": _("Vælg en fil."), "empty": _("Filen er tom.")},
    )


def _reason(label, required_message):
    return forms.CharField(
        label=label,
        max_length=SHORT_TEXT,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": required_message},
    )


class ExtendForm(PlainTextFormMixin, forms.Form):
    day = _day_field(_("Ny høringsfrist (dato)"))
    time = _time_field(_("Kl."), _("Tomt: kl. 23.59."))
    reason = _reason(_("Hvorfor forlænges fristen?"), _("Skriv, hvorfor fristen forlænges."))

    def clean(self):
        cleaned = super().clean()
        day = cleaned.get("day")
        if day is not None and not FIRST_YEAR <= day.year <= LAST_YEAR:
            self.add_error(
                "day",
                _("Skriv en dato mellem %(first)s og %(last)s.")
                % {"first": FIRST_YEAR, "last": LAST_YEAR},
            )
        elif day is not None:
            moment = datetime.datetime.combine(day, cleaned.get("time") or DEADLINE_TIME)
            cleaned["new_deadline"] = timezone.make_aware(moment)
        return cleaned

    def refuse(self, error: ValidationError) -> None:
        for field, errors in getattr(error, "error_dict", {None: error.messages}).items():
            name = {"new_deadline": "day"}.get(field, field)
            self.add_error(name if name in self.fields else None, errors)


class ReasonForm(PlainTextFormMixin, forms.Form):
    reason = _reason(_("Begrundelse"), _("Skriv en begrundelse. Den gemmes i loggen."))

    def refuse(self, error: ValidationError) -> None:
        add_refusal(self, error)


class RedactForm(ReasonForm):
    field_order = ["public_text", "reason"]
    public_text = forms.CharField(
        label=_("Teksten, der offentliggøres"),
        max_length=10_000,
        widget=forms.Textarea(attrs={"rows": 12}),
        help_text=_("Fjern personoplysningerne. Den oprindelige tekst gemmes internt."),
        error_messages={"required": _("Skriv den tekst, der skal offentliggøres.")},
    )


class NoteIntroForm(PlainTextFormMixin, forms.Form):
    intro = forms.CharField(
        label=_("Høringsnotatets indledning"),
        max_length=10_000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
    )


class NoteLineForm(PlainTextFormMixin, forms.Form):
    """One answer's line; `response` is the answer's id, checked by the view."""

    response = forms.IntegerField(widget=forms.HiddenInput, min_value=1)
    summary = forms.CharField(
        label=_("Resumé af svaret"),
        max_length=TEXT,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    comment = forms.CharField(
        label=_("Kommunens bemærkning"),
        max_length=TEXT,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    leads_to_change = forms.BooleanField(label=_("Giver anledning til ændring"), required=False)


class NoteLineFormSet(PortalFormSet):
    """One row per submitted answer: a post has exactly the rows the page showed."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.max_num = len(self.initial or ())


NoteLines = forms.formset_factory(
    NoteLineForm, formset=NoteLineFormSet, extra=0, max_num=1000, validate_max=True
)
