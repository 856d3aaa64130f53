"""Handing newsletters to the mail server, saying for each whether it went.

Unlike `holbaek.mail.send_each` (sent or not), each message gets one of five outcomes, so
the sending task knows what it may send again without mailing anyone twice:

- SENT: the server took it.
- REFUSED: refused for good (an SMTP 5xx answer, or no recipient): never again.
- TEMPORARY: refused for now (an SMTP 4xx answer): the server did not take it.
- MAYBE: the connection broke while the message was being handed over: it may have gone.
- NOT_HANDED: never handed over (the server could not be reached, or the connection broke
  on an earlier message; sending stops there).
"""

import logging
import smtplib
from collections.abc import Sequence

from django.core.mail import EmailMessage

from holbaek import mail
from holbaek.logfilters import log_send_failure

SENT, REFUSED, TEMPORARY, MAYBE, NOT_HANDED = "sent", "refused", "temporary", "maybe", "not handed"

logger = logging.getLogger(__name__)


def _refusal(error: smtplib.SMTPException) -> str:
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        codes = [code for code, _text in error.recipients.values()]
    else:
        codes = [error.smtp_code]
    return TEMPORARY if codes and all(400 <= code < 500 for code in codes) else REFUSED


def deliver_each(messages: Sequence[EmailMessage]) -> list[str]:
    """Each message's outcome (above), in order, over one connection."""
    outcomes = [NOT_HANDED] * len(messages)
    try:
        with mail.mailers.default as connection:
            for index, message in enumerate(messages):
                try:
                    went = connection.send_messages([message])
                except (smtplib.SMTPResponseException, smtplib.SMTPRecipientsRefused) as error:
                    log_send_failure(logger, error, "Et nyhedsbrev blev afvist")
                    outcomes[index] = _refusal(error)
                    continue
                except (smtplib.SMTPException, OSError) as error:  # the connection broke
                    log_send_failure(logger, error, "Forbindelsen til mailserveren blev afbrudt")
                    outcomes[index] = MAYBE
                    break
                outcomes[index] = SENT if went else REFUSED
    except (smtplib.SMTPException, OSError) as error:  # could not connect (or close)
        log_send_failure(logger, error, "Mailserveren kunne ikke nås")
    return outcomes
