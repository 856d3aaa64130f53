"""The application forms (one per rule set), the budget lines and the final report.

Every field of a draft may be empty; submitting checks what is needed
(eligibility.NEEDED, which also marks those fields here) and the pool's rules.
Amounts are typed as Danes write them.
"""

from django import forms
from django.utils.translation import gettext_lazy as _

from holbaek.forms import MultipleFileField, PlainTextFormMixin
from holbaek.formsets import PortalFormSet
from lokalfora.models import LocalArea
from projektudvalg import eligibility
from projektudvalg.forms.fields import money
from projektudvalg.models import (
    ApplicantType,
    Application,
    Location,
    Ownership,
    PoolCriterion,
    RuleSet,
)

# Widgets whose inputs may not carry aria-required (a radio button, one checkbox of a
# group, a file input): their fieldset's legend carries the marking alone.
NO_ARIA_REQUIRED = (forms.RadioSelect, forms.CheckboxSelectMultiple, forms.FileInput)


class ApplicationForm(PlainTextFormMixin, forms.ModelForm):
    """The fields both pools share; subclasses add their own."""

    amount_applied = money(_("Ansøgt beløb (kr.)"), help_text=_("Fx 75.000."))
    files = MultipleFileField(
        label=_("Bilag"),
        required=False,
        help_text=_("PDF, billeder eller Office-filer, højst 10 MB pr. fil og 10 bilag i alt."),
    )

    class Meta:
        model = Application
        fields = ["title", "description", "amount_applied", "timeline", "contact_name",
                  "contact_email", "contact_phone"]  # fmt: skip
        widgets = {
            "description": forms.Textarea(attrs={"rows": 6}),
            "timeline": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, pool, **kwargs):
        super().__init__(*args, **kwargs)
        self.pool = pool
        needed = eligibility.NEEDED[pool.rule_set]
        needed_when = eligibility.NEEDED_WHEN[pool.rule_set]
        for name, field in self.fields.items():
            # A draft may be saved with anything empty, so no field is required (and no
            # `required` attribute stops the browser); what submitting needs is marked.
            field.required = False
            field.needed_to_submit = name in needed
            field.needed_when = needed_when.get(name)
            if field.needed_to_submit and not isinstance(field.widget, NO_ARIA_REQUIRED):
                field.widget.attrs["aria-required"] = "true"
        if "contact_phone" in self.fields:
            self.fields["contact_phone"].widget.attrs["autocomplete"] = "tel"
            self.fields["contact_email"].widget.attrs["autocomplete"] = "email"
            self.fields["contact_name"].widget.attrs["autocomplete"] = "name"

    def clean_contact_phone(self):
        phone = self.cleaned_data.get("contact_phone", "").strip()
        if phone and not all(c.isdigit() or c in " +-" for c in phone):
            raise forms.ValidationError(_("Skriv telefonnummeret med tal, fx 12 34 56 78."))
        return phone


