from django.forms.renderers import TemplatesSetting


class PortalFormRenderer(TemplatesSetting):
    """Renders every form field with Det Fælles Designsystem's markup.

    Label, hint and Danish error message are tied to the input with
    aria-describedby, so screen readers read the error with the field.
    """

    form_template_name = "forms/form.html"
    field_template_name = "forms/field.html"
