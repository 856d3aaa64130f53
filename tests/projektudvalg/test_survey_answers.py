"""One door for answers (services.survey_responses.response_store) and the survey's status
steps: what each anonymity mode stores, one answer per way, the server-side conditions,
forged input refused with nothing stored, and the mode locked at the first answer."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from lokalfora.models import LocalArea
from projektudvalg.models import (
    QuestionKind,
    Survey,
    SurveyAnswer,
    SurveyInvitation,
    SurveyParticipation,
    SurveyPseudonymKey,
    SurveyResponse,
    SurveyStatus,
    SurveyTally,
)
from projektudvalg.services import surveys
from projektudvalg.services.survey_responses import response_store
from projektudvalg.survey_logic import Value
from tests.factories import make_user
from tests.projektudvalg.survey_helpers import (
    CLOSES,
    DK,
    DURING,
    OPENS,
    build_survey,
    survey_values,
)


@pytest.fixture
def survey(reference_data):
    return build_survey()


def test_an_anonymous_answer_row_holds_nothing_but_the_day(survey):
    invitation = SurveyInvitation.objects.create(
        survey=survey, email="a@example.org", token_hash="x"
    )
    response = response_store(
        survey=survey, values=survey_values(survey), channel="invitation", invitation=invitation,
        now=DURING,
    )  # fmt: skip
    row = SurveyResponse.objects.filter(pk=response.pk).values().get()
    assert row["user_id"] is None
    assert row["invitation_id"] is None
    assert row["forum_id"] is None
    assert row["submitted_at"] is None
    assert row["respondent_code"] == ""
    assert row["submitted_on"] == datetime.date(2027, 3, 10)
    assert row["channel"] == "online"  # not "invitation": which way it came could tell who
    assert set(row) == {"id", "survey_id", "anonymity", "channel", "submitted_on", "submitted_at",
                        "user_id", "invitation_id", "forum_id", "respondent_code", "area_id",
                        "review", "entered_by_id"}  # fmt: skip
    assert SurveyInvitation.objects.values_list("completed", flat=True).get() is True
    with pytest.raises(ValidationError):
        response_store(survey=survey, values=survey_values(survey), channel="invitation",
                       invitation=invitation, now=DURING)  # fmt: skip


def test_one_answer_per_forum_and_per_browser_session(survey, make_role_user):
    forum = LocalArea.objects.get(slug="tollose").forum
    editor = make_role_user("editor_this")  # the forum's answer is given by its editor
    response = response_store(survey=survey, values=survey_values(survey), channel="forum",
                              forum=forum, user=editor, now=DURING)  # fmt: skip
    assert response.forum_id is None  # anonymous: the forum is only in the participation
    assert SurveyParticipation.objects.filter(survey=survey, forum=forum).count() == 1
    with pytest.raises(ValidationError):
        response_store(survey=survey, values=survey_values(survey), channel="forum", forum=forum,
                       user=editor, now=DURING)  # fmt: skip
    response_store(survey=survey, values=survey_values(survey), channel="link", session_token="s1",
                   now=DURING)  # fmt: skip
    with pytest.raises(ValidationError):
        response_store(survey=survey, values=survey_values(survey), channel="link",
                       session_token="s1", now=DURING)  # fmt: skip
    assert SurveyResponse.objects.filter(survey=survey).count() == 2
    assert "s1" not in SurveyParticipation.objects.get(way="session").session_hash


def test_an_answer_to_a_hidden_question_is_discarded(survey):
    response = response_store(survey=survey, values=survey_values(survey, answer="Nej", often=5),
                              channel="link", session_token="s2", now=DURING)  # fmt: skip
    kinds = set(response.answers.values_list("question__kind", flat=True))
    assert kinds == {QuestionKind.SINGLE, QuestionKind.AREA}
    assert response.area.slug == "tollose"


@pytest.mark.parametrize("forge", [
    lambda uses, scale, where, nej: {uses.pk: Value(options=(999_999,))},
    lambda uses, scale, where, nej: {uses.pk: Value(options=(nej, nej))},  # a second vote
    lambda uses, scale, where, nej: {uses.pk: Value(ranks={nej: 1})},  # not its kind
    lambda uses, scale, where, nej: {scale.pk: Value(options=(nej,))},  # an option on a scale
    lambda uses, scale, where, nej: {scale.pk: Value(number=9)},
    lambda uses, scale, where, nej: {scale.pk: Value(number=2**70)},
    lambda uses, scale, where, nej: {where.pk: Value(area=999_999)},
    lambda uses, scale, where, nej: {uses.pk: Value(options=(nej,), other="x")},  # no "andet"
    lambda uses, scale, where, nej: {where.pk: Value(text="x" * 20_000)},
])  # fmt: skip
def test_forged_values_store_nothing(survey, forge):
    uses, scale, where = survey.questions.order_by("position")
    nej = uses.options.get(label="Nej").pk
    # Over a valid answer with Ja, so the scale question is shown (not just discarded).
    values = survey_values(survey) | forge(uses, scale, where, nej)
    with pytest.raises(ValidationError):
        response_store(survey=survey, values=values, channel="link", session_token="f",
                       now=DURING)  # fmt: skip
    assert SurveyResponse.objects.count() == SurveyAnswer.objects.count() == 0
    assert SurveyParticipation.objects.count() == 0


def test_only_the_ways_the_survey_opens(survey):
    other = build_survey()
    foreign = SurveyInvitation.objects.create(survey=other, email="b@example.org", token_hash="y")
    for channel, way in [("invitation", {"invitation": foreign}), ("link", {}),
                         ("signed_in", {})]:  # fmt: skip
        with pytest.raises(ValidationError):
            response_store(survey=survey, values=survey_values(survey), channel=channel,
                           now=DURING, **way)  # fmt: skip
    jyderup = LocalArea.objects.get(slug="jyderup").forum  # not one of the survey's areas
    with pytest.raises(ValidationError):
        response_store(survey=survey, values=survey_values(survey), channel="forum",
                       forum=jyderup, now=DURING)  # fmt: skip
    assert not SurveyInvitation.objects.get(pk=foreign.pk).completed
    assert SurveyResponse.objects.count() == 0


def test_the_mode_locks_at_the_first_answer(survey):
    survey.anonymity = "identified"
    surveys.survey_save(survey=survey)  # no answer yet: allowed
    survey.anonymity = "anonymous"
    surveys.survey_save(survey=survey)
    response_store(survey=survey, values=survey_values(survey), channel="link", session_token="s",
                   now=DURING)  # fmt: skip
    survey.refresh_from_db()
    assert survey.locked_at == datetime.datetime(2027, 3, 10, tzinfo=DK)  # the day only
    survey.anonymity = "identified"
    with pytest.raises(ValidationError):
        surveys.survey_save(survey=survey)
    survey.refresh_from_db()
    assert survey.anonymity == "anonymous"


def test_pseudonymous_and_identified_answers(survey):
    user = make_user("borger@example.org")
    survey.anonymity = "pseudonymous"
    surveys.survey_save(survey=survey)
    response = response_store(survey=survey, values=survey_values(survey), channel="signed_in",
                              user=user, now=DURING)  # fmt: skip
    assert response.user_id is None
    assert response.respondent_code.startswith("R-")
    key = SurveyPseudonymKey.objects.get(respondent_code=response.respondent_code)
    assert key.user == user
    identified = Survey.objects.get(pk=survey.pk)
    Survey.objects.filter(pk=survey.pk).update(anonymity="identified")
    identified.refresh_from_db()
    response = response_store(survey=identified, values=survey_values(survey),
                              channel="signed_in", user=make_user("b2@example.org"),
                              now=DURING)  # fmt: skip
    assert response.user.email == "b2@example.org"
    assert response.submitted_at == DURING


def test_opening_needs_the_notice_and_closing_stores_the_counts(survey):
    draft = surveys.survey_save(
        survey=Survey(title="Uden", purpose="x", retention_until=datetime.date(2027, 9, 1),
                      opens_at=OPENS, closes_at=CLOSES),
    )  # fmt: skip
    with pytest.raises(ValidationError, match="personoplysninger"):
        surveys.survey_open(survey=draft, now=DURING)
    assert Survey.objects.get(pk=draft.pk).status == SurveyStatus.DRAFT
    response_store(survey=survey, values=survey_values(survey), channel="link", session_token="c",
                   now=DURING)  # fmt: skip
    closed = surveys.survey_close(survey=survey, now=DURING)
    assert closed.status == SurveyStatus.CLOSED
    assert (
        SurveyTally.objects.get(survey=survey, question__isnull=True, area__isnull=True).count == 1
    )
    with pytest.raises(ValidationError):
        response_store(survey=closed, values=survey_values(survey), channel="link",
                       session_token="d", now=DURING)  # fmt: skip
