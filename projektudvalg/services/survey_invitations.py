"""Invitees of a survey: adding them, mailing their personal links, reminding those who
have not answered.

Only the SHA-256 of an invitation's token is stored. The raw token exists only in the
mail, so it is made when the mail goes: adding stores a placeholder hash (of a random
value never sent), sending and each reminder store a new one. A reminder's link
replaces the earlier one, which stops working (the mail says so).

Mails go in batches: a batch's rows are locked (SKIP LOCKED, so two runs never mail the
same invitee), mailed over one connection, and only those the mail server took (or
may have taken, the connection broke while handing it over) get the new hash and are
marked; the rest keep their state and are sent at the next try. The log says how many,
never who.
"""

import datetime
import hashlib
import logging
import re
import secrets

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from holbaek.text import number
from holbaek.validators import plain_text
from projektudvalg import newsletter_delivery as delivery
from projektudvalg import survey_mails
from projektudvalg.models import (
    Survey,
    SurveyEvent,
    SurveyEventKind,
    SurveyInvitation,
    SurveyStatus,
)

PER_CALL = 2000
PER_SURVEY = 10000
MAX_REMINDERS = 3
REMIND_AFTER = datetime.timedelta(hours=24)
CLOSING_SOON = datetime.timedelta(days=3)
BATCH_SIZE = 100
ADDING = (SurveyStatus.DRAFT, SurveyStatus.SCHEDULED, SurveyStatus.OPEN)
_LINE = re.compile(r"^(?:(?P<name>[^<>]*?)\s*<(?P<email>[^<>]*)>|(?P<bare>[^<>\s]+))$")

logger = logging.getLogger(__name__)


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _placeholder() -> str:
    return token_hash(secrets.token_urlsafe(32))  # never sent: no link matches it


def _log(survey, kind, by, note) -> None:
    SurveyEvent.objects.create(survey=survey, kind=kind, by=by, note=note[:500])


def _refuse_unless_invited(survey) -> None:
    if not survey.audience_invited:
        raise ValidationError(_("Undersøgelsen er ikke for inviterede."))
    if survey.answers_deleted_at is not None:
        raise ValidationError(_("Svarene og adresserne er slettet."))


def _split(line: str) -> tuple[str, str]:
    """("Navn", "mail@x.dk") from "Navn <mail@x.dk>" or "mail@x.dk"; ("", "") if neither."""
    match = _LINE.match(line)
    if match is None:
        return "", ""
    if match["bare"] is not None:
        return "", match["bare"].lower()
    return match["name"].strip().strip('"').strip()[:150], match["email"].strip().lower()


def parse_invitees(lines: str) -> list[tuple[str, str]]:
    """(name, address) per non-empty line, addresses in lower case. A bad line is refused
    with its number; nothing is added then."""
    found, errors = [], []
    lines = plain_text(lines)
    for line_number, line in enumerate(lines.splitlines(), start=1):
        line = line.strip()
        if not line:
            continue
        name, email = _split(line)
        try:
            validate_email(email)
        except ValidationError:
            errors.append(
                _("Linje %(number)s er ikke en e-mailadresse: »%(line)s«.")
                % {"number": line_number, "line": line[:80]}
            )
            continue
        found.append((name, email))
    if errors:
        raise ValidationError(errors[:10])
    return found


@transaction.atomic
def invitations_add(*, survey: Survey, lines: str, by) -> tuple[int, int]:
    """Invitees from `lines` ("Navn <mail@x.dk>" or the address): (added, skipped), where
    skipped are the duplicates, in the text or already invited."""
    survey = Survey.objects.select_for_update().get(pk=survey.pk)
    _refuse_unless_invited(survey)
    if survey.status not in ADDING:
        raise ValidationError(_("Der kan kun inviteres, før undersøgelsen lukker."))
    invitees = parse_invitees(lines)
    if not invitees:
        raise ValidationError(_("Skriv mindst én e-mailadresse."))
    if len(invitees) > PER_CALL:
        raise ValidationError(
            _("Tilføj højst %(limit)s ad gangen. Teksten har %(count)s.")
            % {"limit": number(PER_CALL), "count": number(len(invitees))}
        )
    taken = set(SurveyInvitation.objects.filter(survey=survey).values_list("email", flat=True))
    existing = len(taken)
    new = []
    for name, email in invitees:
        if email not in taken:
            taken.add(email)
            new.append(SurveyInvitation(survey=survey, name=name, email=email,
                                        token_hash=_placeholder()))  # fmt: skip
    if existing + len(new) > PER_SURVEY:
        raise ValidationError(
            _("En undersøgelse kan højst have %(limit)s inviterede. Den har %(count)s.")
            % {"limit": number(PER_SURVEY), "count": number(existing)}
        )
    SurveyInvitation.objects.bulk_create(new)
    if new:
        _log(survey, SurveyEventKind.CHANGED, by, f"{len(new)} inviterede tilføjet")
    return len(new), len(invitees) - len(new)


