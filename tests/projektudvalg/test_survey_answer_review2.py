"""The review's findings on the answer pages: hostile input gives no 500, each invitee has
their own rate limit, and a browser that answered by invitation has no second answer by
the open link."""

import datetime
import hashlib

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse

from lokalfora.models import Forum
from projektudvalg.models import (
    QuestionKind,
    ResponseChannel,
    Survey,
    SurveyInvitation,
    SurveyParticipation,
    SurveyQuestion,
    SurveyResponse,
    SurveyStatus,
)
from projektudvalg.services import survey_responses as responses
from projektudvalg.survey_logic import Value
from projektudvalg.views import survey_answer
from tests.factories import make_user
from tests.projektudvalg.survey_answer_helpers import (
    answer_all,
    field,
    option,
    page_url,
    paged_survey,
    q,
    tollose,
)
from tests.projektudvalg.survey_helpers import DURING, OPENS

pytestmark = pytest.mark.django_db


@pytest.fixture
def survey(reference_data, clock):
    clock.set(DURING)
    return paged_survey()


def _invite(survey, token):
    return SurveyInvitation.objects.create(
        survey=survey,
        email=f"{token}@example.org",
        token_hash=hashlib.sha256(token.encode()).hexdigest(),
    )


def _first(survey):
    return {field(survey, "Bruger du stien?"): option(survey, "Bruger du stien?", "Ja")}


@pytest.mark.parametrize(
    "data",
    [
        {"action": ["next", "send"]},
        {"action": "send", "website": ["", "x"]},
        {"action": "nonsense"},
        {"qx": "1", "q": "2"},
        {"action": "back"},
    ],
)
def test_hostile_posts_are_no_500(client, survey, data):
    response = client.post(page_url(survey, 1), _first(survey) | data)
    assert response.status_code < 500


@pytest.mark.parametrize("page", [0, 2, 3, 99, 10**12])
@pytest.mark.parametrize("method", ["get", "head", "post"])
def test_any_page_number_is_no_500(client, survey, page, method):
    response = getattr(client, method)(page_url(survey, page))
    assert response.status_code in (200, 302, 400, 404)


def test_a_tampered_session_is_no_500(client, survey):
    client.get(page_url(survey))
    session = client.session
    for broken in ("x", [1], {str(survey.pk): "x"}, {str(survey.pk): {"answers": [1]}},
                   {str(survey.pk): {"answers": {"x": 1, "5": {"rows": [1]}}, "invitation": "x",
                                     "forum": []}}):  # fmt: skip
        session["surveys"] = broken
        session.save()
        for url in (page_url(survey), page_url(survey, 2), survey.get_absolute_url()):
            assert client.get(url).status_code < 500, broken
        assert client.post(page_url(survey, 1), _first(survey)).status_code < 500, broken


def _by_invitation(survey, token):
    browser = Client()
    response = browser.get(reverse("projektudvalg:survey-invitation", kwargs={"token": token}))
    assert response.status_code == 302
    return browser


def test_each_invitee_has_their_own_limit(survey, monkeypatch):
    survey.audience_public, survey.audience_invited = False, True
    survey.save()
    _invite(survey, "erste-token-aaa"), _invite(survey, "anden-token-bbb")
    monkeypatch.setattr(survey_answer, "LIMIT_PER_BROWSER", 2)
    first = _by_invitation(survey, "erste-token-aaa")
    for _ in range(2):
        first.post(page_url(survey, 1), _first(survey) | {"action": "next"})
    assert first.post(page_url(survey, 1), _first(survey)).status_code == 429
    second = _by_invitation(survey, "anden-token-bbb")
    assert second.post(page_url(survey, 1), _first(survey)).status_code == 302


def test_a_browser_that_answered_by_invitation_has_no_second_answer_by_the_link(survey):
    survey.audience_invited = True  # and the open link
    survey.save()
    _invite(survey, "tredje-token-ccc")
    browser = _by_invitation(survey, "tredje-token-ccc")
    assert answer_all(browser, survey).status_code == 302
    again = browser.get(page_url(survey))
    assert "Du har allerede svaret" in again.text
    refused = browser.post(page_url(survey, 1), _first(survey) | {"action": "next"})
    assert refused.status_code == 403
    assert SurveyResponse.objects.count() == 1


def test_an_answer_by_the_link_then_signing_in_gives_no_second_answer(client, survey):
    survey.audience_signed_in = True  # and the open link
    survey.save()
    assert answer_all(client, survey).status_code == 302
    client.force_login(make_user("borger@example.org"))  # the same browser's session
    assert "Du har allerede svaret" in client.get(page_url(survey)).text
    assert SurveyResponse.objects.count() == 1