class CommunityForm(ApplicationForm):
    area = forms.ModelChoiceField(
        label=_("Lokalområde"),
        queryset=LocalArea.objects.order_by("name"),
        required=False,
        empty_label=_("Vælg område"),
    )
    criteria = forms.ModelMultipleChoiceField(
        label=_("Hvilke af puljens kriterier styrker projektet?"),
        queryset=PoolCriterion.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    cofinancing_cash = money(_("Egenfinansiering: kontanter (kr.)"),
                             help_text=_("Egne penge og tilskud fra fonde."))  # fmt: skip
    cofinancing_materials = money(_("Egenfinansiering: materialer (kr.)"))
    other_municipal = money(
        _("Tilskud fra andre kommunale puljer (kr.)"),
        help_text=_("Tæller med i budgettet, men ikke som egenfinansiering."),
    )
    volunteer_hours = forms.IntegerField(
        label=_("Frivillige timer til at gennemføre projektet"),
        min_value=0,
        max_value=1_000_000,
        required=False,
        help_text=_("Kun timer til selve projektet, ikke til ansøgning og møder."),
        error_messages={"invalid": _("Skriv et helt antal timer."),
                        "min_value": _("Antallet af timer kan ikke være negativt."),
                        "max_value": _("Så mange timer kan ikke være rigtigt.")},
    )  # fmt: skip

    class Meta(ApplicationForm.Meta):
        fields = ["organisation", "applicant_type", "cvr", "area", "title", "description",
                  "criteria", "amount_applied", "cofinancing_cash", "volunteer_hours",
                  "cofinancing_materials", "other_municipal", "timeline", "contact_name",
                  "contact_email", "contact_phone", "co_creator_consulted"]  # fmt: skip

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["criteria"].queryset = self.pool.criteria_list.filter(is_active=True)
        allowed = set(self.pool.allowed_applicant_types or ApplicantType.values)
        self.fields["applicant_type"].choices = [("", _("Vælg"))] + [
            (value, label) for value, label in ApplicantType.choices if value in allowed
        ]

    def clean_volunteer_hours(self):
        return self.cleaned_data.get("volunteer_hours") or 0

    def clean(self):
        cleaned = super().clean()
        for name in ("cofinancing_cash", "cofinancing_materials", "other_municipal"):
            if name in cleaned and cleaned[name] is None:
                cleaned[name] = 0
        return cleaned


class VillageRenewalForm(ApplicationForm):
    area = forms.ModelChoiceField(
        label=_("Lokalområde"),
        queryset=LocalArea.objects.order_by("name"),
        required=False,
        empty_label=_("Vælg område"),
    )
    construction_year = forms.IntegerField(
        label=_("Opførelsesår"),
        required=False,
        min_value=1000,
        max_value=2100,
        error_messages={"invalid": _("Skriv året med fire cifre, fx 1932."),
                        "min_value": _("Skriv året med fire cifre, fx 1932."),
                        "max_value": _("Skriv året med fire cifre, fx 1932.")},
    )  # fmt: skip
    town_population = forms.IntegerField(
        label=_("Byens indbyggertal"),
        required=False,
        min_value=0,
        max_value=1_000_000,
        help_text=_("Ifølge Danmarks Statistik. Kommunen kontrollerer tallet."),
        error_messages={"invalid": _("Skriv indbyggertallet som et helt tal.")},
    )
    files = MultipleFileField(
        label=_("Fotos og bilag"),
        required=False,
        help_text=_("Fotos af bygningen og eventuelle tilbud. Højst 10 MB pr. fil."),
    )

    class Meta(ApplicationForm.Meta):
        fields = ["title", "area", "property_address", "construction_year", "location", "town_name",
                  "town_population", "ownership", "owner_lives_there", "work_description",
                  "craftsman_name", "craftsman_cvr", "craftsman_vat_registered",
                  "amount_applied", "timeline", "contact_name", "contact_email",
                  "contact_phone"]  # fmt: skip
        widgets = {
            "work_description": forms.Textarea(attrs={"rows": 6}),
            "timeline": forms.Textarea(attrs={"rows": 3}),
            "location": forms.RadioSelect,
            "ownership": forms.RadioSelect,
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["location"].choices = Location.choices
        self.fields["ownership"].choices = Ownership.choices
        self.fields["title"].help_text = _(
            "Fx »Nye vinduer og facade«. Titlen, området og beløbet offentliggøres, hvis du får "
            "tilskud; adressen gør ikke."
        )


def form_class(pool):
    return VillageRenewalForm if pool.rule_set == RuleSet.VILLAGE_RENEWAL else CommunityForm


class BudgetLineForm(PlainTextFormMixin, forms.Form):
    description = forms.CharField(label=_("Udgift"), max_length=200, required=False)
    amount = money(_("Beløb (kr.)"))

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("amount") and not cleaned.get("description", "").strip():
            self.add_error("description", _("Skriv, hvad udgiften er."))
        if cleaned.get("description") and cleaned.get("amount") is None:
            self.add_error("amount", _("Skriv udgiftens beløb."))
        return cleaned


BudgetFormSet = forms.formset_factory(
    BudgetLineForm, formset=PortalFormSet, extra=3, max_num=30, validate_max=True, absolute_max=30
)


def budget_lines(formset) -> list:
    return [
        (form.cleaned_data["description"].strip(), form.cleaned_data["amount"])
        for form in formset.forms
        if form.cleaned_data.get("description") and form.cleaned_data.get("amount") is not None
    ]


class StartForm(forms.Form):
    round = forms.IntegerField(widget=forms.HiddenInput)


class FinalReportForm(PlainTextFormMixin, forms.Form):
    text = forms.CharField(label=_("Slutrapport"), max_length=10000,
                           widget=forms.Textarea(attrs={"rows": 6}),
                           error_messages={"required": _("Skriv slutrapporten.")})  # fmt: skip
    files = MultipleFileField(label=_("Regnskab og dokumentation"), required=False)
