import re
from decimal import Decimal, InvalidOperation

from django import forms
from django.forms.renderers import TemplatesSetting
from django.utils.translation import gettext_lazy as _

from holbaek.validators import refuse_html


class PortalFormRenderer(TemplatesSetting):
    """Renders every form field with Det Fælles Designsystem's markup.

    Label, hint and Danish error message are tied to the input with
    aria-describedby, so screen readers read the error with the field.
    """

    form_template_name = "forms/form.html"
    field_template_name = "forms/field.html"


class PlainTextFormMixin:
    """Every free-text field of the form refuses HTML (see holbaek/validators.py).

    E-mail and web-address fields have their own validation and are left alone,
    and so are the fields in `markdown_fields`: Markdown has its own use of <…>
    (links such as <https://holbaek.dk>), and it is sanitised when shown.
    """

    markdown_fields: tuple[str, ...] = ()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            if type(field) is forms.CharField and name not in self.markdown_fields:
                field.validators.append(refuse_html)


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
        self.widget.attrs.setdefault("maxlength", "30")
        self.max_value = Decimal(max_value)
        self.allow_zero = allow_zero
        self.widget.attrs.setdefault("inputmode", "decimal")

    def prepare_value(self, value):
        """A stored Decimal is shown as Danes write it, so saving again reads it back."""
        if isinstance(value, (Decimal, int)):
            amount = Decimal(value)
            places = 0 if amount == amount.to_integral_value() else 2
            text = f"{amount:,.{places}f}"
            return text.replace(",", " ").replace(".", ",").replace(" ", ".")
        return value

    def to_python(self, value):
        text = super().to_python(value)
        if text in self.empty_values:
            return None
        text = re.sub(r"(?i)kr\.?$", "", re.sub(r"\s+", "", text))
        if len(text) > 30:
            raise forms.ValidationError(_("Beløbet er for langt."), code="max_length")
        if text.startswith("-"):
            raise forms.ValidationError(_("Beløbet kan ikke være negativt."), code="negative")
        if not _MONEY.match(text):
            raise forms.ValidationError(
                _("Skriv beløbet i kroner med tal, fx 16.000 eller 16.000,50."), code="invalid"
            )
        try:
            amount = Decimal(text.replace(".", "").replace(",", "."))
        except InvalidOperation:
            raise forms.ValidationError(
                _("Skriv beløbet i kroner med tal, fx 16.000 eller 16.000,50."), code="invalid"
            ) from None
        if amount == 0 and not self.allow_zero:
            raise forms.ValidationError(_("Beløbet skal være over 0 kr."), code="zero")
        if amount > self.max_value:
            raise forms.ValidationError(
                _("Beløbet er for stort. Det må højst være %(max)s kr.")
                % {"max": f"{self.max_value:,.0f}".replace(",", ".")},
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