def test_a_signed_in_answer_marks_the_browser_for_the_link(client, survey):
    survey.audience_signed_in = True
    survey.save()
    user = make_user("borger@example.org")
    client.force_login(user)
    assert answer_all(client, survey).status_code == 302
    assert SurveyParticipation.objects.filter(user=user).count() == 1
    assert SurveyParticipation.objects.filter(way="session").count() == 1
    response = client.post(reverse("account_logout"))
    assert response.status_code == 302
    # Signed out, the session (and its token) is gone: a new browser session may answer.
    assert answer_all(client, survey).status_code == 302


def test_a_draft_is_not_kept_once_the_survey_has_closed(client, survey):
    client.post(page_url(survey, 1), _first(survey) | {"action": "next"})
    assert client.session["surveys"][str(survey.pk)]["answers"]
    Survey.objects.filter(pk=survey.pk).update(status=SurveyStatus.CLOSED)
    assert client.get(page_url(survey, 2)).status_code == 200
    assert "answers" not in client.session.get("surveys", {}).get(str(survey.pk), {})


def test_only_an_editor_of_the_forum_answers_for_it_whichever_door(survey):
    survey.audience_forums = True
    survey.save()
    forum = Forum.objects.get(area__slug="tollose")
    citizen = make_user("borger@example.org")
    nej = int(option(survey, "Bruger du stien?", "Nej"))
    values = {
        q(survey, "Bruger du stien?").pk: Value(options=(nej,)),
        q(survey, "Hvor bor du?").pk: Value(area=forum.area_id),
    }
    with pytest.raises(ValidationError):
        responses.response_store(
            survey=survey, values=values, channel=ResponseChannel.FORUM, user=citizen, forum=forum
        )
    assert not SurveyResponse.objects.exists()


def test_a_draft_answer_the_edited_survey_cannot_hold_is_asked_again(client, survey):
    client.post(page_url(survey, 1), _first(survey) | {"action": "next"})
    session = client.session
    draft = session["surveys"][str(survey.pk)]["answers"]
    uses = str(q(survey, "Bruger du stien?").pk)
    draft[uses]["options"] = [999_999]  # its option since deleted
    draft["424242"] = {"text": "a question since deleted"}
    session.save()
    last = {field(survey, "Hvor bor du?"): tollose(), "action": "send"}
    response = client.post(page_url(survey, 2), last)
    assert response.status_code == 400
    assert "Besvar også disse spørgsmål: Bruger du stien?" in response.text  # where to go
    assert not SurveyResponse.objects.exists()
    page_one = client.get(page_url(survey, 1))
    assert "999999" not in page_one.text
    assert answer_all(client, survey, uses="Nej").status_code == 302
    assert SurveyResponse.objects.count() == 1


def _send_queries(client, survey, extra):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for n in range(extra):
        SurveyQuestion.objects.create(
            survey=survey, position=100 + n, kind=QuestionKind.SHORT_TEXT, text=f"Tekst {n}"
        )
    texts = {
        f"q{pk}": "svar"
        for pk in survey.questions.filter(position__gte=100).values_list("pk", flat=True)
    }
    client.post(page_url(survey, 1), _first(survey) | {"action": "next"})
    client.post(page_url(survey, 2), {field(survey, "Hvor tit?"): "4", "action": "next"})
    last = {field(survey, "Hvor bor du?"): tollose(), "action": "send"} | texts
    with CaptureQueriesContext(connection) as queries:
        response = client.post(page_url(survey, 3), last)
    assert response.status_code == 302, response.text[:3000]
    return len(queries)


def test_sending_takes_the_same_queries_for_many_answers(reference_data, clock):
    clock.set(DURING)
    few = _send_queries(Client(), paged_survey(), 2)
    many = _send_queries(Client(), paged_survey(title="Mange"), 30)
    print("send queries:", few, many)
    assert few == many


def test_an_invitation_used_before_the_survey_opens_still_works_when_it_opens(
    reference_data, clock
):
    before = OPENS - datetime.timedelta(days=1)
    clock.set(before)
    survey = paged_survey(opened=before, audience_public=False, audience_invited=True)
    _invite(survey, "fjerde-token-ddd")
    browser = _by_invitation(survey, "fjerde-token-ddd")
    assert "Du kan ikke svare her" not in browser.get(page_url(survey)).text
    clock.set(DURING)
    assert "Side 1 af" in browser.get(page_url(survey)).text
