"""The forms for answering a hearing: a forum's shared draft and its status, and the public's
answer. Parsing only: the services (lokalfora/services/hearing_responses.py) decide."""

from django import forms
from django.utils.translation import gettext_lazy as _

from holbaek.forms import MultipleFileField, PlainTextFormMixin, date_field
from lokalfora.models import HearingInvitation, HearingResponse, OnBehalfOf
from lokalfora.services.hearing_responses import check_attachment, check_attachment_room


def _max(model, field: str) -> int:
    return model._meta.get_field(field).max_length


TEXT_MAX = _max(HearingResponse, "text")
FILES_HELP = _(
    "Højst 10 filer på højst 10 MB hver: PDF, DOCX, ODT, JPG eller PNG. "
    "Vises siden igen med en fejl, skal du vælge filerne igen."
)
CONSENT_LABEL = _(
    "Jeg ved, at høringssvar er sagsakter, som andre kan få aktindsigt i efter offentlighedsloven."
)
CONSENT_HELP = _(
    "Kommunen offentliggør navn og eventuel forening, aldrig e-mail eller adresse, og først "
    "når svaret er tjekket for personoplysninger."
)
SENSITIVE_HELP = _("Så offentliggøres svaret ikke. Kun kommunens medarbejdere kan læse det.")
FORUM_SENSITIVE_HELP = _(
    "Så offentliggøres svaret ikke. Kun kommunens medarbejdere og lokalforummets "
    "kontaktpersoner kan læse det."
)


class AttachmentsMixin:
    """The attachments field: each file read for its kind (not its name), 10 MB at most, and
    no more than the answer has room for."""

    existing_attachments = 0

    def clean_attachments(self):
        files = self.cleaned_data.get("attachments") or []
        check_attachment_room(adding=len(files), existing=self.existing_attachments)
        errors = []
        for uploaded in files:
            try:
                check_attachment(uploaded)
            except forms.ValidationError as error:
                errors.append(error)
        if errors:
            raise forms.ValidationError(errors)
        return files


def _attachments_field():
    return MultipleFileField(label=_("Bilag"), required=False, help_text=FILES_HELP)


def _text_field(label):
    return forms.CharField(
        label=label,
        max_length=TEXT_MAX,
        required=False,
        widget=forms.Textarea(attrs={"rows": 12, "maxlength": TEXT_MAX}),
        help_text=_("Højst %(count)s tegn. Du kan også vedhæfte svaret som en fil.")
        % {"count": f"{TEXT_MAX:,}".replace(",", ".")},
    )


