"""The retention date, enforced: on `Survey.retention_until` the nightly task deletes a
survey's raw answers and everything that points at a person, and keeps the counts.

Deleted: the responses and their answers, who took part (users, forums, browser
sessions), the pseudonym keys, and the invitees' addresses and names (an invitation
keeps only whether it was used). Kept: `SurveyTally` (stored again just before, so the
published results stay what they were) and the survey's questions. A survey still open
on its retention date is closed first. Each deletion leaves a `SurveyEvent` with the
numbers deleted and no personal data.
"""

import logging

from django.db import transaction
from django.utils import timezone

from projektudvalg.models import (
    Survey,
    SurveyEvent,
    SurveyEventKind,
    SurveyInvitation,
    SurveyParticipation,
    SurveyPseudonymKey,
    SurveyResponse,
    SurveyStatus,
)
from projektudvalg.services.survey_tallies import tallies_refresh
from projektudvalg.services.surveys import closing_times

logger = logging.getLogger(__name__)


def due(today=None):
    today = today or timezone.localdate()
    return Survey.objects.filter(retention_until__lte=today, answers_deleted_at__isnull=True)


@transaction.atomic
def survey_answers_delete(*, survey: Survey, now=None) -> int:
    """Delete the survey's raw answers now; the number of responses deleted."""
    now = now or timezone.now()
    survey = Survey.objects.select_for_update().get(pk=survey.pk)
    if survey.answers_deleted_at is not None:
        return 0
    if survey.status in (SurveyStatus.SCHEDULED, SurveyStatus.OPEN):
        survey.status = SurveyStatus.CLOSED
        closing_times(survey, now)
        SurveyEvent.objects.create(survey=survey, kind=SurveyEventKind.CLOSED, at=now,
                                   note="Lukket på datoen for sletning af svarene.")  # fmt: skip
    tallies_refresh(survey=survey)
    responses = SurveyResponse.objects.filter(survey=survey)
    deleted = responses.count()
    responses.delete()
    SurveyParticipation.objects.filter(survey=survey).delete()
    SurveyPseudonymKey.objects.filter(survey=survey).delete()
    invitations = SurveyInvitation.objects.filter(survey=survey).update(email="", name="")
    survey.answers_deleted_at = now
    survey.save(
        update_fields=["status", "opens_at", "closes_at", "answers_deleted_at", "updated_at"]
    )
    SurveyEvent.objects.create(
        survey=survey,
        kind=SurveyEventKind.ANSWERS_DELETED,
        at=now,
        note=f"{deleted} besvarelser og {invitations} invitationers adresser slettet; "
        "optællingerne er gemt.",
    )
    return deleted


def survey_answers_delete_due(*, today=None, now=None) -> int:
    """The nightly task: every survey whose retention date has come; the responses deleted.
    One survey's failure is logged (its id only) and does not stop the others."""
    deleted = 0
    for survey in due(today):
        try:
            deleted += survey_answers_delete(survey=survey, now=now)
        except Exception:
            logger.exception("Survey %s: the raw answers could not be deleted", survey.pk)
    return deleted
