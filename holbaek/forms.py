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
