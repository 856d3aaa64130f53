"""The sparring forms: the public request, messages both ways, status, transfer, settings."""

import time

from django import forms
from django.core import signing
from django.utils.translation import gettext_lazy as _

from faelles_skabere import closed_days
from faelles_skabere.models import (
    MESSAGE_LIMIT,
    Outcome,
    PreferredContact,
    RequesterKind,
    SparringRequest,
    SparringSettings,
    Status,
)
from holbaek.forms import MultipleFileField, PlainTextFormMixin, PortalAdminForm
from holbaek.uploads import check_document

MIN_FILL_SECONDS = 3
FORM_MAX_AGE = 60 * 60 * 24  # a form left open overnight must be sent again
ACROSS = "tvaers"
STARTED_SALT = "sparring.form-started"


class SparringRequestForm(PlainTextFormMixin, forms.ModelForm):
    """The public form. Spam defence without third parties: a honeypot and a minimum fill time."""

    area_choice = forms.ChoiceField(
        label=_("Lokalområde"), error_messages={"required": _("Vælg et område.")}
    )
    website = forms.CharField(
        label=_("Lad dette felt stå tomt"),
        required=False,
        max_length=200,
        template_name="forms/honeypot.html",
    )
    started = forms.CharField(widget=forms.HiddenInput, required=False, max_length=500)

    class Meta:
        model = SparringRequest
        fields = [
            "name", "email", "phone", "requester_kind", "topic", "description",
            "preferred_contact",
        ]  # fmt: skip
        labels = {"name": _("Dit navn"), "email": _("Din e-mailadresse")}
        widgets = {
            "description": forms.Textarea(attrs={"rows": 8}),
            "requester_kind": forms.RadioSelect,
            "preferred_contact": forms.RadioSelect,
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "name": forms.TextInput(attrs={"autocomplete": "name"}),
            "phone": forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
        }
        help_texts = {
            "description": _("Fortæl kort om din idé eller dit spørgsmål. Højst 4000 tegn."),
            "phone": _("Skal udfyldes, hvis du helst vil ringes op."),
        }
        error_messages = {
            "email": {
                "required": _("Skriv din e-mailadresse."),
                "invalid": _("Skriv en gyldig e-mailadresse, fx navn@eksempel.dk."),
            },
            "name": {"required": _("Skriv dit navn.")},
            "description": {"required": _("Fortæl, hvad du gerne vil have sparring om.")},
            "requester_kind": {"required": _("Vælg, hvem du er.")},
            "topic": {"required": _("Vælg et emne.")},
            "preferred_contact": {"required": _("Vælg, hvordan vi skal kontakte dig.")},
        }

    field_order = [
        "name", "email", "phone", "requester_kind", "area_choice", "topic", "description",
        "preferred_contact", "website", "started",
    ]  # fmt: skip

    def __init__(self, *args, areas=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["area_choice"].choices = [
            ("", _("Vælg område")),
            *((area.slug, area.name) for area in areas),
            (ACROSS, _("På tværs af områder / ved ikke")),
        ]
        self._areas = {area.slug: area for area in areas}
        # Radio buttons need no empty "choose one" option.
        self.fields["requester_kind"].choices = RequesterKind.choices
        self.fields["preferred_contact"].choices = PreferredContact.choices
        if not self.is_bound:
            self.initial["started"] = signing.dumps({"t": time.time()}, salt=STARTED_SALT)

    def clean_started(self):
        """The form carries the signed time it was shown; bots post within a second or two."""
        try:
            shown_at = signing.loads(
                self.cleaned_data.get("started") or "", salt=STARTED_SALT, max_age=FORM_MAX_AGE
            )["t"]
        except signing.SignatureExpired as error:
            self.clock_unreadable = True
            raise forms.ValidationError(
                _("Formularen har været åben for længe. Tjek felterne, og send den igen.")
            ) from error
        except (signing.BadSignature, KeyError, TypeError) as error:
            self.clock_unreadable = True
            raise forms.ValidationError(_("Formularen kunne ikke læses. Send den igen.")) from error
        if time.time() - float(shown_at) < MIN_FILL_SECONDS:
            raise forms.ValidationError(
                _("Formularen blev sendt meget hurtigt. Tjek felterne, og send den igen.")
            )
        return self.cleaned_data["started"]

    def clean(self):
        cleaned = super().clean()
        # A filled honeypot is not an error to show: the view quietly drops the post.
        self.is_spam = bool(cleaned.get("website")) or "website" in self.errors
        if cleaned.get("preferred_contact") == PreferredContact.PHONE and not cleaned.get("phone"):
            self.add_error("phone", _("Skriv dit telefonnummer, når du helst vil ringes op."))
        return cleaned

    def restart_clock(self) -> None:
        """A form shown again after its clock could not be read starts a new one.

        A readable clock is kept: the time it measures goes on while the person
        corrects the form, so a second try is not "too fast".
        """
        if not getattr(self, "clock_unreadable", False):
            return
        self.data = self.data.copy()
        self.data["started"] = signing.dumps({"t": time.time()}, salt=STARTED_SALT)

    @property
    def area(self):
        return self._areas.get(self.cleaned_data.get("area_choice"))

    def request_data(self) -> dict:
        data = {field: self.cleaned_data[field] for field in self.Meta.fields}
        return data | {"area": self.area}


MAX_FILES = 3


class MessageForm(PlainTextFormMixin, forms.Form):
    body = forms.CharField(
        label=_("Din besked"),
        max_length=MESSAGE_LIMIT,
        widget=forms.Textarea(attrs={"rows": 6, "maxlength": MESSAGE_LIMIT}),
        error_messages={
            "required": _("Skriv en besked."),
            "max_length": _("Skriv højst %(limit_value)d tegn."),
        },
    )


class StaffMessageForm(MessageForm):
    INTERNAL = "note"
    REPLY = "reply"

    kind = forms.ChoiceField(
        label=_("Slags"),
        choices=[
            (REPLY, _("Svar til anmoderen (sendes som e-mail)")),
            (INTERNAL, _("Intern note (ses kun af kommunens medarbejdere)")),
        ],
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Vælg, om det er et svar til anmoderen eller en intern note.")
        },
    )


class StatusForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Status"),
        choices=[(value, label) for value, label in Status.choices if value != Status.UNCONFIRMED],
    )
    outcome = forms.ChoiceField(
        label=_("Resultat (når anmodningen afsluttes)"),
        choices=[("", "–"), *Outcome.choices],
        required=False,
    )


class TransferForm(PlainTextFormMixin, forms.Form):
    to = forms.ModelChoiceField(label=_("Overdrag til"), queryset=None, empty_label=None)
    reason = forms.CharField(
        label=_("Begrundelse"),
        max_length=500,
        error_messages={"required": _("Skriv, hvorfor du overdrager anmodningen.")},
    )

    def __init__(self, *args, co_creators=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["to"].queryset = co_creators


class RequesterMessageForm(MessageForm):
    files = MultipleFileField(
        label=_("Vedhæft filer"),
        required=False,
        help_text=_(
            "Højst 3 filer på højst 10 MB hver: PDF, billeder, Office- eller OpenDocument-filer. "
            "Vælg filerne igen, hvis siden viser en fejl."
        ),
    )

    def clean_files(self):
        files = self.cleaned_data.get("files") or []
        if len(files) > MAX_FILES:
            raise forms.ValidationError(
                _("Vedhæft højst %(count)d filer ad gangen.") % {"count": MAX_FILES}
            )
        self.kinds = []
        errors = []
        for uploaded in files:
            try:
                self.kinds.append((uploaded, check_document(uploaded)))
            except forms.ValidationError as error:
                errors.append(error)
        if errors:
            raise forms.ValidationError(errors)
        return files


class ClosedDaysField(forms.CharField):
    """The closed days as staff write them ("24.12, 31.12"), stored as a list of "MM-DD"."""

    widget = forms.Textarea(attrs={"rows": 2})

    def prepare_value(self, value):
        return closed_days.display(value) if isinstance(value, list) else value

    def to_python(self, value):
        return closed_days.parse(super().to_python(value))


class SparringSettingsForm(PortalAdminForm):
    """The admin's form for the service's settings."""

    closed_days = ClosedDaysField(label=_("Kommunens lukkedage"), required=False, max_length=400)

    class Meta:
        model = SparringSettings
        fields = ["response_days", "anonymise_after_months", "closed_days"]
