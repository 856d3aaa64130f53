"""The special efforts' staff and project-lead forms: the effort, its status, milestones.
They only parse; services.efforts and services.effort_milestones check and save."""

from django import forms
from django.utils.translation import gettext_lazy as _

from holbaek.forms import PlainTextFormMixin, date_field
from holbaek.models import User
from lokalfora.models import LocalArea
from projektudvalg.models import EffortTemplate, Milestone, SpecialEffort
from projektudvalg.services.efforts import EDITABLE

DATETIME = {"type": "datetime-local"}
DATETIME_FORMAT = "%Y-%m-%dT%H:%M"
DATETIME_INVALID = _("Skriv dato og klokkeslæt, fx 24.05.2027 17:00.")


def datetime_widget():
    return forms.DateTimeInput(attrs=DATETIME, format=DATETIME_FORMAT)


class EmailsField(forms.CharField):
    """Users named by e-mail address, one a line (never a list of every user)."""

    widget = forms.Textarea(attrs={"rows": 2})

    def __init__(self, *, max_length=2000, **kwargs):
        super().__init__(max_length=max_length, **kwargs)

    def clean(self, value):
        text = super().clean(value) or ""
        emails = [line.strip().lower() for line in text.splitlines() if line.strip()]
        users = {user.email.lower(): user for user in User.objects.filter(email__in=emails)}
        unknown = [email for email in emails if email not in users]
        if unknown:
            raise forms.ValidationError(
                _("Ingen bruger har e-mailen %(emails)s. Personen skal først oprette en konto."),
                params={"emails": ", ".join(unknown)},
            )
        return [users[email] for email in emails]


class EffortForm(PlainTextFormMixin, forms.ModelForm):
    """The effort's text, period and roles; committee staff also set the areas, the short
    name in the address and the project leads (`manage=True`)."""

    areas = forms.ModelMultipleChoiceField(
        label=_("Lokalområder"),
        queryset=LocalArea.objects.order_by("name"),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    leads = EmailsField(
        label=_("Projektledere (e-mail, én pr. linje)"),
        required=False,
        help_text=_("De kan rette indsatsens indhold, milepæle, handlinger og budget."),
    )

    class Meta:
        model = SpecialEffort
        fields = [*EDITABLE, "areas"]
        widgets = {
            "summary": forms.Textarea(attrs={"rows": 4}),
            "summary_easy": forms.Textarea(attrs={"rows": 3}),
            "selection_basis": forms.Textarea(attrs={"rows": 6}),
            "partner_committees": forms.Textarea(attrs={"rows": 3}),
            "internal_notes": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, manage: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("period_start", "period_end"):
            self.fields[name] = date_field(self.fields[name].label, required=False)
        self.fields["internal_notes"].help_text = _("Vises aldrig offentligt.")
        if self.instance.pk:
            self.initial["leads"] = "\n".join(self.instance.leads.values_list("email", flat=True))
        if not manage:
            for name in ("areas", "leads", "slug"):
                del self.fields[name]

    def validate_unique(self):
        """The service says it in Danish (and checks the reserved words)."""

    def _post_clean(self):
        """Only parses: the service checks the effort as a whole."""

    def data_values(self) -> dict:
        return {name: self.cleaned_data[name] for name in EDITABLE if name in self.cleaned_data}


class EffortCreateForm(EffortForm):
    template = forms.ModelChoiceField(
        label=_("Start fra en drejebog"),
        queryset=EffortTemplate.objects.all(),
        required=False,
        empty_label=_("Ingen drejebog"),
        help_text=_("Drejebogens faser bliver indsatsens milepæle, regnet fra startdatoen."),
    )
    start = date_field(_("Startdato for drejebogen"), required=False)
    field_order = ["template", "start"]

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("template") and not (cleaned.get("start") or cleaned.get("period_start")):
            self.add_error("start", _("Vælg datoen, drejebogen regner fra."))
        return cleaned


class StatusForm(PlainTextFormMixin, forms.Form):
    to_status = forms.ChoiceField(
        label=_("Ny status"),
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Vælg den nye status."),
            "invalid_choice": _("Indsatsen kan ikke få den status nu."),
        },
    )
    decision = forms.ModelChoiceField(
        label=_("Udvalgets beslutning (dagsordenspunkt)"),
        queryset=None,
        required=False,
        empty_label=_("Ingen beslutning"),
        error_messages={"invalid_choice": _("Vælg et punkt fra listen.")},
    )
    note = forms.CharField(
        label=_("Note"), max_length=2000, required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args, choices, decisions, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["to_status"].choices = choices
        self.fields["decision"].queryset = decisions
        self.fields["decision"].label_from_instance = decision_label


def decision_label(item) -> str:
    """An item of selectors.efforts_staff.decision_choices: its title only if the user may
    see it (`title_shown`)."""
    title = item.title if item.title_shown else _("Lukket punkt")
    return f"{item.meeting.starts_at:%d.%m.%Y}, punkt {item.number}: {title}"


class MilestoneForm(PlainTextFormMixin, forms.ModelForm):
    class Meta:
        model = Milestone
        fields = ["title", "kind", "starts_at", "ends_at", "place", "description", "agenda_item"]
        widgets = {
            "starts_at": datetime_widget(),
            "ends_at": datetime_widget(),
            "description": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, decisions, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("starts_at", "ends_at"):
            self.fields[name].error_messages["invalid"] = DATETIME_INVALID
            self.fields[name].error_messages["required"] = _("Skriv dato og klokkeslæt.")
        self.fields["title"].error_messages["required"] = _("Skriv milepælens titel.")
        self.fields["kind"].error_messages["required"] = _("Vælg milepælens type.")
        self.fields["agenda_item"].queryset = decisions
        self.fields["agenda_item"].label_from_instance = decision_label
        self.fields["agenda_item"].error_messages["invalid_choice"] = _("Vælg et punkt fra listen.")

    def _post_clean(self):
        """Only parses: services.milestone_save checks the dates and saves the events."""

    def values(self) -> dict:
        return dict(self.cleaned_data)
