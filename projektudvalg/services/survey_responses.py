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
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lokalfora.models import LocalArea
from projektudvalg.models import (
    STAFF_CHANNELS,
    Anonymity,
    ParticipationWay,
    QuestionKind,
    ResponseChannel,
    ReviewState,
    Survey,
    SurveyAnswer,
    SurveyInvitation,
    SurveyParticipation,
    SurveyPseudonymKey,
    SurveyQuestion,
    SurveyResponse,
    SurveyStatus,
)
from projektudvalg.permissions import can_answer_for_forum
from projektudvalg.services.survey_tallies import tallies_refresh
from projektudvalg.services.surveys import survey_lock
from projektudvalg.survey_logic import Value, prune, visible_ids
from projektudvalg.survey_values import check_value

CLOSED = _("Undersøgelsen tager ikke imod svar.")
ALREADY = _("Der er allerede svaret på undersøgelsen herfra.")


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
    """One answer per forum, invitation, user or browser session. The invitation is
    marked used by one conditional update, the rest by the database's unique
    constraints, so two answers at once cannot both pass."""
    if invitation is not None:
        used = SurveyInvitation.objects.filter(pk=invitation.pk, survey=survey, completed=False)
        if not used.update(completed=True):
            raise ValidationError(ALREADY)
        _browser_mark(survey, session_token, refuse=False)
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
    if row.way == ParticipationWay.USER:
        _browser_mark(survey, session_token, refuse=True)


def _browser_mark(survey, session_token, *, refuse) -> None:
    """In a survey open by link, an answer by invitation or from an account marks the
    browser too, so the open link gives it no second answer. A signed-in answer from a
    browser that answered by the link is refused; an invitation is still taken (its
    invitee's one answer, which the reminders wait for)."""
    if not session_token or not survey.audience_public:
        return
    hashed = session_hash(survey, session_token)
    row = SurveyParticipation(survey=survey, way=ParticipationWay.SESSION, session_hash=hashed)
    try:
        with transaction.atomic():
            row.save()
    except IntegrityError:
        if refuse:
            raise ValidationError(ALREADY) from None


def _check_way(survey, *, channel, user, forum, invitation, session_token) -> None:
    """The way the answer came must be open in this survey, and carry who answers."""
    allowed = {
        ResponseChannel.LINK: survey.audience_public and bool(session_token),
        ResponseChannel.SIGNED_IN: (survey.audience_signed_in or survey.audience_public)
        and user is not None,
        ResponseChannel.INVITATION: survey.audience_invited
        and invitation is not None
        and invitation.survey_id == survey.pk,
        # The forum's one answer is given by one of its editors, whichever door it came by.
        ResponseChannel.FORUM: survey.audience_forums
        and forum is not None
        and can_answer_for_forum(user, forum),
    }
    if channel not in STAFF_CHANNELS and not allowed.get(channel, False):
        raise ValidationError(_("Du kan ikke svare på undersøgelsen på denne måde."))


