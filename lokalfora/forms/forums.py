"""Forms for a forum's editors: its profile, its contact persons, inviting editors."""

from django import forms
from django.utils.translation import gettext_lazy as _

from holbaek.forms import PlainTextFormMixin
from lokalfora.models import ContactPerson, Forum


class ForumProfileForm(PlainTextFormMixin, forms.ModelForm):
    """What a forum's volunteers keep up to date about their forum."""

    class Meta:
        model = Forum
        fields = ["description", "meetings", "how_to_join", "legal_form", "cvr", "email", "website"]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 6}),
            "meetings": forms.Textarea(attrs={"rows": 3}),
            "how_to_join": forms.Textarea(attrs={"rows": 3}),
        }
        help_texts = {
            "cvr": _("8 cifre. Kun hvis lokalforummet er en forening eller del af en."),
            "website": _("Hele adressen, fx https://www.eksempel.dk"),
        }


PUBLIC_CHOICES = [
    ("name", _("Navnet")),
    ("email", _("E-mailadressen")),
    ("phone", _("Telefonnummeret")),
]


class ContactPersonForm(PlainTextFormMixin, forms.ModelForm):
    """A contact person, and what they have agreed to show publicly."""

    public_fields = forms.MultipleChoiceField(
        label=_("Personen har givet samtykke til, at dette vises offentligt på portalen"),
        choices=PUBLIC_CHOICES,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_(
            "Kommunens medarbejdere kan altid se oplysningerne. Alt andet vises kun med samtykke."
        ),
    )

    class Meta:
        model = ContactPerson
        fields = ["name", "role", "email", "phone", "is_active"]
        help_texts = {"role": _("Fx formand, kasserer eller kontaktperson.")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk and not self.is_bound:
            self.initial["public_fields"] = [
                field
                for field in ("name", "email", "phone")
                if getattr(self.instance, f"{field}_public_since")
            ]


class InvitationForm(forms.Form):
    email = forms.EmailField(
        label=_("E-mailadresse på den, du vil invitere"),
        max_length=254,
        error_messages={"required": _("Skriv en e-mailadresse.")},
    )
