"""The forms of the special efforts' public pages: parsing only, the services save."""

from django import forms
from django.utils.translation import gettext_lazy as _

from holbaek.forms import PlainTextFormMixin
from holbaek.text import SHORT_TEXT
from projektudvalg.models import EffortStatus


def parse_year(value) -> int | None:
    """A plausible year from the query string, or None (nonsense is ignored, never a 500)."""
    try:
        year = int(value)
    except (TypeError, ValueError):
        return None
    return year if 2000 <= year <= 2100 else None


def parse_status(value) -> str | None:
    return value if value in EffortStatus.values and value != EffortStatus.PROPOSED else None


class JoinForm(PlainTextFormMixin, forms.Form):
    name = forms.CharField(
        label=_("Dit navn"),
        max_length=150,
        error_messages={"required": _("Skriv dit navn.")},
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    show_name = forms.BooleanField(
        label=_("Mit navn må vises på siden"),
        required=False,
        help_text=_("Uden dit samtykke viser vi kun, hvor mange der er med i gruppen."),
    )
    message = forms.CharField(
        label=_("Besked til gruppen (valgfri)"),
        max_length=SHORT_TEXT,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Fx hvad du gerne vil bidrage med. Skriv ikke følsomme oplysninger."),
    )


class UpdateForm(PlainTextFormMixin, forms.Form):
    text = forms.CharField(
        label=_("Opdatering"),
        max_length=SHORT_TEXT,
        error_messages={"required": _("Skriv opdateringen.")},
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Vises offentligt på indsatsens side."),
    )


class CommentForm(PlainTextFormMixin, forms.Form):
    text = forms.CharField(
        label=_("Kommentar på lokalforummets vegne"),
        max_length=SHORT_TEXT,
        error_messages={"required": _("Skriv kommentaren.")},
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Vises offentligt ved forpligtelsen."),
    )


class DecideForm(forms.Form):
    """One answer to one request: the request's id (checked against the group) and yes/no."""

    request = forms.IntegerField(min_value=1)
    answer = forms.ChoiceField(choices=[("accept", _("Optag")), ("decline", _("Afvis"))])


class EffortFollowForm(forms.Form):
    email = forms.EmailField(
        label=_("Din e-mailadresse"),
        max_length=254,
        error_messages={
            "required": _("Skriv din e-mailadresse."),
            "invalid": _("Skriv en gyldig e-mailadresse, fx navn@eksempel.dk."),
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    areas = forms.MultipleChoiceField(
        label=_("Følg disse lokalområder"),
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "required": _("Vælg mindst ét lokalområde."),
            "invalid_choice": _("Vælg blandt indsatsens lokalområder."),
        },
    )

    def __init__(self, *args, areas, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["areas"].choices = [(area.slug, area.name) for area in areas]
        self.fields["areas"].initial = [area.slug for area in areas]
