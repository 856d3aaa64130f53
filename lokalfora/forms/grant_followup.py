"""Forms that follow a year's grant: agreement, payment, accounts and their review.

The rules are in services.grant_followup; the views put its refusals on these forms."""

from django import forms
from django.utils.translation import gettext_lazy as _

from holbaek.forms import MoneyField, PlainTextFormMixin, date_field
from lokalfora.grant_computation import MAX_AMOUNT


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
        max_value=MAX_AMOUNT,
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
