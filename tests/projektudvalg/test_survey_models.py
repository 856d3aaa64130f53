"""The survey tables' database constraints: what each anonymity mode may store on a
response, a survey's status and audience rules, conditions, participations, invitations
and options. Every refusal names the constraint that must refuse it."""

import datetime
import uuid

import pytest
from django.db import IntegrityError, transaction

from lokalfora.models import Forum
from projektudvalg.models import (
    ConditionKind,
    QuestionKind,
    Survey,
    SurveyCondition,
    SurveyInvitation,
    SurveyKind,
    SurveyOption,
    SurveyParticipation,
    SurveyQuestion,
    SurveyResponse,
    SurveyStatus,
)
from tests.factories import make_user

pytestmark = pytest.mark.django_db

DAY = datetime.date(2027, 6, 1)
OPENS = datetime.datetime(2027, 5, 1, 8, 0, tzinfo=datetime.UTC)
CLOSES = datetime.datetime(2027, 5, 15, 20, 0, tzinfo=datetime.UTC)


def make_survey(**fields):
    defaults = {"title": "Trafik i byen", "purpose": "At høre borgerne.", "retention_until": DAY}
    return Survey.objects.create(**defaults | fields)


def refused(constraint, model, **fields):
    """The database refuses the row, and it is `constraint` that refuses it."""
    with pytest.raises(IntegrityError) as error, transaction.atomic():
        model.objects.create(**fields)
    assert constraint in str(error.value)


@pytest.fixture
def survey():
    return make_survey()


@pytest.fixture
def forum(reference_data):
    return Forum.objects.get(area__slug="tollose")


@pytest.fixture
def user():
    return make_user("svarer@example.org")


def response(survey, **fields):
    return {"survey": survey, "channel": "online", "submitted_on": DAY} | fields


# SurveyResponse


ANONYMOUS = "survey_response_anonymous_holds_nothing"


def test_an_anonymous_response_holds_no_user_invitation_or_forum(survey, user, forum):
    invitation = SurveyInvitation.objects.create(
        survey=survey, email="a@example.org", token_hash="a" * 64
    )
    for field in ({"user": user}, {"invitation": invitation}, {"forum": forum}):
        refused(ANONYMOUS, SurveyResponse, **response(survey, anonymity="anonymous", **field))
    assert not SurveyResponse.objects.exists()


def test_an_anonymous_response_holds_no_time_and_no_code(survey):
    at = datetime.datetime(2027, 5, 3, 14, 37, tzinfo=datetime.UTC)
    refused(ANONYMOUS, SurveyResponse, **response(survey, anonymity="anonymous", submitted_at=at))
    refused(
        ANONYMOUS, SurveyResponse, **response(survey, anonymity="anonymous", respondent_code="K1")
    )
    assert not SurveyResponse.objects.exists()


def test_a_clean_anonymous_response_is_stored_with_nothing_about_the_respondent(survey):
    SurveyResponse.objects.create(**response(survey, anonymity="anonymous"))
    (row,) = SurveyResponse.objects.values()
    assert isinstance(row["id"], uuid.UUID)
    assert row["survey_id"] == survey.pk
    assert row["submitted_on"] == DAY
    assert (row["user_id"], row["invitation_id"], row["forum_id"], row["submitted_at"]) == (
        None,
        None,
        None,
        None,
    )
    assert row["respondent_code"] == ""


def test_two_responses_get_different_random_keys(survey):
    first = SurveyResponse.objects.create(**response(survey, anonymity="anonymous"))
    second = SurveyResponse.objects.create(**response(survey, anonymity="anonymous"))
    assert first.pk != second.pk
    assert first.pk.version == 4


PSEUDONYM = "survey_response_pseudonym_has_code_only"


def test_a_pseudonymous_response_needs_a_code_and_no_user(survey, user):
    refused(PSEUDONYM, SurveyResponse, **response(survey, anonymity="pseudonymous"))
    refused(
        PSEUDONYM,
        SurveyResponse,
        **response(survey, anonymity="pseudonymous", respondent_code="K1", user=user),
    )
    SurveyResponse.objects.create(
        **response(survey, anonymity="pseudonymous", respondent_code="K1")
    )
    assert list(SurveyResponse.objects.values_list("respondent_code", "user_id")) == [("K1", None)]


def test_a_respondent_code_is_unique_in_a_survey(survey):
    SurveyResponse.objects.create(
        **response(survey, anonymity="pseudonymous", respondent_code="K1")
    )
    refused(
        "survey_response_code_unique",
        SurveyResponse,
        **response(survey, anonymity="pseudonymous", respondent_code="K1"),
    )


