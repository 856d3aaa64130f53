"""Forms for events: an event's own, and the public calendar's filters.

The rules an event must follow are in services.events, which the admin uses too."""

import datetime

from django import forms
from django.utils.functional import lazy
from django.utils.translation import gettext_lazy as _

from holbaek.forms import PlainTextFormMixin
from lokalfora.models import Event, EventKind

# What the browser's date-time picker sends first, then what people type without one.
PICKER_FORMAT = "%Y-%m-%dT%H:%M"
TYPED_FORMAT = "%d.%m.%Y %H:%M"
DATETIME_INPUT_FORMATS = [
    PICKER_FORMAT, f"{PICKER_FORMAT}:%S", "%Y-%m-%d %H:%M", TYPED_FORMAT, "%d.%m.%Y %H.%M",
    "%d-%m-%Y %H:%M",
]  # fmt: skip
# The examples in the help and the error are written with the accepted formats, so they agree.
EXAMPLE = datetime.datetime(2026, 12, 24, 18, 0)
EXAMPLES = {"typed": EXAMPLE.strftime(TYPED_FORMAT), "picker": EXAMPLE.strftime(PICKER_FORMAT)}


def _with_examples(text) -> str:
    """`text` translated when shown (the field is built at import), with the examples in."""
    return lazy(lambda: str(text) % EXAMPLES, str)()


class LocalDateTimeField(forms.DateTimeField):
    """A date and time as the browser's own picker sends it (2026-12-24T18:00); typed as
    24.12.2026 18:00 works too, where there is no picker. Both are named in the help and
    in the error message."""

    widget = forms.DateTimeInput(attrs={"type": "datetime-local"}, format=PICKER_FORMAT)

    def __init__(self, **kwargs):
        kwargs.setdefault(
            "help_text",
            _with_examples(_("Vælg dato og klokkeslæt, eller skriv dem som fx %(typed)s.")),
        )
        super().__init__(input_formats=DATETIME_INPUT_FORMATS, **kwargs)
        self.error_messages["invalid"] = _with_examples(
            _(
                "Vælg dato og klokkeslæt, eller skriv dem som fx %(typed)s "
                "(dag.måned.år timer:minutter) eller %(picker)s."
            )
        )


class EventForm(PlainTextFormMixin, forms.ModelForm):
    starts_at = LocalDateTimeField(label=_("Starter"))
    ends_at = LocalDateTimeField(label=_("Slutter"))

    class Meta:
        model = Event
        fields = [
            "title", "kind", "starts_at", "ends_at", "place", "address",
            "description", "organiser", "signup_url",
        ]  # fmt: skip
        widgets = {"description": forms.Textarea(attrs={"rows": 5})}


class CalendarFilterForm(forms.Form):
    """The public calendar's filters. Bad values fall back to "all" instead of failing."""

    maaned = forms.RegexField(
        regex=r"^\d{4}-\d{2}$", max_length=7, required=False, label=_("Måned")
    )
    omraade = forms.ChoiceField(required=False, label=_("Lokalområde"))
    type = forms.ChoiceField(required=False, label=_("Type"))

    def __init__(self, *args, areas=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["omraade"].choices = [("", _("Alle områder"))] + [
            (area.slug, area.name) for area in areas
        ]
        self.fields["type"].choices = [("", _("Alle typer")), *EventKind.choices]
