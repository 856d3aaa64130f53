"""Storing one answer to a survey, as its anonymity mode says (models/survey_responses.py).

`response_store` is the one door for answers, online and entered by staff: it checks the
survey accepts answers, discards answers to hidden questions (`survey_logic.prune`),
refuses forged option ids, numbers outside the limits and too many choices, records the
one answer per user, forum, invitation or browser session, stores the response with
only what the mode allows, and locks the survey's mode at its first answer.
"""

import datetime
import hashlib
import hmac
import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from projektudvalg.models import (
    STAFF_CHANNELS,
    Anonymity,
    ParticipationWay,
    QuestionKind,
    ReviewState,
    Survey,
    SurveyAnswer,
    SurveyInvitation,
    SurveyParticipation,
    SurveyPseudonymKey,
    SurveyQuestion,
    SurveyResponse,
)
from projektudvalg.services.surveys import survey_lock
from projektudvalg.survey_logic import Value, prune, visible_ids

CLOSED = _("Undersøgelsen tager ikke imod svar.")
ALREADY = _("Der er allerede svaret på undersøgelsen herfra.")
UNKNOWN_OPTION = _("Vælg en af svarmulighederne.")


def session_hash(survey, token: str) -> str:
    """A keyed hash of a browser session's survey token: the row cannot be matched to a
    session without the server's secret."""
    message = f"survey:{survey.pk}:{token}".encode()
    return hmac.new(settings.SECRET_KEY.encode(), message, hashlib.sha256).hexdigest()


def questions_for(survey):
    return list(
        SurveyQuestion.objects.filter(survey=survey)
        .prefetch_related("options", "conditions__depends_on", "conditions__option")
        .order_by("position", "id")
    )


def _check_options(question, value: Value) -> None:
    options = {o.pk: o for o in question.options.all()}
    columns = {pk for pk, o in options.items() if not o.is_row}
    chosen = set(value.options)
    for row, picked in value.rows.items():
        if row not in options or not options[row].is_row or not set(picked) <= columns:
            raise ValidationError(UNKNOWN_OPTION)
    if not chosen <= columns or not set(value.ranks) <= columns:
        raise ValidationError(UNKNOWN_OPTION)
    if question.kind == QuestionKind.SINGLE and len(chosen) > 1:
        raise ValidationError(_("Vælg kun én svarmulighed."))
    too_many = question.max_choices and len(chosen) > question.max_choices
    if question.kind == QuestionKind.MULTIPLE and too_many:
        raise ValidationError(
            _("Vælg højst %(count)s svarmuligheder.") % {"count": question.max_choices}
        )


def check_value(question, value: Value) -> None:
    """Refuse what the question cannot hold (the answer pages show the message)."""
    if question.has_options:
        _check_options(question, value)
    number = value.number
    if question.kind == QuestionKind.SCALE and number is not None and not 1 <= number <= 5:
        raise ValidationError(_("Vælg et tal fra 1 til 5."))
    if question.kind == QuestionKind.NUMBER and number is not None:
        if question.min_value is not None and number < question.min_value:
            raise ValidationError(_("Skriv mindst %(min)s.") % {"min": question.min_value})
        if question.max_value is not None and number > question.max_value:
            raise ValidationError(_("Skriv højst %(max)s.") % {"max": question.max_value})


def _answers(response, question, value: Value) -> list[SurveyAnswer]:
    def answer(**fields):
        return SurveyAnswer(response=response, question=question, **fields)

    other_ids = {o.pk for o in question.options.all() if o.is_other}
    rows = [answer(option_id=pk, text=value.other if pk in other_ids else "")
            for pk in value.options]  # fmt: skip
    rows += [answer(option_id=col, row_id=row) for row, cols in value.rows.items() for col in cols]
    rows += [answer(option_id=pk, number=rank) for pk, rank in value.ranks.items()]
    if value.text.strip() or value.number is not None or value.date or value.area:
        date = datetime.date.fromisoformat(value.date) if value.date else None
        rows.append(answer(text=value.text, number=value.number, date=date, area_id=value.area))
    return rows