def test_an_identified_response_may_hold_the_user(survey, user):
    SurveyResponse.objects.create(**response(survey, anonymity="identified", user=user))
    assert SurveyResponse.objects.get().user == user


@pytest.mark.parametrize("channel", ["paper", "phone"])
def test_a_paper_or_phone_response_needs_the_staff_who_entered_it(survey, user, channel):
    refused(
        "survey_response_staff_entry_has_staff",
        SurveyResponse,
        **response(survey, anonymity="anonymous", channel=channel),
    )
    entered = SurveyResponse.objects.create(
        **response(survey, anonymity="anonymous", channel=channel, entered_by=user)
    )
    assert entered.entered_by_staff


# Survey


def test_a_survey_must_close_after_it_opens():
    refused(
        "survey_closes_after_opening",
        Survey,
        title="T",
        purpose="P",
        retention_until=DAY,
        opens_at=CLOSES,
        closes_at=OPENS,
    )
    refused(
        "survey_closes_after_opening",
        Survey,
        title="T",
        purpose="P",
        retention_until=DAY,
        opens_at=OPENS,
        closes_at=OPENS,
    )


OPEN = "survey_open_has_times_and_notice"


def test_an_open_survey_needs_the_notice_and_both_times():
    base = {"title": "T", "purpose": "P", "retention_until": DAY, "status": SurveyStatus.OPEN}
    refused(OPEN, Survey, **base, opens_at=OPENS, closes_at=CLOSES)
    refused(OPEN, Survey, **base, controller_notice="Kommunen er dataansvarlig.", opens_at=OPENS)
    refused(OPEN, Survey, **base, controller_notice="Kommunen er dataansvarlig.", closes_at=CLOSES)
    make_survey(**base, controller_notice="Kommunen.", opens_at=OPENS, closes_at=CLOSES)
    assert Survey.objects.filter(status=SurveyStatus.OPEN).count() == 1


def test_an_external_survey_may_be_closed_without_times_or_notice():
    make_survey(kind=SurveyKind.EXTERNAL, status=SurveyStatus.CLOSED)
    assert Survey.objects.get().status == SurveyStatus.CLOSED


def test_a_portal_survey_needs_an_audience():
    no_one = {
        "audience_public": False,
        "audience_signed_in": False,
        "audience_invited": False,
        "audience_forums": False,
    }
    base = {"title": "T", "purpose": "P", "retention_until": DAY}
    refused("survey_has_an_audience", Survey, **base, **no_one)
    make_survey(**no_one | {"audience_forums": True})
    make_survey(**no_one, kind=SurveyKind.EXTERNAL)
    assert Survey.objects.count() == 2


def test_a_rejected_proposal_needs_a_reason(forum):
    base = {"title": "T", "purpose": "P", "retention_until": DAY, "proposed_by_forum": forum}
    refused("survey_rejection_has_reason", Survey, **base, status=SurveyStatus.REJECTED)
    make_survey(**base, status=SurveyStatus.REJECTED, rejection_reason="Findes allerede.")
    assert Survey.objects.get().rejection_reason == "Findes allerede."


def test_a_proposal_needs_the_forum_that_proposed_it(forum):
    base = {"title": "T", "purpose": "P", "retention_until": DAY, "status": SurveyStatus.PROPOSED}
    refused("survey_proposal_has_forum", Survey, **base)
    make_survey(**base, proposed_by_forum=forum)
    assert Survey.objects.get().proposed_by_forum == forum


# SurveyCondition


@pytest.fixture
def questions(survey):
    first = SurveyQuestion.objects.create(
        survey=survey, position=1, kind=QuestionKind.SINGLE, text="Bor du her?"
    )
    second = SurveyQuestion.objects.create(
        survey=survey, position=2, kind=QuestionKind.SHORT_TEXT, text="Hvor længe?"
    )
    yes = SurveyOption.objects.create(question=first, position=1, label="Ja")
    return first, second, yes


def test_a_question_cannot_depend_on_itself(questions):
    first, second, _yes = questions
    SurveyCondition.objects.create(question=second, depends_on=first, kind=ConditionKind.ANSWERED)
    refused(
        "survey_condition_not_on_itself",
        SurveyCondition,
        question=second,
        depends_on=second,
        kind=ConditionKind.ANSWERED,
    )


