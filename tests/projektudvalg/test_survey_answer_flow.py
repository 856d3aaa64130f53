"""Answering a survey page by page, without JavaScript: conditions across pages, the draft
in the session, forged and missing answers as Danish errors, one answer per browser, the
honeypot, the rate limit, repeated answers from one address held, and the invitation link."""

import hashlib
import re

import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from projektudvalg.models import (
    ConditionKind,
    QuestionKind,
    ResponseChannel,
    ReviewState,
    SurveyAnswer,
    SurveyCondition,
    SurveyInvitation,
    SurveyParticipation,
    SurveyQuestion,
    SurveyResponse,
)
from projektudvalg.views import survey_answer
from tests.factories import login, make_user
from tests.projektudvalg.survey_answer_helpers import (
    answer_all,
    field,
    option,
    page_url,
    paged_survey,
    q,
    tollose,
)
from tests.projektudvalg.survey_helpers import CLOSES, DURING

pytestmark = pytest.mark.django_db


@pytest.fixture
def survey(reference_data, clock):
    clock.set(DURING)
    return paged_survey()


def _first(survey, answer="Ja"):
    return {field(survey, "Bruger du stien?"): option(survey, "Bruger du stien?", answer)}


def test_the_whole_answer_across_three_pages(client, survey):
    response = client.get(page_url(survey))
    assert response.status_code == 200
    assert "Side 1 af 2" in response.text  # "Hvor tit?" waits for a Ja
    assert "Hvor tit?" not in response.text
    assert "private" in response["Cache-Control"]
    response = client.post(page_url(survey, 1), _first(survey) | {"action": "next"})
    assert response.url == page_url(survey, 2)
    page = client.get(response.url)
    assert "Side 2 af 3" in page.text
    assert "Hvor tit?" in page.text
    assert "1 – Sjældent" in page.text
    assert "5 – Dagligt" in page.text
    response = answer_all(client, survey)
    assert response.url == reverse("projektudvalg:survey-thanks", kwargs={"pk": survey.pk})
    stored = SurveyResponse.objects.get()
    assert stored.channel == ResponseChannel.ONLINE  # anonymous: not which way it came
    assert stored.area.slug == "tollose"
    often = SurveyAnswer.objects.get(question=q(survey, "Hvor tit?"))
    assert often.number == 4
    assert survey_answer.session.SURVEYS not in client.session or not client.session[
        survey_answer.session.SURVEYS
    ].get(str(survey.pk))
    assert "answer" not in response.url
    assert "svar" not in response.url


def test_nej_skips_the_second_page_and_its_answers_posted_anyway_are_discarded(client, survey):
    sneaked = {field(survey, "Hvor tit?"): "5"}
    response = client.post(
        page_url(survey, 1), _first(survey, "Nej") | sneaked | {"action": "next"}
    )
    assert response.url == page_url(survey, 2)
    page = client.get(response.url)
    assert "Side 2 af 2" in page.text
    assert "Hvor bor du?" in page.text
    assert "Hvor tit?" not in page.text
    response = client.post(
        page_url(survey, 2), {field(survey, "Hvor bor du?"): tollose(), **sneaked, "action": "send"}
    )
    assert response.status_code == 302
    assert not SurveyAnswer.objects.filter(question=q(survey, "Hvor tit?")).exists()
    assert SurveyResponse.objects.count() == 1


def test_a_changed_answer_hides_the_page_and_drops_what_was_answered_there(client, survey):
    answer_page_two = {field(survey, "Hvor tit?"): "2", "action": "next"}
    client.post(page_url(survey, 1), _first(survey) | {"action": "next"})
    client.post(page_url(survey, 2), answer_page_two)
    client.post(page_url(survey, 1), _first(survey, "Nej") | {"action": "next"})
    response = client.post(
        page_url(survey, 2), {field(survey, "Hvor bor du?"): tollose(), "action": "send"}
    )
    assert response.status_code == 302
    assert not SurveyAnswer.objects.filter(question=q(survey, "Hvor tit?")).exists()


@pytest.mark.parametrize(
    "forged",
    [
        {"Bruger du stien?": "999999"},
        {"Bruger du stien?": "abc"},
        {"Bruger du stien?": "1.5"},
    ],
)
def test_forged_option_ids_are_danish_errors(client, survey, forged):
    data = {field(survey, text): value for text, value in forged.items()}
    response = client.post(page_url(survey, 1), data | {"action": "next"})
    assert response.status_code == 400
    assert "Vælg en af svarmulighederne." in response.text or "Besvar spørgsmålet." in response.text
    assert "Der er fejl i formularen" in response.text