def _response(survey, *, channel, user, forum, invitation, entered_by, held, now):
    if survey.anonymity == Anonymity.ANONYMOUS and channel not in STAFF_CHANNELS:
        stored_channel = ResponseChannel.ONLINE  # which way it came could tell who
    else:
        stored_channel = channel
    response = SurveyResponse(
        survey=survey, anonymity=survey.anonymity, channel=stored_channel,
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


def _checked(questions, values) -> dict[int, Value]:
    """The answers to shown questions, each checked; every shown required one answered."""
    kept = prune(questions, values)
    by_pk = {q.pk: q for q in questions}
    area_ids = frozenset(LocalArea.objects.values_list("pk", flat=True))
    for pk, value in kept.items():
        check_value(by_pk[pk], value, area_ids=area_ids)
    missing = [question.text for question in missing_required(questions, kept)]
    if missing:
        raise ValidationError(
            _("Besvar også disse spørgsmål: %(questions)s.") % {"questions": ", ".join(missing)}
        )
    return kept


def draft_usable(questions, values, *, area_ids) -> dict[int, Value]:
    """The kept answers the survey's questions can still hold: one to a question since
    deleted, or that no longer fits it (an option removed, the kind changed), is dropped
    and asked again, instead of refusing the answer at the end for another page's sake."""
    by_pk = {q.pk: q for q in questions}
    usable = {}
    for pk, value in values.items():
        try:
            if pk in by_pk:
                check_value(by_pk[pk], value, area_ids=area_ids)
                usable[pk] = value
        except ValidationError:
            continue
    return usable


def missing_required(questions, values) -> list:
    """The required questions shown for these answers that have none (the answer pages
    show the message beside each; `response_store` refuses the answer)."""
    kept = prune(questions, values)
    shown = visible_ids(questions, kept)
    return [q for q in questions if q.required and q.pk in shown and q.pk not in kept]


def _check_open(survey, *, channel, entered_by, forum, now) -> None:
    staff_entry = channel in STAFF_CHANNELS
    if staff_entry and entered_by is None:
        raise ValidationError(_("Svar på papir eller telefon indtastes af en medarbejder."))
    late_entry = staff_entry and survey.status == SurveyStatus.CLOSED
    if survey.answers_deleted_at is not None or not (survey.accepts_answers(now) or late_entry):
        raise ValidationError(CLOSED)
    outside = forum is not None and not survey.whole_municipality
    if outside and not survey.areas.filter(pk=forum.area_id).exists():
        raise ValidationError(_("Undersøgelsen er ikke sendt til dette lokalforum."))


@transaction.atomic
def response_store(*, survey: Survey, values: dict[int, Value], channel: str, user=None,
                   forum=None, invitation=None, session_token="", entered_by=None,
                   held=False, now=None) -> SurveyResponse:  # fmt: skip
    now = now or timezone.now()
    survey = Survey.objects.select_for_update().get(pk=survey.pk)
    way = {"user": user, "forum": forum, "invitation": invitation, "session_token": session_token}
    _check_open(survey, channel=channel, entered_by=entered_by, forum=forum, now=now)
    _check_way(survey, channel=channel, **way)
    questions = questions_for(survey)
    kept = _checked(questions, values)
    _participate(survey, channel=channel, **way)
    response = _response(survey, channel=channel, user=user, forum=forum, invitation=invitation,
                         entered_by=entered_by, held=held, now=now)  # fmt: skip
    by_pk = {q.pk: q for q in questions}
    area = next((v.area for pk, v in kept.items() if by_pk[pk].kind == QuestionKind.AREA), None)
    response.area_id = area
    response.save()
    if survey.anonymity == Anonymity.PSEUDONYMOUS:
        SurveyPseudonymKey.objects.create(
            survey=survey, respondent_code=response.respondent_code, forum=forum,
            user=user if channel not in STAFF_CHANNELS else None, invitation=invitation,
        )  # fmt: skip
    SurveyAnswer.objects.bulk_create(
        [row for pk, value in kept.items() for row in _answers(response, by_pk[pk], value)]
    )
    survey_lock(survey=survey, now=now)
    if survey.status == SurveyStatus.CLOSED:
        tallies_refresh(survey=survey)  # a paper answer entered after closing counts too
    return response


# The answer pages' helpers: the invitation behind a personal link, and the repeated
# answers from one address, which are held for a look rather than silently counted.
REPEAT_SECONDS = 10 * 60


def invitation_token_hash(token: str) -> str:
    """What `SurveyInvitation.token_hash` stores: the token's SHA-256, never the token."""
    return hashlib.sha256(token.encode()).hexdigest()


def invitation_for_token(token: str):
    """The invitation of a personal link (with its survey), or None."""
    if not token or len(token) > 200:
        return None
    return (
        SurveyInvitation.objects.select_related("survey")
        .filter(token_hash=invitation_token_hash(token))
        .first()
    )


def _address_key(survey, address: str) -> str:
    """A keyed hash of the client's address: the address itself is never kept."""
    message = f"survey-address:{survey.pk}:{address}".encode()
    digest = hmac.new(settings.SECRET_KEY.encode(), message, hashlib.sha256).hexdigest()
    return f"survey-answered:{digest}"


def address_answered_recently(survey, address: str, now=None) -> bool:
    """Whether an answer to this survey came from this address in the last ten minutes
    (then the next one is stored with `held=True`). The time is kept in the shared cache
    beside the hash, so the test clock decides, not the cache's own expiry."""
    now = now or timezone.now()
    seen = cache.get(_address_key(survey, address)) if address else None
    return seen is not None and now.timestamp() - seen < REPEAT_SECONDS


def address_remember(survey, address: str, now=None) -> None:
    if address:
        now = now or timezone.now()
        cache.set(_address_key(survey, address), now.timestamp(), timeout=REPEAT_SECONDS)
