from django import forms
from django.utils.translation import gettext_lazy as _

from holbaek.forms import DATE_FORMATS, DateInput, MoneyField, PlainTextFormMixin, date_field
from holbaek.formsets import PortalInlineFormSet
from lokalfora.population_import import MAX_BYTES
from tilskud import computation
from tilskud.models import GrantBand, GrantScheme, SchemeKind


class PopulationFileForm(forms.Form):
    file = forms.FileField(
        label=_("CSV-fil med befolkningstal"),
        help_text=_(
            "Kolonner: område; dato; antal; kilde (frivillig). Alle 18 områder skal være med. "
            "Højst 1 MB."
        ),
        widget=forms.FileInput(attrs={"accept": ".csv,text/csv"}),
        error_messages={"required": _("Vælg en fil.")},
    )

    def clean_file(self):
        uploaded = self.cleaned_data["file"]
        if uploaded.size > MAX_BYTES:
            raise forms.ValidationError(_("Filen er for stor. Den må højst fylde 1 MB."))
        return uploaded


class AgreementForm(PlainTextFormMixin, forms.Form):
    prefix = "agreement"  # four forms share the area page: unique ids

    signed_on = date_field(_("Underskrevet den"))
    note = forms.CharField(label=_("Bemærkning"), max_length=300, required=False)


class PaymentForm(PlainTextFormMixin, forms.Form):
    prefix = "payment"  # four forms share the area page: unique ids

    paid_on = date_field(_("Udbetalt den"))
    amount = MoneyField(
        label=_("Beløb i kroner"),
        help_text=_("Fx 16.000 eller 16.000,50."),
        max_value=computation.MAX_AMOUNT,
        error_messages={"required": _("Skriv beløbet.")},
    )
    nemkonto_reference = forms.CharField(
        label=_("NemKonto-reference"),
        max_length=35,
        help_text=_("Betalingens reference i økonomisystemet. Beløbet går til forummets CVR."),
        error_messages={"required": _("Skriv NemKonto-referencen.")},
    )


class AccountsForm(forms.Form):
    prefix = "accounts"  # four forms share the area page: unique ids

    file = forms.FileField(
        label=_("Regnskab"),
        help_text=_("PDF, billede eller Office-fil, højst 10 MB."),
        error_messages={"required": _("Vælg regnskabets fil.")},
    )
    no_wages = forms.BooleanField(
        label=_("Vi erklærer, at tilskuddet ikke er brugt til løn."),
        error_messages={"required": _("Bekræft, at tilskuddet ikke er brugt til løn.")},
    )


class ReviewForm(PlainTextFormMixin, forms.Form):
    prefix = "review"  # four forms share the area page: unique ids

    decision = forms.ChoiceField(
        label=_("Afgørelse"),
        choices=[("accept", _("Godkend regnskabet")), ("return", _("Send retur til forummet"))],
        widget=forms.RadioSelect,
        error_messages={"required": _("Vælg, om regnskabet godkendes eller sendes retur.")},
    )
    note = forms.CharField(
        label=_("Bemærkning til forummet"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Skal udfyldes, hvis regnskabet sendes retur."),
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("decision") == "return" and not cleaned.get("note", "").strip():
            self.add_error("note", _("Skriv, hvad forummet skal rette."))
        return cleaned


def _money(label, *, required=True, help_text=""):
    return MoneyField(
        label=label,
        required=required,
        allow_zero=True,
        max_value=computation.MAX_AMOUNT,
        help_text=help_text,
        error_messages={"required": _("Skriv et beløb (0, hvis der ikke er noget).")},
    )


class SchemeForm(PlainTextFormMixin, forms.ModelForm):
    """One year's scheme. Checked as a whole, with its bands, in `services.check_scheme`."""

    base = _money(_("Grundbeløb pr. område (kr.)"))
    rate = _money(_("Beløb pr. indbygger (kr.)"), help_text=_("Kroner med øre, fx 3,45."))
    floor = _money(_("Bund (kr.)"), required=False)
    cap = _money(_("Loft (kr.)"), required=False)
    total_budget = _money(
        _("Samlet pulje (kr.)"),
        required=False,
        help_text=_("Kun for en fast pulje fordelt efter befolkningstal."),
    )

    class Meta:
        model = GrantScheme
        fields = [
            "year", "kind", "base", "rate", "floor", "cap", "total_budget", "population_date",
            "accounts_due", "is_illustrative",
        ]  # fmt: skip
        widgets = {"population_date": DateInput(), "accounts_due": DateInput()}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["year"].widget.attrs.update({"min": 2000, "max": 2100})
        self.fields["year"].error_messages["unique"] = _("Der er allerede en model for året.")
        for name in ("population_date", "accounts_due"):
            self.fields[name].input_formats = DATE_FORMATS
            self.fields[name].error_messages["invalid"] = _("Skriv datoen som fx 24.12.2026.")
        if self.instance.pk and self.instance.versions.exists():
            self.fields["year"].disabled = True  # an approved year's address is published

    def clean_year(self):
        year = self.cleaned_data["year"]
        if not 2000 <= year <= 2100:
            raise forms.ValidationError(_("Skriv et år mellem 2000 og 2100."))
        return year

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("kind") == SchemeKind.BUDGET and cleaned.get("total_budget") is None:
            self.add_error("total_budget", _("Skriv puljens størrelse."))
        return cleaned


class BandForm(forms.ModelForm):
    base = _money(_("Grundbeløb (kr.)"))
    rate = _money(_("Beløb pr. indbygger (kr.)"))

    class Meta:
        model = GrantBand
        fields = ["lower", "upper", "base", "rate"]

    def validate_unique(self):
        """Overlaps are judged for the bands as a whole (computation.validate), in Danish;
        the rows being replaced must not count."""

    def validate_constraints(self):
        """As validate_unique: `band_unique_lower` holds after services.save_scheme."""


class BaseBandFormSet(PortalInlineFormSet):
    def validate_unique(self):
        """As BandForm.validate_unique: overlapping bands get the scheme's own message."""


BandFormSet = forms.inlineformset_factory(
    GrantScheme, GrantBand, form=BandForm, formset=BaseBandFormSet, extra=2, can_delete=True,
    max_num=20, validate_max=True,
)  # fmt: skip


class ApproveForm(PlainTextFormMixin, forms.Form):
    reason = forms.CharField(
        label=_("Begrundelse"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Skal udfyldes, når et godkendt år beregnes igen. Den vises offentligt."),
    )