def test_another_questions_option_and_too_many_choices_are_refused(client, survey):
    client.post(page_url(survey, 1), _first(survey) | {"action": "next"})
    what = "Hvad bruger du den til?"
    foreign = option(survey, "Bruger du stien?", "Ja")
    response = client.post(
        page_url(survey, 2), {field(survey, "Hvor tit?"): "3", field(survey, what): [foreign]}
    )
    assert response.status_code == 400
    assert "Vælg en af svarmulighederne." in response.text
    all_three = [option(survey, what, label) for label in ("Gåtur", "Cykel", "Andet")]
    response = client.post(
        page_url(survey, 2), {field(survey, "Hvor tit?"): "3", field(survey, what): all_three}
    )
    assert "Vælg højst 2 svarmuligheder." in response.text
    response = client.post(
        page_url(survey, 2),
        {field(survey, "Hvor tit?"): "9", f"{field(survey, what)}_andet": "Løb"},
    )
    assert "Vælg en af svarmulighederne." in response.text  # 9 is not on the scale
    assert "Vælg “andet”, hvis du vil skrive dit eget svar." in response.text
    assert 'value="Løb"' in response.text  # what was typed stays
    assert not SurveyResponse.objects.exists()


def test_a_required_question_left_empty_is_an_error_beside_it(client, survey):
    response = client.post(page_url(survey, 1), {"action": "next"})
    assert response.status_code == 400
    assert "Besvar spørgsmålet." in response.text
    assert 'href="#id_' in response.text  # the error summary links to the field


def test_the_draft_is_kept_between_pages_and_going_back(client, survey):
    client.post(page_url(survey, 1), _first(survey) | {"action": "next"})
    client.post(page_url(survey, 2), {field(survey, "Hvor tit?"): "5", "action": "back"})
    page_one = client.get(page_url(survey, 1))
    ja = option(survey, "Bruger du stien?", "Ja")
    assert re.search(rf'value="{ja}"[^>]*checked', page_one.text)
    page_two = client.get(page_url(survey, 2))
    assert re.search(r'value="5"[^>]*checked', page_two.text)
    draft = client.session["surveys"][str(survey.pk)]["answers"]
    assert draft[str(q(survey, "Hvor tit?").pk)]["number"] == 5


def test_one_answer_per_browser_session(client, survey):
    assert answer_all(client, survey).status_code == 302
    again = client.get(page_url(survey))
    assert again.status_code == 200
    assert "Du har allerede svaret" in again.text
    refused = client.post(page_url(survey, 1), _first(survey) | {"action": "next"})
    assert refused.status_code == 403
    assert "ét svar pr. browser" in refused.text
    assert SurveyResponse.objects.count() == 1
    detail = client.get(survey.get_absolute_url())
    assert "Der er allerede svaret på undersøgelsen herfra." in detail.text


def test_the_honeypot_drops_the_answer_quietly(client, survey):
    response = client.post(
        page_url(survey, 1), _first(survey) | {"website": "http://spam.example", "action": "next"}
    )
    assert response.url == reverse("projektudvalg:survey-thanks", kwargs={"pk": survey.pk})
    assert not SurveyResponse.objects.exists()
    assert not client.session.get("surveys", {}).get(str(survey.pk))


def test_too_many_posts_are_refused_in_danish(client, survey, monkeypatch):
    monkeypatch.setattr(survey_answer, "LIMIT_PER_BROWSER", 2)
    for _ in range(2):
        client.post(page_url(survey, 1), _first(survey) | {"action": "next"})
    refused = client.post(page_url(survey, 1), _first(survey) | {"action": "next"})
    assert refused.status_code == 429
    assert "Der er sendt for mange svar herfra. Prøv igen om en time." in refused.text


def test_a_second_answer_from_one_address_within_ten_minutes_is_held(survey, clock):
    first, second, third = (Client(REMOTE_ADDR="10.0.0.7") for _ in range(3))
    elsewhere = Client(REMOTE_ADDR="10.0.0.8")
    answer_all(first, survey)
    answer_all(elsewhere, survey)
    clock.shift(minutes=9)
    answer_all(second, survey)
    clock.shift(minutes=11)
    answer_all(third, survey)
    reviews = list(SurveyResponse.objects.values_list("review", flat=True))
    assert sorted(reviews) == sorted([ReviewState.COUNTED] * 3 + [ReviewState.HELD])
    if hasattr(cache, "_cache"):  # the tests' locmem cache: its keys and pickled values
        kept = list(cache._cache.items())
        assert kept
        assert "10.0.0.7" not in repr(kept)  # a keyed hash of the address, never the address
    thanks = second.get(reverse("projektudvalg:survey-thanks", kwargs={"pk": survey.pk}))
    assert "Tak! Vi læser alle svar." in thanks.text  # the visitor sees nothing different


