"""The retention date, enforced by the nightly task: raw answers and every link to a
person deleted on the date, the counts kept, the deletion logged."""

import datetime

import pytest

from projektudvalg.models import (
    Survey,
    SurveyEvent,
    SurveyEventKind,
    SurveyInvitation,
    SurveyParticipation,
    SurveyResponse,
    SurveyStatus,
    SurveyTally,
)
from projektudvalg.services import surveys
from projektudvalg.services.survey_responses import response_store
from projektudvalg.services.survey_retention import survey_answers_delete_due
from projektudvalg.services.survey_tallies import responses_total, stored
from tests.projektudvalg.survey_helpers import DURING, build_survey, survey_values

AFTER = DURING + datetime.timedelta(days=200)


@pytest.fixture
def answered(reference_data):
    survey = build_survey()
    invitation = SurveyInvitation.objects.create(
        survey=survey, email="a@example.org", token_hash="t"
    )
    response_store(survey=survey, values=survey_values(survey), channel="invitation",
                   invitation=invitation, now=DURING)  # fmt: skip
    for token in ("s1", "s2"):
        response_store(survey=survey, values=survey_values(survey, area="undlose"),
                       channel="link", session_token=token, now=DURING)  # fmt: skip
    return surveys.survey_close(survey=survey, now=DURING)


def test_nothing_is_deleted_before_the_date(answered):
    assert survey_answers_delete_due(today=datetime.date(2027, 8, 31), now=AFTER) == 0
    assert SurveyResponse.objects.filter(survey=answered).count() == 3


def test_on_the_date_the_answers_go_and_the_counts_stay(answered):
    counts = stored(answered)

    deleted = survey_answers_delete_due(today=datetime.date(2027, 9, 1), now=AFTER)

    assert deleted == 3
    assert not SurveyResponse.objects.filter(survey=answered).exists()
    assert not SurveyParticipation.objects.filter(survey=answered).exists()
    invitation = SurveyInvitation.objects.get(survey=answered)
    assert (invitation.email, invitation.completed) == ("", True)
    assert stored(answered) == counts
    assert responses_total(counts) == 3
    assert SurveyTally.objects.filter(survey=answered).exists()
    event = SurveyEvent.objects.get(survey=answered, kind=SurveyEventKind.ANSWERS_DELETED)
    assert event.note.startswith("3 besvarelser")
    assert "@" not in event.note
    answered.refresh_from_db()
    assert answered.answers_deleted_at == AFTER
    assert survey_answers_delete_due(today=datetime.date(2027, 9, 2), now=AFTER) == 0  # once


def test_a_survey_still_open_on_its_date_is_closed(reference_data):
    survey = build_survey()
    Survey.objects.filter(pk=survey.pk).update(retention_until=datetime.date(2027, 3, 20))
    response_store(survey=survey, values=survey_values(survey), channel="link",
                   session_token="x", now=DURING)  # fmt: skip
    now = DURING + datetime.timedelta(days=10)
    survey_answers_delete_due(today=datetime.date(2027, 3, 20), now=now)
    survey.refresh_from_db()
    assert survey.status == SurveyStatus.CLOSED
    assert survey.closes_at == now
    assert not survey.accepts_answers(now)


def test_a_planned_survey_on_its_date_is_closed_without_error(reference_data):
    survey = build_survey()
    later = DURING + datetime.timedelta(days=40)
    Survey.objects.filter(pk=survey.pk).update(
        status=SurveyStatus.SCHEDULED, opens_at=later, closes_at=later + datetime.timedelta(days=9)
    )
    Survey.objects.filter(pk=survey.pk).update(retention_until=datetime.date(2027, 3, 10))
    survey_answers_delete_due(today=datetime.date(2027, 3, 10), now=DURING)
    survey.refresh_from_db()
    assert survey.status == SurveyStatus.CLOSED
    assert survey.answers_deleted_at == DURING
    assert survey.opens_at < survey.closes_at == DURING
