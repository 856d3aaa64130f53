"""Logging filters: a refused request is one warning line, not a stack trace.

Django logs a PermissionDenied (403), BadRequest, SuspiciousOperation (such as
DisallowedHost) or an unparsable upload with its traceback; anyone could flood
the log, and the admins' mailbox, with them. The record is kept, as one line.
Http404 and CSRF failures are already logged by Django without a traceback.

A mail the server would not take is one warning line too (`log_send_failure`),
naming only the exception's type: the text of an SMTPRecipientsRefused (and
its traceback) holds the recipients' addresses, which do not belong in a log.
"""

import copy
import logging

from django.core.exceptions import BadRequest, PermissionDenied, SuspiciousOperation
from django.http import Http404
from django.http.multipartparser import MultiPartParserError

REFUSALS = (PermissionDenied, Http404, BadRequest, SuspiciousOperation, MultiPartParserError)


def is_refusal(record: logging.LogRecord) -> bool:
    error = record.exc_info[1] if record.exc_info else None
    return isinstance(error, REFUSALS)


def log_send_failure(logger: logging.Logger, error: Exception, message: str, *args) -> None:
    """One warning line for a mail that could not be sent: no address, no traceback."""
    logger.warning(f"{message} (%s)", *args, type(error).__name__)


class RefusalFilter(logging.Filter):
    """A refusal's record as a warning without traceback; with drop=True not at all."""

    def __init__(self, drop: bool = False):
        super().__init__()
        self.drop = drop

    def filter(self, record):
        if not is_refusal(record):
            return True
        if self.drop:
            return False
        # A copy: the other handlers of this record get it unchanged.
        line = copy.copy(record)
        line.exc_info = None
        line.exc_text = None
        line.stack_info = None
        line.levelno = logging.WARNING
        line.levelname = logging.getLevelName(logging.WARNING)
        return line
