"""The population figures' CSV file, as staff upload it (lokalfora.population_import reads it)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from lokalfora.population_import import MAX_BYTES


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