def _deliver_batch(survey, rows, *, reminder: bool, now, tried: set) -> tuple[int, bool]:
    """Mails one batch of `rows` (locked, skipping rows another run holds, and those this
    run `tried`): (marked, more to take). Only those the server took, or may have, get
    their new hash and a mark."""
    with transaction.atomic():
        batch = list(rows.exclude(pk__in=tried).select_for_update(skip_locked=True)[:BATCH_SIZE])
        tried.update(row.pk for row in batch)
        if not batch:
            return 0, False
        tokens = [secrets.token_urlsafe(32) for _row in batch]
        messages = [
            survey_mails.invitation_message(
                survey=survey, invitation=row, token=token, reminder=reminder
            )
            for row, token in zip(batch, tokens, strict=True)
        ]
        outcomes = delivery.deliver_each(messages)
        went = []
        for row, token, outcome in zip(batch, tokens, outcomes, strict=True):
            if outcome in (delivery.SENT, delivery.MAYBE):
                row.token_hash = token_hash(token)
                if reminder:
                    row.reminded_at, row.reminders_sent = now, row.reminders_sent + 1
                else:
                    row.sent_at = now
                went.append(row)
        marks = ["reminded_at", "reminders_sent"] if reminder else ["sent_at"]
        SurveyInvitation.objects.bulk_update(went, ["token_hash", *marks])
    return len(went), bool(went) and len(batch) == BATCH_SIZE


def _deliver(survey, rows, *, reminder: bool, now) -> int:
    """Batch after batch, until none is left or the server takes nothing."""
    total, more, tried = 0, True, set()
    while more:
        marked, more = _deliver_batch(survey, rows, reminder=reminder, now=now, tried=tried)
        total += marked
    return total


def can_send_invitations(survey, now=None) -> bool:
    """Invitations go while the survey is planned, or open and accepting answers."""
    now = now or timezone.now()
    planned = survey.status == SurveyStatus.SCHEDULED and (
        survey.closes_at is None or survey.closes_at > now
    )
    return survey.audience_invited and (planned or survey.accepts_answers(now))


def check_sending(survey, now=None) -> None:
    """Refused unless invitations may go now (the page asks before it queues them)."""
    _refuse_unless_invited(survey)
    if not can_send_invitations(survey, now):
        raise ValidationError(_("Invitationerne sendes, når undersøgelsen er planlagt eller åben."))


def check_reminding(survey, now=None) -> None:
    _refuse_unless_invited(survey)
    if not survey.accepts_answers(now):
        raise ValidationError(_("Der sendes kun påmindelser, mens undersøgelsen er åben."))


def invitations_send(*, survey: Survey, by, now=None) -> int:
    """Mails the personal link to every invitee not sent one yet; the number sent."""
    now = now or timezone.now()
    survey = Survey.objects.get(pk=survey.pk)
    check_sending(survey, now)
    rows = SurveyInvitation.objects.filter(survey=survey, sent_at__isnull=True).order_by("pk")
    sent = _deliver(survey, rows.exclude(email=""), reminder=False, now=now)
    if sent:
        _log(survey, SurveyEventKind.INVITED, by, f"{sent} invitationer sendt")
    return sent


def remindable(survey, now):
    """Sent, not answered, fewer than 3 reminders, and no mail in the last 24 hours."""
    cutoff = now - REMIND_AFTER
    waiting = SurveyInvitation.objects.filter(
        survey=survey, sent_at__isnull=False, completed=False, reminders_sent__lt=MAX_REMINDERS
    )
    quiet = Q(reminded_at__isnull=True, sent_at__lte=cutoff) | Q(reminded_at__lte=cutoff)
    return waiting.filter(quiet).exclude(email="").order_by("pk")


def invitations_remind(*, survey: Survey, by=None, now=None) -> int:
    """A reminder with a new link to each invitee `remindable` finds; the number sent."""
    now = now or timezone.now()
    survey = Survey.objects.get(pk=survey.pk)
    check_reminding(survey, now)
    sent = _deliver(survey, remindable(survey, now), reminder=True, now=now)
    if sent:
        note = f"{sent} påmindelser sendt" + ("" if by else " (automatisk)")
        _log(survey, SurveyEventKind.REMINDED, by, note)
    return sent


def invitations_remind_closing(*, now=None) -> int:
    """The daily run: one automatic reminder for each survey closing within 3 days (to
    those `remindable` finds). A survey that fails is logged; the others go on."""
    now = now or timezone.now()
    surveys = Survey.objects.accepting(now).filter(
        audience_invited=True, answers_deleted_at__isnull=True, closes_at__lte=now + CLOSING_SOON
    )
    done = SurveyEvent.objects.filter(kind=SurveyEventKind.REMINDED, by__isnull=True)
    sent = 0
    for survey in surveys.exclude(pk__in=done.values("survey")).order_by("pk"):
        try:
            sent += invitations_remind(survey=survey, by=None, now=now)
        except Exception:
            logger.exception("Påmindelser til undersøgelse %s kunne ikke sendes", survey.pk)
    return sent
