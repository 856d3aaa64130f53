"""A year's grant scheme with its population bands, and its approval."""

from django import forms
from django.utils.translation import gettext_lazy as _

from holbaek.forms import DATE_FORMATS, DateInput, MoneyField, PlainTextFormMixin
from holbaek.formsets import PortalInlineFormSet
from lokalfora.grant_computation import MAX_AMOUNT
from lokalfora.models import GrantBand, GrantScheme


def _money(label, *, required=True, help_text=""):
    return MoneyField(
        label=label,
        required=required,
        allow_zero=True,
        max_value=MAX_AMOUNT,
        help_text=help_text,
        error_messages={"required": _("Skriv et beløb (0, hvis der ikke er noget).")},
    )


class SchemeForm(PlainTextFormMixin, forms.ModelForm):
    """One year's scheme. Its rules, and the scheme as a whole with its bands, are checked by
    services.grants.grant_scheme_save."""

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

    def scheme_data(self) -> dict:
        """The cleaned values as grant_scheme_save takes them."""
        return {name: self.cleaned_data[name] for name in self.Meta.fields}


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
        """As validate_unique: `band_unique_lower` holds after grant_scheme_save."""


BAND_FIELDS = ("lower", "upper", "base", "rate")


class BaseBandFormSet(PortalInlineFormSet):
    def validate_unique(self):
        """As BandForm.validate_unique: overlapping bands get the scheme's own message."""

    def bands(self) -> list[dict]:
        """The bands to keep (stored or filled in, not deleted), as grant_scheme_save takes them."""
        return [
            {name: form.cleaned_data[name] for name in BAND_FIELDS}
            for form in self.forms
            if (form.instance.pk or form.has_changed()) and not form.cleaned_data.get("DELETE")
        ]


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