@pytest.mark.parametrize("kind", [ConditionKind.EQUALS, ConditionKind.NOT_EQUALS])
def test_an_equals_condition_needs_its_option(questions, kind):
    first, second, yes = questions
    refused(
        "survey_condition_equals_has_option",
        SurveyCondition,
        question=second,
        depends_on=first,
        kind=kind,
    )
    SurveyCondition.objects.create(question=second, depends_on=first, kind=kind, option=yes)
    assert second.conditions.get().option == yes


def test_a_contains_condition_needs_its_text(questions):
    first, second, _yes = questions
    refused(
        "survey_condition_contains_has_text",
        SurveyCondition,
        question=second,
        depends_on=first,
        kind=ConditionKind.CONTAINS,
    )
    SurveyCondition.objects.create(
        question=second, depends_on=first, kind=ConditionKind.CONTAINS, text="skole"
    )
    assert second.conditions.get().text == "skole"


# SurveyParticipation


def test_a_user_participates_once_per_survey(survey, user):
    SurveyParticipation.objects.create(survey=survey, way="user", user=user)
    refused(
        "survey_participation_one_per_user",
        SurveyParticipation,
        survey=survey,
        way="user",
        user=user,
    )
    SurveyParticipation.objects.create(survey=make_survey(), way="user", user=user)
    assert SurveyParticipation.objects.filter(user=user).count() == 2


def test_a_forum_participates_once_per_survey(survey, forum):
    SurveyParticipation.objects.create(survey=survey, way="forum", forum=forum)
    refused(
        "survey_participation_one_per_forum",
        SurveyParticipation,
        survey=survey,
        way="forum",
        forum=forum,
    )


def test_a_browser_session_participates_once_per_survey(survey):
    SurveyParticipation.objects.create(survey=survey, way="session", session_hash="h" * 64)
    refused(
        "survey_participation_one_per_session",
        SurveyParticipation,
        survey=survey,
        way="session",
        session_hash="h" * 64,
    )
    SurveyParticipation.objects.create(survey=survey, way="session", session_hash="i" * 64)
    assert SurveyParticipation.objects.filter(survey=survey).count() == 2


def test_a_participation_way_must_match_its_fields(survey, user, forum):
    way = "survey_participation_way_matches"
    refused(way, SurveyParticipation, survey=survey, way="user")
    refused(way, SurveyParticipation, survey=survey, way="user", user=user, forum=forum)
    refused(way, SurveyParticipation, survey=survey, way="user", user=user, session_hash="h")
    refused(way, SurveyParticipation, survey=survey, way="forum", user=user)
    refused(way, SurveyParticipation, survey=survey, way="session")
    refused(way, SurveyParticipation, survey=survey, way="session", user=user, session_hash="h")
    refused(way, SurveyParticipation, survey=survey, way="session", forum=forum, session_hash="h")
    assert not SurveyParticipation.objects.exists()


# SurveyInvitation and SurveyOption


def test_an_invitation_address_is_lower_case(survey):
    refused(
        "survey_invitation_email_lower_case",
        SurveyInvitation,
        survey=survey,
        email="Anna@Example.org",
        token_hash="a" * 64,
    )
    SurveyInvitation.objects.create(survey=survey, email="anna@example.org", token_hash="b" * 64)
    assert SurveyInvitation.objects.get().email == "anna@example.org"


def test_an_address_is_invited_once_per_survey(survey):
    SurveyInvitation.objects.create(survey=survey, email="anna@example.org", token_hash="a" * 64)
    refused(
        "survey_invitation_one_per_address",
        SurveyInvitation,
        survey=survey,
        email="anna@example.org",
        token_hash="b" * 64,
    )
    # Addresses emptied at deletion do not collide, nor does another survey.
    SurveyInvitation.objects.create(survey=survey, email="", token_hash="c" * 64)
    SurveyInvitation.objects.create(survey=survey, email="", token_hash="d" * 64)
    SurveyInvitation.objects.create(
        survey=make_survey(), email="anna@example.org", token_hash="e" * 64
    )
    assert SurveyInvitation.objects.count() == 4


def test_a_question_has_at_most_one_other_option(questions):
    first, _second, _yes = questions
    SurveyOption.objects.create(question=first, position=2, label="Andet", is_other=True)
    refused(
        "survey_option_one_other_per_question",
        SurveyOption,
        question=first,
        position=3,
        label="Noget andet",
        is_other=True,
    )
    assert first.options.filter(is_other=True).count() == 1
