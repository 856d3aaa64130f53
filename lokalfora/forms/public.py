"""Forms anyone may fill in: search and following an area."""

from django import forms
from django.utils.translation import gettext_lazy as _

from lokalfora.models import Frequency


class SearchForm(forms.Form):
    q = forms.CharField(
        label=_("Søg efter et område, en by eller en nyhed"),
        max_length=100,
        required=True,
        error_messages={
            "required": _("Skriv det, du vil søge efter."),
            "max_length": _("Skriv højst %(limit_value)d tegn."),
        },
    )


class FollowForm(forms.Form):
    email = forms.EmailField(
        label=_("Din e-mailadresse"),
        max_length=254,
        error_messages={
            "required": _("Skriv din e-mailadresse."),
            "invalid": _("Skriv en gyldig e-mailadresse, fx navn@eksempel.dk."),
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    frequency = forms.ChoiceField(
        label=_("Hvor ofte vil du have e-mail?"),
        choices=Frequency.choices,
        initial=Frequency.WEEKLY,
        required=False,  # a form posted without it (an older page) means weekly
        widget=forms.RadioSelect,
        help_text=_("Du kan altid ændre det via linket i vores e-mails."),
        error_messages={"invalid_choice": _("Vælg en af mulighederne.")},
    )

    def clean_frequency(self):
        return self.cleaned_data["frequency"] or Frequency.WEEKLY
