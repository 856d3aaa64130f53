"""Staff's forms for handing an area over and setting a stand-in: parsing and a plausible date.

The rules (one fixed fælles-skaber, no overlaps, a stand-in is someone else) are the
services' (services/assignments.py) and the models' constraints."""

import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from faelles_skabere.models import CoCreator, CoCreatorKind
from holbaek.forms import date_field
from lokalfora.models import LocalArea

YEAR = datetime.timedelta(days=365)


def _in_range(value):
    today = timezone.localdate()
    if not today - YEAR <= value <= today + 2 * YEAR:
        raise forms.ValidationError(_("Datoen skal ligge inden for et år tilbage og to år frem."))


class ReassignForm(forms.Form):
    area = forms.ModelChoiceField(
        label=_("Område"), queryset=LocalArea.objects.order_by("name"), empty_label=None
    )
    co_creator = forms.ModelChoiceField(
        label=_("Ny fast fælles-skaber"),
        queryset=CoCreator.objects.filter(kind=CoCreatorKind.CO_CREATOR),
        empty_label=None,
    )
    starts_on = date_field(_("Fra og med"))

    def clean_starts_on(self):
        value = self.cleaned_data["starts_on"]
        _in_range(value)
        return value


class StandInForm(forms.Form):
    co_creator = forms.ModelChoiceField(
        label=_("Hvem er væk"), queryset=CoCreator.objects.all(), empty_label=None
    )
    stand_in = forms.ModelChoiceField(
        label=_("Stedfortræder"), queryset=CoCreator.objects.all(), empty_label=None
    )
    starts_on = date_field(_("Fra og med"))
    ends_on = date_field(_("Til og med"))

    def clean(self):
        cleaned = super().clean()
        for field in ("starts_on", "ends_on"):
            if cleaned.get(field):
                try:
                    _in_range(cleaned[field])
                except forms.ValidationError as error:
                    self.add_error(field, error)
        return cleaned
