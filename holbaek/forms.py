from django import forms
from django.forms.renderers import TemplatesSetting

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

    E-mail and web-address fields have their own validation and are left alone.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            if type(field) is forms.CharField:
                field.validators.append(refuse_html)
