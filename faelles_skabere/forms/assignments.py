"""Staff's forms for handing an area over and setting a stand-in: parsing only.

The rules (one fixed fælles-skaber, no overlaps, a stand-in is someone else, a plausible
date) are the services' (services/assignments.py) and the models' constraints."""

from django import forms
from django.utils.translation import gettext_lazy as _

from faelles_skabere.models import CoCreator, CoCreatorKind
from holbaek.forms import date_field
from lokalfora.models import LocalArea


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


class StandInForm(forms.Form):
    co_creator = forms.ModelChoiceField(
        label=_("Hvem er væk"), queryset=CoCreator.objects.all(), empty_label=None
    )
    stand_in = forms.ModelChoiceField(
        label=_("Stedfortræder"), queryset=CoCreator.objects.all(), empty_label=None
    )
    starts_on = date_field(_("Fra og med"))
    ends_on = date_field(_("Til og med"))
