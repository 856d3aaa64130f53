from django import forms
from django.utils.translation import gettext_lazy as _

from lokalfora.models import ContactPerson, Forum


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


class ForumProfileForm(forms.ModelForm):
    """What a forum's volunteers keep up to date about their forum."""

    class Meta:
        model = Forum
        fields = ["description", "meetings", "how_to_join", "legal_form", "cvr", "email", "website"]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 6, "maxlength": 4000}),
            "meetings": forms.Textarea(attrs={"rows": 3, "maxlength": 1000}),
            "how_to_join": forms.Textarea(attrs={"rows": 3, "maxlength": 1000}),
        }
        help_texts = {
            "cvr": _("8 cifre. Kun hvis lokalforummet er en forening eller del af en."),
            "website": _("Hele adressen, fx https://www.eksempel.dk"),
        }

    def clean(self):
        cleaned = super().clean()
        for field, limit in (("description", 4000), ("meetings", 1000), ("how_to_join", 1000)):
            if len(cleaned.get(field) or "") > limit:
                self.add_error(field, _("Skriv højst %(limit)d tegn.") % {"limit": limit})
        return cleaned


PUBLIC_CHOICES = [
    ("name", _("Navnet")),
    ("email", _("E-mailadressen")),
    ("phone", _("Telefonnummeret")),
]


class ContactPersonForm(forms.ModelForm):
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
