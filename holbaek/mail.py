"""Every mail the portal sends, rendered wholly in its recipient's language.

A mail's subject and body are translated together, inside one `translation.override`:
a subject translated by the caller (in the visitor's language of the moment) above a
body rendered in Danish is what this module exists to prevent. So the subject and the
body are passed untranslated and rendered here:

- a `gettext_lazy` string with its parameters (`subject_params`, `body_params`),
- a template and its context (`template`, `context`), for the body,
- or a function of no arguments that builds the text (a body with optional parts),
  called inside the override.

Recipients whose language the portal does not know (applicants, forums, followers,
staff) get Danish. `compose` builds the message (for sending many over one
connection); `send` builds and sends one; `send_each` sends many, one refusal at a time.
"""

import logging
import smtplib
from collections.abc import Callable, Sequence

from django.conf import settings
from django.core.mail import EmailMessage, mailers
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.functional import Promise

from holbaek.logfilters import log_send_failure

logger = logging.getLogger(__name__)

STAFF_LANGUAGE = "da"  # the municipality's staff read their mail in Danish

type Text = str | Promise | Callable[[], str]


def mail_language(language: str | None) -> str:
    """`language` if the portal speaks it, else the portal's own language (Danish)."""
    codes = {code for code, _name in settings.LANGUAGES}
    code = (language or "").split("-")[0].lower()
    return code if code in codes else settings.LANGUAGE_CODE.split("-")[0]


def _text(value: Text, params: dict | None) -> str:
    text = value() if callable(value) else str(value)
    return text % params if params else text


def render_mail(
    *,
    language: str | None = None,
    subject: Text,
    subject_params: dict | None = None,
    template: str | None = None,
    context: dict | None = None,
    body: Text | None = None,
    body_params: dict | None = None,
) -> tuple[str, str]:
    """The subject (on one line) and the body of a mail, both rendered in `language`."""
    if (template is None) == (body is None):
        raise TypeError("A mail has either a template or a body.")
    with translation.override(mail_language(language)):
        subject_text = " ".join(_text(subject, subject_params).split())
        if template is not None:
            return subject_text, render_to_string(template, context or {})
        return subject_text, _text(body, body_params)


def compose(
    *,
    to: Sequence[str],
    language: str | None = None,
    subject: Text,
    subject_params: dict | None = None,
    template: str | None = None,
    context: dict | None = None,
    body: Text | None = None,
    body_params: dict | None = None,
    headers: dict[str, str] | None = None,
    attachments: Sequence[tuple[str, bytes, str]] = (),
    reply_to: Sequence[str] | None = None,
) -> EmailMessage:
    """One mail in the recipient's language; `attachments` are (filename, content, type)."""
    subject_text, body_text = render_mail(
        language=language,
        subject=subject,
        subject_params=subject_params,
        template=template,
        context=context,
        body=body,
        body_params=body_params,
    )
    message = EmailMessage(
        subject=subject_text,
        body=body_text,
        to=list(to),
        headers=headers,
        reply_to=list(reply_to) if reply_to else None,
    )
    for filename, content, mimetype in attachments:
        message.attach(filename, content, mimetype)
    return message


def send(**kwargs) -> int:
    """`compose(**kwargs)` and send it; the mail server's errors are the caller's to handle."""
    return compose(**kwargs).send()


def send_each(messages: Sequence[EmailMessage]) -> list[bool]:
    """Sends each message on its own, so one refused address never stops the others.

    A mail server's refusal (which quotes the address) is logged as one line without
    it; the result says, message by message, which were sent, so a caller marks only
    those and sends the rest again on its next run.
    """
    sent = []
    with mailers.default as connection:  # one connection to the server for them all
        for message in messages:
            try:
                sent.append(bool(connection.send_messages([message])))
            except (smtplib.SMTPException, OSError) as error:
                log_send_failure(logger, error, "En mail kunne ikke sendes")
                sent.append(False)
    return sent
