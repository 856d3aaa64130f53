"""The forms of an effort's actions, commitments, budget, working groups and documents.
They only parse; the services in services/effort_content.py and effort_groups.py check."""

from django import forms
from django.utils.translation import gettext_lazy as _

from holbaek.forms import PlainTextFormMixin, date_field
from holbaek.formsets import PortalFormSet
from lokalfora.models import Forum
from projektudvalg.forms.efforts import EmailsField, decision_label
from projektudvalg.forms.fields import money
from projektudvalg.models import EffortAction, EffortCommitment, WorkingGroup
from projektudvalg.services.effort_content import MAX_BUDGET_LINES
from projektudvalg.services.effort_groups import EFFORT_DOCUMENT_KINDS

INVALID_CHOICE = _("Vælg en af mulighederne på listen.")


class _ParseOnly(PlainTextFormMixin, forms.ModelForm):
    def _post_clean(self):
        """Only parses: the service checks the row as a whole."""

    def values(self) -> dict:
        return dict(self.cleaned_data)


class ActionForm(_ParseOnly):
    class Meta:
        model = EffortAction
        fields = ["title", "description", "responsible", "status_label", "progress", "weight",
                  "decision", "applications", "order"]  # fmt: skip
        widgets = {
            "description": forms.Textarea(attrs={"rows": 3}),
            "applications": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args, decisions, applications, **kwargs):
        super().__init__(*args, **kwargs)
        fields = self.fields
        fields["title"].error_messages["required"] = _("Skriv handlingens titel.")
        fields["progress"].error_messages |= {
            "invalid": _("Skriv fremdriften som et helt tal fra 0 til 100."),
            "required": _("Skriv fremdriften i procent (0-100)."),
            "max_value": _("Fremdriften kan højst være 100 %."),
            "min_value": _("Fremdriften kan ikke være negativ."),
        }
        fields["weight"].error_messages |= {
            "invalid": _("Skriv vægten som et helt tal fra 1 til 100, eller lad feltet stå tomt."),
            "min_value": _("Vægten skal være mindst 1."),
            "max_value": _("Vægten kan højst være 100."),
        }
        fields["weight"].help_text = _("Tom: handlingen tæller som de andre.")
        fields["decision"].queryset = decisions
        fields["decision"].label_from_instance = decision_label
        fields["applications"].queryset = applications
        fields["applications"].required = False
        fields["applications"].help_text = _("Bevilgede puljeansøgninger i indsatsens områder.")
        for name in ("decision", "applications"):
            fields[name].error_messages["invalid_choice"] = INVALID_CHOICE
            fields[name].error_messages["invalid_pk_value"] = INVALID_CHOICE
        fields["order"].required = False

    def values(self) -> dict:
        values = dict(self.cleaned_data)
        values.pop("applications", None)
        values["order"] = values.get("order") or 0
        return values


class CommitmentForm(_ParseOnly):
    class Meta:
        model = EffortCommitment
        fields = ["party", "forum", "group", "party_name", "text", "due_date", "status",
                  "status_reason", "evidence_url", "order"]  # fmt: skip
        widgets = {
            "text": forms.Textarea(attrs={"rows": 3}),
            "status_reason": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args, effort, **kwargs):
        super().__init__(*args, **kwargs)
        fields = self.fields
        fields["party"].error_messages["required"] = _("Vælg hvem forpligtelsen er for.")
        fields["text"].error_messages["required"] = _("Skriv, hvad parten forpligter sig til.")
        fields["forum"].queryset = Forum.objects.filter(area__in=effort.areas.all()).order_by(
            "name"
        )
        fields["forum"].help_text = _("Når parten er lokalforummet.")
        fields["group"].queryset = effort.working_groups.all()
        fields["group"].help_text = _("Når parten er en arbejdsgruppe.")
        fields["party_name"].help_text = _("Fx udvalgets navn, når parten er et andet udvalg.")
        fields["due_date"] = date_field(_("Frist"), required=False)
        fields["evidence_url"].error_messages["invalid"] = _("Skriv en hel webadresse.")
        for name in ("forum", "group", "party", "status"):
            fields[name].error_messages["invalid_choice"] = INVALID_CHOICE
        fields["order"].required = False

    def values(self) -> dict:
        values = dict(self.cleaned_data)
        values["order"] = values.get("order") or 0
        return values