def _participate(survey, *, channel, user, forum, invitation, session_token) -> None:
    """One answer per forum, invitation, user or browser session (the database's unique
    constraints decide, so two at once cannot both pass)."""
    if invitation is not None:
        if SurveyInvitation.objects.filter(pk=invitation.pk, completed=True).exists():
            raise ValidationError(ALREADY)
        SurveyInvitation.objects.filter(pk=invitation.pk).update(completed=True)
        return
    if forum is not None:
        row = SurveyParticipation(survey=survey, way=ParticipationWay.FORUM, forum=forum)
    elif user is not None and channel not in STAFF_CHANNELS:
        row = SurveyParticipation(survey=survey, way=ParticipationWay.USER, user=user)
    elif session_token:
        hashed = session_hash(survey, session_token)
        row = SurveyParticipation(survey=survey, way=ParticipationWay.SESSION, session_hash=hashed)
    else:
        return
    try:
        with transaction.atomic():
            row.save()
    except IntegrityError:
        raise ValidationError(ALREADY) from None


def _response(survey, *, channel, user, forum, invitation, entered_by, held, now):
    response = SurveyResponse(
        survey=survey, anonymity=survey.anonymity, channel=channel,
        submitted_on=timezone.localdate(now), entered_by=entered_by,
        review=ReviewState.HELD if held else ReviewState.COUNTED,
    )  # fmt: skip
    if survey.anonymity == Anonymity.IDENTIFIED:
        response.submitted_at = now
        response.user = user if channel not in STAFF_CHANNELS else None
        response.invitation, response.forum = invitation, forum
    elif survey.anonymity == Anonymity.PSEUDONYMOUS:
        response.submitted_at = now
        response.respondent_code = "R-" + secrets.token_hex(6).upper()
    return response


@transaction.atomic
def response_store(*, survey: Survey, values: dict[int, Value], channel: str, user=None,
                   forum=None, invitation=None, session_token="", entered_by=None,
                   held=False, now=None) -> SurveyResponse:  # fmt: skip
    now = now or timezone.now()
    survey = Survey.objects.select_for_update().get(pk=survey.pk)
    staff_entry = channel in STAFF_CHANNELS
    if staff_entry and entered_by is None:
        raise ValidationError(_("Svar på papir eller telefon indtastes af en medarbejder."))
    if not (survey.accepts_answers(now) or (staff_entry and survey.status == "closed")):
        raise ValidationError(CLOSED)
    questions = questions_for(survey)
    kept = prune(questions, values)
    by_pk = {q.pk: q for q in questions}
    for pk, value in kept.items():
        check_value(by_pk[pk], value)
    missing = [q.text for q in questions if q.required and q.pk not in kept
               and q.pk in visible_ids(questions, kept)]  # fmt: skip
    if missing:
        raise ValidationError(
            _("Besvar også disse spørgsmål: %(questions)s.") % {"questions": ", ".join(missing)}
        )
    _participate(survey, channel=channel, user=user, forum=forum, invitation=invitation,
                 session_token=session_token)  # fmt: skip
    response = _response(survey, channel=channel, user=user, forum=forum, invitation=invitation,
                         entered_by=entered_by, held=held, now=now)  # fmt: skip
    area = next((v.area for pk, v in kept.items() if by_pk[pk].kind == QuestionKind.AREA), None)
    response.area_id = area
    response.save()
    if survey.anonymity == Anonymity.PSEUDONYMOUS:
        SurveyPseudonymKey.objects.create(
            survey=survey, respondent_code=response.respondent_code, forum=forum,
            user=user if not staff_entry else None, invitation=invitation,
        )  # fmt: skip
    SurveyAnswer.objects.bulk_create(
        [row for pk, value in kept.items() for row in _answers(response, by_pk[pk], value)]
    )
    survey_lock(survey=survey, now=now)
    return response
