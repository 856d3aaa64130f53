import re
from decimal import Decimal, InvalidOperation

from django import forms
from django.forms.renderers import TemplatesSetting
from django.utils.translation import gettext_lazy as _

from holbaek import text
from holbaek.validators import plain_text, refuse_html


class PortalFormRenderer(TemplatesSetting):
    """Renders every form field with Det Fælles Designsystem's markup.

    Label, hint and Danish error message are tied to the input with
    aria-describedby, so screen readers read the error with the field.
    """

    form_template_name = "forms/form.html"
    field_template_name = "forms/field.html"


class PlainTextFormMixin:
    """Every free-text field of the form takes plain text (see holbaek/validators.py).

    Bidirectional controls are removed (they make a title read differently in staff lists)
    and HTML is refused. E-mail and web-address fields have their own validation and are
    left alone; the fields in `markdown_fields` keep their <…>: Markdown has its own use
    of it (links such as <https://holbaek.dk>), and it is sanitised when shown.
    """

    markdown_fields: tuple[str, ...] = ()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            if type(field) is not forms.CharField:
                continue
            field.to_python = _as_plain_text(field)
            field.error_messages.setdefault("max_length", MAX_LENGTH_MESSAGE)
            if name not in self.markdown_fields:
                field.validators.append(refuse_html)


class PortalAdminForm(PlainTextFormMixin, forms.ModelForm):
    """The Django admin's base form (holbaek.admin.PortalAdmin): the same plain-text
    cleaning as the portal's pages, so no way round it stores bidirectional controls."""


MAX_LENGTH_MESSAGE = _("Skriv højst %(limit_value)d tegn. Teksten har %(show_value)d.")


def _as_plain_text(field):
    """The field's own to_python, then plain_text, before the length and HTML checks run.

    Set on the field instance: a form's fields are copies made for that form alone."""
    to_python = type(field).to_python.__get__(field)

    def clean_plain_text(value):
        cleaned = plain_text(to_python(value))
        if not isinstance(cleaned, str):
            return cleaned
        cleaned = cleaned.strip() if field.strip else cleaned
        return field.empty_value if cleaned in field.empty_values else cleaned

    return clean_plain_text


DATE_FORMATS = ["%Y-%m-%d", "%d.%m.%Y", "%d-%m-%Y"]


class DateInput(forms.DateInput):
    """The browser's date picker, which still accepts typed dates without JavaScript."""

    input_type = "date"

    def __init__(self):
        super().__init__(format="%Y-%m-%d")


def date_field(label, **kwargs):
    """A date field that also reads Danish notation (24.12.2026), with Danish messages."""
    return forms.DateField(
        label=label,
        widget=DateInput(),
        input_formats=DATE_FORMATS,
        error_messages={
            "required": _("Skriv en dato."),
            "invalid": _("Skriv datoen som fx 24.12.2026."),
        },
        **kwargs,
    )


_MONEY = re.compile(r"^\d{1,3}(\.\d{3})*(,\d{1,2})?$|^\d+(,\d{1,2})?$")


class MoneyField(forms.CharField):
    """An amount in kroner as Danes write it (16.000 / 16000,50 / 16 000 kr.) -> Decimal.

    Refuses letters, negative amounts, more than two decimals and absurd sizes
    with Danish messages; the typed text stays in the field.
    """

    def __init__(self, *, max_value=Decimal("100000000"), allow_zero=False, **kwargs):
        super().__init__(**kwargs)
        self.max_length = 30  # checked in to_python: the cleaned value is a Decimal
        self.widget.attrs.setdefault("maxlength", str(self.max_length))
        self.max_value = Decimal(max_value)
        self.allow_zero = allow_zero
        self.widget.attrs.setdefault("inputmode", "decimal")

    def prepare_value(self, value):
        """A stored Decimal is shown as Danes write it, so saving again reads it back."""
        if isinstance(value, (Decimal, int)):
            return text.danish_amount(value)
        return value

    def to_python(self, value):
        typed = super().to_python(value)
        if typed in self.empty_values:
            return None
        typed = re.sub(r"(?i)kr\.?$", "", re.sub(r"\s+", "", typed))
        if len(typed) > self.max_length:
            raise forms.ValidationError(_("Beløbet er for langt."), code="max_length")
        if typed.startswith("-"):
            raise forms.ValidationError(_("Beløbet kan ikke være negativt."), code="negative")
        if not _MONEY.match(typed):
            raise forms.ValidationError(
                _("Skriv beløbet i kroner med tal, fx 16.000 eller 16.000,50."), code="invalid"
            )
        try:
            amount = Decimal(typed.replace(".", "").replace(",", "."))
        except InvalidOperation:
            raise forms.ValidationError(
                _("Skriv beløbet i kroner med tal, fx 16.000 eller 16.000,50."), code="invalid"
            ) from None
        if amount == 0 and not self.allow_zero:
            raise forms.ValidationError(_("Beløbet skal være over 0 kr."), code="zero")
        if amount > self.max_value:
            raise forms.ValidationError(
                _("Beløbet er for stort. Det må højst være %(max)s kr.")
                % {"max": text.number(self.max_value)},
                code="max",
            )
        return amount


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one input; each is checked by holbaek.uploads where it is stored."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        files = data if isinstance(data, list | tuple) else [data] if data else []
        return [super(MultipleFileField, self).clean(file, initial) for file in files]


def add_refusal(form, error) -> None:
    """Puts a service's ValidationError on the form: on the field it names, if the form has
    that field, otherwise at the top; the user's input stays in the form."""
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error.messages)
