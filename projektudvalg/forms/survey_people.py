"""The forms of a survey's people pages. They parse only: services.survey_invitations and
services.survey_people check and save."""

from django import forms
from django.utils.translation import gettext_lazy as _

from holbaek.forms import PlainTextFormMixin, add_refusal
from holbaek.text import LONG_TEXT, SHORT_TEXT
from projektudvalg.services.survey_invitations import PER_CALL

# A generous bound on the text of PER_CALL lines ("Navn <adresse>"), before any parsing.
INVITEES_TEXT = PER_CALL * 250


class RefusalMixin:
    def refuse(self, error) -> None:
        add_refusal(self, error)


class InviteesForm(RefusalMixin, PlainTextFormMixin, forms.Form):
    # "Navn <mail@x.dk>" keeps its <…>: the service reads each line as a name and an
    # address and refuses anything else, so no markup can pass.
    markdown_fields = ("lines",)

    lines = forms.CharField(
        label=_("Inviterede"),
        max_length=INVITEES_TEXT,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_(  # shown as HTML (Django does not escape help texts)
            "Én pr. linje: »Navn &lt;mail@eksempel.dk&gt;« eller kun adressen. "
            "Højst 2.000 ad gangen. Adresser, der allerede er inviteret, springes over."
        ),
        error_messages={
            "required": _("Skriv mindst én e-mailadresse."),
            "max_length": _("Teksten er for lang. Tilføj højst 2.000 ad gangen."),
        },
    )


class KeyLookupForm(RefusalMixin, PlainTextFormMixin, forms.Form):
    code = forms.CharField(
        label=_("Respondent-id"),
        max_length=16,
        help_text=_("Fx R-1A2B3C4D5E6F, som det står i eksporten."),
        error_messages={"required": _("Skriv respondent-id'et.")},
    )
    reason = forms.CharField(
        label=_("Begrundelse"),
        max_length=300,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "Hvorfor du slår koden op. Begrundelsen gemmes i loggen sammen med dit navn; "
            "skriv ikke respondentens navn eller andre personoplysninger i den."
        ),
        error_messages={"required": _("Skriv, hvorfor du slår koden op (mindst 10 tegn).")},
    )


class ProposalForm(RefusalMixin, PlainTextFormMixin, forms.Form):
    title = forms.CharField(
        label=_("Titel"), max_length=200, error_messages={"required": _("Skriv en titel.")}
    )
    purpose = forms.CharField(
        label=_("Formål"),
        max_length=SHORT_TEXT,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Hvad skal svarene bruges til?"),
        error_messages={"required": _("Skriv undersøgelsens formål.")},
    )
    intro = forms.CharField(
        label=_("De spørgsmål, I gerne vil stille"),
        max_length=LONG_TEXT,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("Med jeres egne ord. Udvalgssekretariatet bygger undersøgelsen."),
        error_messages={"required": _("Beskriv de spørgsmål, I gerne vil stille.")},
    )


class RejectForm(RefusalMixin, PlainTextFormMixin, forms.Form):
    reason = forms.CharField(
        label=_("Begrundelse"),
        max_length=SHORT_TEXT,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Lokalforummets redaktører kan læse begrundelsen."),
        error_messages={"required": _("Skriv, hvorfor forslaget er afvist.")},
    )