def test_the_invitation_link_puts_the_invitation_in_the_session(client, survey):
    token = "hemmelig-token-123"
    invitation = SurveyInvitation.objects.create(
        survey=survey,
        email="inviteret@example.org",
        token_hash=hashlib.sha256(token.encode()).hexdigest(),
    )
    survey.audience_public = False  # only the invitation opens this one
    survey.audience_invited = True
    survey.save()
    url = reverse("projektudvalg:survey-invitation", kwargs={"token": token})
    response = client.get(url)
    assert response.status_code == 302
    assert response.url == page_url(survey)
    assert token not in response.url
    assert "no-store" in response["Cache-Control"] or "no-cache" in response["Cache-Control"]
    page = client.get(response.url)
    assert token not in page.text
    final = answer_all(client, survey)
    assert token not in final.url
    invitation.refresh_from_db()
    assert invitation.completed
    stored = SurveyResponse.objects.get()
    assert stored.invitation_id is None  # anonymous: the invitation only records "used"
    again = client.get(url)
    assert again.status_code == 302  # no page at the token's address: its links would carry it
    assert again["Referrer-Policy"] == "no-referrer"
    assert "Du har allerede svaret" in client.get(again.url).text
    assert (
        client.get(reverse("projektudvalg:survey-invitation", kwargs={"token": "x"})).status_code
        == 404
    )


def test_an_invitation_only_survey_without_the_link_says_so(client, survey):
    survey.audience_public = False
    survey.audience_invited = True
    survey.save()
    response = client.get(page_url(survey))
    assert response.status_code == 200
    assert "Brug det personlige link i din invitation." in response.text


def test_signed_in_only_asks_to_log_in_and_identified_stores_the_name(
    client, reference_data, clock
):
    clock.set(DURING)
    survey = paged_survey(audience_public=False, audience_signed_in=True, anonymity="identified")
    response = client.get(page_url(survey))
    assert response.status_code == 302
    assert response.url.startswith("/konto/login/")
    user = make_user("svarer@example.org")
    login(client, user)
    first = client.get(page_url(survey, 1))
    assert "Dit navn gemmes med svarene" in first.text  # told before starting
    answer_all(client, survey)
    stored = SurveyResponse.objects.get()
    assert stored.user == user
    assert stored.channel == ResponseChannel.SIGNED_IN
    assert SurveyParticipation.objects.filter(survey=survey, user=user).exists()
    assert "Du har allerede svaret" in client.get(page_url(survey)).text


def test_a_closed_survey_says_so_and_stores_nothing(client, survey, clock):
    client.post(page_url(survey, 1), _first(survey) | {"action": "next"})
    clock.set(CLOSES)
    page = client.get(page_url(survey, 2))
    assert "Undersøgelsen tager ikke imod svar" in page.text
    refused = client.post(page_url(survey, 2), {field(survey, "Hvor bor du?"): tollose()})
    assert refused.status_code == 403
    assert not SurveyResponse.objects.exists()


def test_a_page_beyond_the_last_goes_to_the_last(client, survey):
    response = client.get(page_url(survey, 9))
    assert response.url == page_url(survey, 2)
    assert client.get(page_url(survey, 0)).status_code == 404


def test_a_condition_on_the_same_page_shows_its_question_on_that_page(client, survey):
    uses = q(survey, "Bruger du stien?")
    why = SurveyQuestion.objects.create(
        survey=survey, position=1, kind=QuestionKind.SHORT_TEXT, text="Hvorfor?"
    )
    uses.position = 0
    uses.save()
    SurveyCondition.objects.create(
        question=why, depends_on=uses, kind=ConditionKind.EQUALS,
        option=uses.options.get(label="Ja"),
    )  # fmt: skip
    assert "Hvorfor?" not in client.get(page_url(survey, 1)).text
    response = client.post(page_url(survey, 1), _first(survey) | {"action": "next"}, follow=True)
    assert response.redirect_chain[-1][0] == page_url(survey, 1)
    assert "Dit svar gav flere spørgsmål på siden." in response.text
    assert "Hvorfor?" in response.text
    why_answer = {field(survey, "Hvorfor?"): "Hunden", "action": "next"}
    response = client.post(page_url(survey, 1), _first(survey) | why_answer)
    assert response.url == page_url(survey, 2)
