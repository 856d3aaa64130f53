import datetime

from django import forms
from django.utils import timezone
from django.utils.functional import lazy
from django.utils.translation import gettext_lazy as _

from holbaek.forms import PlainTextFormMixin
from holbaek.images import prepare_image
from lokalfora.models import ContactPerson, Event, EventKind, Forum, NewsPost

YEAR = datetime.timedelta(days=365)


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

    def clean(self):
        cleaned = super().clean()
        starts_at, ends_at = cleaned.get("starts_at"), cleaned.get("ends_at")
        now = timezone.now()
        if starts_at and not (now - YEAR < starts_at < now + 5 * YEAR):
            self.add_error(
                "starts_at", _("Datoen skal ligge inden for et år tilbage og fem år frem.")
            )
        if starts_at and ends_at and ends_at <= starts_at:
            self.add_error("ends_at", _("Arrangementet skal slutte, efter det er startet."))
        return cleaned


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


class InvitationForm(forms.Form):
    email = forms.EmailField(
        label=_("E-mailadresse på den, du vil invitere"),
        max_length=254,
        error_messages={"required": _("Skriv en e-mailadresse.")},
    )


class NewsPostForm(PlainTextFormMixin, forms.ModelForm):
    """A news post: the picture is checked and re-encoded by holbaek.images."""

    markdown_fields = ("body",)

    image_file = forms.FileField(
        label=_("Billede"),
        required=False,
        help_text=_("JPEG, PNG eller WebP, højst 5 MB. Vælg filen igen, hvis siden viser en fejl."),
        widget=forms.FileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
    )
    remove_image = forms.BooleanField(label=_("Fjern det nuværende billede"), required=False)

    class Meta:
        model = NewsPost
        fields = ["title", "summary", "body", "image_alt"]
        widgets = {
            "summary": forms.Textarea(attrs={"rows": 2, "maxlength": 300}),
            "body": forms.Textarea(attrs={"rows": 12}),
        }
        help_texts = {
            "summary": _("En eller to sætninger, som vises i oversigter og nyhedsbreve."),
            "body": _(
                "Du kan bruge Markdown: **fed**, *kursiv*, [link](https://…), "
                "linjer, der starter med - for punkter, og ## for en mellemrubrik."
            ),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.prepared_image = None
        if not self.instance.image:
            del self.fields["remove_image"]

    def clean_image_file(self):
        uploaded = self.cleaned_data.get("image_file")
        if uploaded:
            self.prepared_image = prepare_image(uploaded)
        return uploaded

    def clean(self):
        cleaned = super().clean()
        keeps_image = bool(self.instance.image) and not cleaned.get("remove_image")
        has_image = bool(cleaned.get("image_file")) or keeps_image
        if has_image and not (cleaned.get("image_alt") or "").strip():
            self.add_error(
                "image_alt",
                _("Skriv en kort beskrivelse af billedet til dem, der ikke kan se det."),
            )
        return cleaned


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
