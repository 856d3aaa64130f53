"""Mails rendered wholly in their recipient's language.

A mail's subject and body are translated together, inside one `translation.override`:
a subject translated by the caller (in the visitor's language of the moment) above a
body rendered in Danish is what this helper exists to prevent. So the subject is passed
untranslated (a `gettext_lazy` string and its parameters) and translated here.
"""

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import translation

STAFF_LANGUAGE = "da"  # the municipality's staff read their mail in Danish


def mail_language(language: str | None) -> str:
    """`language` if the portal speaks it, else the portal's own language (Danish)."""
    codes = {code for code, _name in settings.LANGUAGES}
    code = (language or "").split("-")[0].lower()
    return code if code in codes else settings.LANGUAGE_CODE.split("-")[0]


def render_mail(
    *, language: str, subject, template: str, context: dict, subject_params: dict | None = None
) -> tuple[str, str]:
    """The subject and the body of a mail, both rendered in `language`."""
    with translation.override(mail_language(language)):
        text = str(subject)
        if subject_params:
            text %= subject_params
        return " ".join(text.split()), render_to_string(template, context)


def send_templated_mail(
    *,
    language: str,
    to: list[str],
    subject,
    template: str,
    context: dict,
    subject_params: dict | None = None,
) -> int:
    subject_text, body = render_mail(
        language=language,
        subject=subject,
        template=template,
        context=context,
        subject_params=subject_params,
    )
    return send_mail(subject=subject_text, message=body, from_email=None, recipient_list=to)