class ForumAnswerForm(AttachmentsMixin, PlainTextFormMixin, forms.Form):
    """The forum's shared draft: saved by one contact person, continued and sent by any."""

    author_name = forms.CharField(
        label=_("Dit navn"),
        max_length=_max(HearingResponse, "author_name"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
        help_text=_("Står som afsender sammen med lokalforummets navn."),
    )
    text = _text_field(_("Lokalforummets høringssvar"))
    attachments = _attachments_field()
    contains_sensitive_information = forms.BooleanField(
        label=_("Svaret indeholder følsomme oplysninger"),
        required=False,
        help_text=FORUM_SENSITIVE_HELP,
    )
    consent_ack = forms.BooleanField(label=CONSENT_LABEL, required=False, help_text=CONSENT_HELP)

    DATA_FIELDS = ("author_name", "text", "contains_sensitive_information", "consent_ack")

    def __init__(self, *args, existing_attachments=0, submitting=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.existing_attachments = existing_attachments
        self.submitting = submitting

    def clean_author_name(self):
        name = self.cleaned_data.get("author_name", "")
        if self.submitting and not name:
            raise forms.ValidationError(_("Skriv dit navn."))
        return name

    def answer_data(self) -> dict:
        return {field: self.cleaned_data[field] for field in self.DATA_FIELDS}


class ProcessingForm(PlainTextFormMixin, forms.Form):
    """ "Vi svarer": the forum is working on it, perhaps with its own due date."""

    internal_due_date = date_field(_("Vores egen frist (frivilligt)"), required=False)
    internal_note = forms.CharField(
        label=_("Intern note (frivilligt)"),
        max_length=_max(HearingInvitation, "internal_note"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Ses kun af lokalforummets kontaktpersoner og kommunens medarbejdere."),
    )


class DeclineForm(PlainTextFormMixin, forms.Form):
    """ "Vi afstår", with an optional reason."""

    decline_reason = forms.CharField(
        label=_("Hvorfor afstår I? (frivilligt)"),
        max_length=_max(HearingInvitation, "decline_reason"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class PublicAnswerForm(AttachmentsMixin, PlainTextFormMixin, forms.Form):
    """An answer from an association or a private person, to a hearing open to all. The
    address is asked for only when the hearing needs it. A honeypot keeps robots out."""

    on_behalf_of = forms.ChoiceField(
        label=_("Jeg svarer på vegne af"),
        choices=[
            (OnBehalfOf.ORGANISATION, OnBehalfOf.ORGANISATION.label),
            (OnBehalfOf.PRIVATE, OnBehalfOf.PRIVATE.label),
        ],
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Vælg, hvem du svarer på vegne af."),
            "invalid_choice": _("Vælg, hvem du svarer på vegne af."),
        },
    )
    organisation_name = forms.CharField(
        label=_("Foreningens eller organisationens navn"),
        max_length=_max(HearingResponse, "organisation_name"),
        required=False,
        help_text=_("Skal udfyldes, når du svarer for en forening eller organisation."),
    )
    author_name = forms.CharField(
        label=_("Dit navn"),
        max_length=_max(HearingResponse, "author_name"),
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
        error_messages={"required": _("Skriv dit navn.")},
    )
    author_email = forms.EmailField(
        label=_("Din e-mailadresse"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        help_text=_("Vi sender kvitteringen hertil. Adressen offentliggøres aldrig."),
        error_messages={
            "required": _("Skriv din e-mailadresse, så vi kan sende dig en kvittering."),
            "invalid": _("Skriv en gyldig e-mailadresse, fx navn@eksempel.dk."),
        },
    )
    address = forms.CharField(
        label=_("Din adresse"),
        max_length=_max(HearingResponse, "address"),
        widget=forms.TextInput(attrs={"autocomplete": "address-line1"}),
        help_text=_("Høringen spørger efter adressen. Den offentliggøres aldrig."),
        error_messages={"required": _("Skriv din adresse.")},
    )
    address_secret = forms.BooleanField(
        label=_("Min adresse er hemmelig (navne- og adressebeskyttelse)"), required=False
    )
    initials_only = forms.BooleanField(
        label=_("Vis kun mine initialer"),
        required=False,
        help_text=_("Gælder kun, når du svarer som privatperson."),
    )
    hide_name = forms.BooleanField(
        label=_("Skjul mit navn"),
        required=False,
        help_text=_("Svaret offentliggøres uden navn. Kommunen kender stadig dit navn."),
    )
    text = _text_field(_("Dit høringssvar"))
    attachments = _attachments_field()
    contains_sensitive_information = forms.BooleanField(
        label=_("Svaret indeholder følsomme oplysninger"), required=False, help_text=SENSITIVE_HELP
    )
    consent_ack = forms.BooleanField(
        label=CONSENT_LABEL,
        help_text=CONSENT_HELP,
        error_messages={
            "required": _("Sæt kryds for at vise, at du ved, at høringssvar er sagsakter.")
        },
    )
    website = forms.CharField(
        label=_("Lad dette felt stå tomt"),
        required=False,
        max_length=200,
        template_name="forms/honeypot.html",
    )

    DATA_FIELDS = (
        "on_behalf_of", "organisation_name", "author_name", "author_email", "address",
        "address_secret", "initials_only", "hide_name", "text",
        "contains_sensitive_information", "consent_ack",
    )  # fmt: skip

    def __init__(self, *args, hearing, **kwargs):
        super().__init__(*args, **kwargs)
        if not hearing.asks_for_address:
            del self.fields["address"], self.fields["address_secret"]

    def clean(self):
        cleaned = super().clean()
        # A filled honeypot is not an error to show: the view quietly drops the post.
        self.is_spam = bool(cleaned.get("website")) or "website" in self.errors
        return cleaned

    def answer_data(self) -> dict:
        return {
            field: self.cleaned_data[field] for field in self.DATA_FIELDS if field in self.fields
        }
