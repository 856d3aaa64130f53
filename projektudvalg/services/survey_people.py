"""The people behind a survey's answers, and a forum's proposal of a survey.

- `response_review`: staff count or discard an answer held for a look (repeated answers
  from one address, services.survey_responses); after closing the counts are stored again.
  Once the results are published an answer can only be discarded, not counted.
- `pseudonym_lookup`: the one way from a pseudonymous respondent code to a person or a
  forum. It needs a reason, and every look-up (found or not) is logged with who asked,
  the code and the reason; never the name or the address found.
- `survey_propose`, `survey_approve`, `survey_reject`: a forum editor proposes a survey for
  the forum's area; staff approve it (a draft they build) or reject it with a reason. The
  forum's description of the questions it wants is kept in `intro`, which staff rewrite
  into the respondents' introduction when they build the survey.
"""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lokalfora.models import Forum
from projektudvalg import survey_mails
from projektudvalg.models import (
    Anonymity,
    ReviewState,
    Survey,
    SurveyEvent,
    SurveyEventKind,
    SurveyPseudonymKey,
    SurveyResponse,
    SurveyStatus,
)
from projektudvalg.services.survey_tallies import tallies_refresh

MIN_REASON = 10
WAITING_PROPOSALS = 5  # proposals of one forum waiting for an answer at once
RETENTION = datetime.timedelta(days=365)  # the proposal's retention date; staff change it
AFTER_CLOSING = (SurveyStatus.CLOSED, SurveyStatus.PUBLISHED, SurveyStatus.ARCHIVED)
REVIEW_NOTES = {
    ReviewState.COUNTED: "1 tilbageholdt svar talt med",
    ReviewState.DISCARDED: "1 tilbageholdt svar kasseret",
}


def _log(survey, kind, by, note="") -> None:
    SurveyEvent.objects.create(survey=survey, kind=kind, by=by, note=note[:500])


@transaction.atomic
def response_review(*, survey: Survey, response: SurveyResponse, state: str, by) -> None:
    """A held answer is counted or discarded; refused for another survey's answer, for one
    already reviewed, after the answers' deletion, and (counting) once published."""
    if state not in REVIEW_NOTES:
        raise ValidationError(_("Vælg, om svaret skal tælles med eller kasseres."))
    survey = Survey.objects.select_for_update().get(pk=survey.pk)
    locked = SurveyResponse.objects.select_for_update().filter(pk=response.pk).first()
    if locked is None or locked.survey_id != survey.pk:
        raise ValidationError(_("Svaret hører ikke til undersøgelsen."))
    if survey.answers_deleted_at is not None:
        raise ValidationError(_("Svarene er slettet."))
    if locked.review != ReviewState.HELD:
        raise ValidationError(_("Svaret er allerede gennemset."))
    if state == ReviewState.COUNTED and survey.results_are_public:
        # The published numbers stay as published: one answer more would show, by the
        # difference, what that one respondent answered (and where from).
        raise ValidationError(_("Resultaterne er offentliggjort, så svaret kan ikke tælles med."))
    locked.review = state
    locked.save(update_fields=["review"])
    if survey.status in AFTER_CLOSING:
        tallies_refresh(survey=survey)
    _log(survey, SurveyEventKind.CHANGED, by, REVIEW_NOTES[state])


@transaction.atomic
def pseudonym_lookup(*, survey: Survey, code: str, reason: str, by) -> SurveyPseudonymKey | None:
    """The key behind a respondent code (with its user, forum or invitation), or None; every
    look-up is logged."""
    if survey.anonymity != Anonymity.PSEUDONYMOUS:
        raise ValidationError(_("Undersøgelsen er ikke pseudonym, så der er ingen nøgler."))
    reason = " ".join((reason or "").split())
    if len(reason) < MIN_REASON:
        raise ValidationError(
            {"reason": _("Skriv, hvorfor du slår koden op (mindst %(min)s tegn).")
             % {"min": MIN_REASON}}
        )  # fmt: skip
    code = (code or "").strip().upper()
    if not code:
        raise ValidationError({"code": _("Skriv respondent-id'et, fx R-1A2B3C4D5E6F.")})
    _log(survey, SurveyEventKind.KEY_LOOKUP, by, f"Kode {code[:16]}. Begrundelse: {reason}")
    return (
        SurveyPseudonymKey.objects.filter(survey=survey, respondent_code=code)
        .select_related("user", "forum", "invitation")
        .first()
    )


@transaction.atomic
def survey_propose(*, forum, data: dict, by) -> Survey:
    """A proposal for the forum's area: `data` holds title, purpose and intro (the questions
    the forum wants, in its own words). Anonymous, open link; staff change the rest. The
    forum's row is locked, so two proposals at once cannot both pass the limit."""
    Forum.objects.select_for_update().filter(pk=forum.pk).first()
    waiting = Survey.objects.filter(proposed_by_forum=forum, status=SurveyStatus.PROPOSED)
    if waiting.count() >= WAITING_PROPOSALS:
        raise ValidationError(
            _("Lokalforummet har %(count)s forslag, der venter på svar. Vent på svaret.")
            % {"count": WAITING_PROPOSALS}
        )
    survey = Survey(
        title=data["title"], purpose=data["purpose"], intro=data.get("intro", ""),
        status=SurveyStatus.PROPOSED, proposed_by_forum=forum, anonymity=Anonymity.ANONYMOUS,
        retention_until=timezone.localdate() + RETENTION, created_by=by,
    )  # fmt: skip
    survey.full_clean(exclude=["created_by"])
    survey.save()
    survey.areas.set([forum.area])
    _log(survey, SurveyEventKind.PROPOSED, by)
    survey_mails.proposal_received(survey=survey)
    return survey


@transaction.atomic
def survey_approve(*, survey: Survey, by) -> Survey:
    """The proposal becomes a draft staff build; the forum's editors are told."""
    survey = _locked_proposal(survey)
    survey.status = SurveyStatus.DRAFT
    survey.save(update_fields=["status", "updated_at"])
    _log(survey, SurveyEventKind.APPROVED, by)
    survey_mails.proposal_decided(survey=survey)
    return survey


@transaction.atomic
def survey_reject(*, survey: Survey, reason: str, by) -> Survey:
    """Rejected with a reason the forum's editors read (in their mail and on their page)."""
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("Skriv, hvorfor forslaget er afvist.")})
    survey = _locked_proposal(survey)
    survey.status, survey.rejection_reason = SurveyStatus.REJECTED, reason
    survey.full_clean(exclude=["created_by"])
    survey.save(update_fields=["status", "rejection_reason", "updated_at"])
    _log(survey, SurveyEventKind.REJECTED, by)
    survey_mails.proposal_decided(survey=survey)
    return survey


def _locked_proposal(survey) -> Survey:
    locked = (
        Survey.objects.select_for_update(of=("self",))
        .select_related("proposed_by_forum__area")
        .get(pk=survey.pk)
    )
    if locked.status != SurveyStatus.PROPOSED:
        raise ValidationError(_("Forslaget er allerede afgjort."))
    return locked