class BudgetLineForm(PlainTextFormMixin, forms.Form):
    source = forms.CharField(label=_("Kilde"), max_length=150, required=False)
    year = forms.IntegerField(
        label=_("År"),
        required=False,
        min_value=2000,
        max_value=2100,
        error_messages={
            "invalid": _("Skriv året med fire cifre."),
            "min_value": _("Skriv et år mellem 2000 og 2100."),
            "max_value": _("Skriv et år mellem 2000 og 2100."),
        },
    )
    amount = money(_("Beløb (kr.)"))
    spent = money(_("Brugt til dato (kr.)"))
    external = forms.BooleanField(label=_("Ekstern finansiering"), required=False)

    def clean(self):
        cleaned = super().clean()
        filled = cleaned.get("source") or cleaned.get("amount") is not None
        if filled and not cleaned.get("source"):
            self.add_error("source", _("Skriv kilden, fx Landdistriktspuljen."))
        if filled and cleaned.get("year") is None and "year" not in self.errors:
            self.add_error("year", _("Skriv året."))
        if cleaned.get("source") and cleaned.get("amount") is None and "amount" not in self.errors:
            self.add_error("amount", _("Skriv beløbet."))
        return cleaned


BudgetFormSet = forms.formset_factory(
    BudgetLineForm,
    formset=PortalFormSet,
    extra=2,
    max_num=MAX_BUDGET_LINES,
    validate_max=True,
    absolute_max=MAX_BUDGET_LINES,
)


def budget_initial(effort) -> list[dict]:
    return [
        {"source": line.source, "year": line.year, "amount": line.amount, "spent": line.spent,
         "external": line.external}
        for line in effort.budget_lines.all()
    ]  # fmt: skip


def budget_values(formset) -> list[dict]:
    return [
        {name: form.cleaned_data.get(name) for name in ("source", "year", "amount", "spent",
                                                         "external")}
        for form in formset.forms
        if form.cleaned_data.get("source")
    ]  # fmt: skip


class GroupForm(_ParseOnly):
    contact_email = EmailsField(
        label=_("Kontaktpersonens konto (e-mail)"),
        max_length=254,
        required=False,
        widget=forms.TextInput,
        help_text=_("Kontaktpersonen tager imod nye medlemmer og skriver gruppens opdateringer."),
    )

    class Meta:
        model = WorkingGroup
        fields = ["name", "theme", "description", "contact_name", "contact_name_public",
                  "open_for_new_members", "order"]  # fmt: skip
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["name"].error_messages["required"] = _("Skriv gruppens navn.")
        self.fields["order"].required = False
        if self.instance.pk and self.instance.contact_id:
            self.initial["contact_email"] = self.instance.contact.email

    def clean_contact_email(self):
        users = self.cleaned_data["contact_email"]
        if len(users) > 1:
            raise forms.ValidationError(_("Skriv én e-mailadresse."))
        return users[0] if users else None

    def values(self) -> dict:
        values = dict(self.cleaned_data)
        values["contact"] = values.pop("contact_email")
        values["order"] = values.get("order") or 0
        return values


class DocumentForm(PlainTextFormMixin, forms.Form):
    title = forms.CharField(
        label=_("Titel"), max_length=200, error_messages={"required": _("Skriv dokumentets titel.")}
    )
    kind = forms.ChoiceField(
        label=_("Slags"),
        choices=[(kind.value, kind.label) for kind in EFFORT_DOCUMENT_KINDS],
        error_messages={"invalid_choice": INVALID_CHOICE, "required": INVALID_CHOICE},
    )
    file = forms.FileField(
        label=_("Fil"),
        help_text=_("PDF, billede eller Office-fil, højst 10 MB."),
        error_messages={
            "required": _("Vælg en fil."),
            "empty": _("Filen er tom."),
            "invalid": _("Vælg en fil."),
        },
    )
