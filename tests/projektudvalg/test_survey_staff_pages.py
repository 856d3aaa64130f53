"""The survey staff's pages: the role matrix, forged ids, the form's Danish refusals (what
was typed stays), the lock shown, the status steps, publishing (free text unchecked,
forged ids refused), a survey run elsewhere, and constant query counts."""

import datetime
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from holbaek import roles
from lokalfora.models import LocalArea
from projektudvalg.models import (
    QuestionKind,
    Survey,
    SurveyEvent,
    SurveyInvitation,
    SurveyQuestion,
    SurveyStatus,
)
from projektudvalg.services import survey_steps as steps
from projektudvalg.services import surveys
from projektudvalg.services.survey_responses import response_store
from tests.factories import give_mfa, login, make_user
from tests.matrix import ROLE_NAMES, assert_access
from tests.projektudvalg.survey_helpers import CLOSES, DURING, OPENS, build_survey, survey_values
from tests.querycount import assert_constant_queries

pytestmark = pytest.mark.django_db

STAFF = {"committee_staff", "staff_admin", "admin"}
AFTER = CLOSES + datetime.timedelta(days=1)


@pytest.fixture
def staff(reference_data):
    return give_mfa(make_user("undersoegelser@example.org", role=roles.COMMITTEE_STAFF))


@pytest.fixture
def staff_client(client, staff):
    login(client, staff)
    return client


def closed(**changes):
    survey = build_survey()
    SurveyQuestion.objects.create(survey=survey, position=4, kind=QuestionKind.LONG_TEXT,
                                  text="Har du andre ønsker?")  # fmt: skip
    if changes:
        Survey.objects.filter(pk=survey.pk).update(**changes)
    return surveys.survey_close(survey=survey, now=DURING)


def answer(survey, token):
    return response_store(survey=survey, values=survey_values(survey), channel="link",
                          session_token=token, now=DURING)  # fmt: skip


def form_data(**changes):
    data = {
        "title": "Stier i Tølløse", "purpose": "Hvor skal stien gå?", "intro": "",
        "thank_you_text": "Tak!", "controller_notice": "Holbæk Kommune er dataansvarlig.",
        "areas": [LocalArea.objects.get(slug="tollose").pk], "audience_public": "on",
        "anonymity": "anonymous", "opens_at": "01.03.2027 09:00", "closes_at": "31.03.2027 23:59",
        "retention_until": "01.09.2027",
    } | changes  # fmt: skip
    return {key: value for key, value in data.items() if value is not None}


@pytest.mark.parametrize("role", ROLE_NAMES)
def test_the_survey_staff_pages_matrix(client_as, role, reference_data):
    editable = build_survey()
    done = closed()
    client = client_as(role)
    pages = [
        reverse("projektudvalg:survey-admin"),
        reverse("projektudvalg:survey-create"),
        reverse("projektudvalg:survey-external-create"),
        reverse("projektudvalg:survey-manage", kwargs={"pk": editable.pk}),
        reverse("projektudvalg:survey-edit", kwargs={"pk": editable.pk}),
        reverse("projektudvalg:survey-status", kwargs={"pk": editable.pk}),
        reverse("projektudvalg:survey-publish", kwargs={"pk": done.pk}),
    ]
    for url in pages:
        response = client.get(url)
        assert_access(response, role, STAFF)
        if role in STAFF:
            assert "private" in response["Cache-Control"]
    status = reverse("projektudvalg:survey-status", kwargs={"pk": editable.pk})
    response = client.post(status, {"action": "close"})
    assert_access(response, role, STAFF, ok=302)
    expected = SurveyStatus.CLOSED if role in STAFF else SurveyStatus.OPEN
    assert Survey.objects.get(pk=editable.pk).status == expected


def test_a_forged_survey_is_404(staff_client):
    for name in ("survey-manage", "survey-edit", "survey-status", "survey-publish"):
        url = reverse(f"projektudvalg:{name}", kwargs={"pk": 999999})
        assert staff_client.get(url).status_code == 404
    assert staff_client.post(url, {"action": "close"}).status_code == 404


def test_a_new_survey_is_saved_as_a_draft_in_danish_time(staff_client, staff):
    response = staff_client.post(reverse("projektudvalg:survey-create"), form_data())
    survey = Survey.objects.get()
    assert response.url == reverse("projektudvalg:survey-manage", kwargs={"pk": survey.pk})
    assert survey.status == SurveyStatus.DRAFT
    assert survey.opens_at.isoformat() == "2027-03-01T08:00:00+00:00"
    assert [area.slug for area in survey.areas.all()] == ["tollose"]
    assert survey.created_by == staff


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"areas": None}, "Vælg hele kommunen eller mindst ét lokalområde."),
        ({"whole_municipality": "on"}, "Vælg enten hele kommunen eller lokalområder"),
        ({"audience_public": None}, "Vælg mindst én måde at svare på."),
        ({"closes_at": "01.03.2027 08:00"}, "Undersøgelsen skal lukke efter, den åbner."),
        ({"retention_until": "31.03.2027"}, "dagen efter, undersøgelsen lukker"),
        ({"opens_at": "31.02.2027 25:00"}, "Vælg dato og klokkeslæt"),
        ({"retention_until": "i morgen"}, "Skriv datoen som fx 24.12.2026."),
        ({"effort": "999999"}, "gyldig"),
        ({"anonymity": "secret"}, "gyldig"),
        ({"title": "x" * 201}, "Skriv højst 200 tegn"),
    ],
)
def test_bad_input_is_refused_in_danish_and_kept(staff_client, changes, message):
    response = staff_client.post(reverse("projektudvalg:survey-create"), form_data(**changes))
    assert response.status_code == 400
    assert message in response.text
    assert "Der er fejl i formularen" in response.text
    assert "Holbæk Kommune er dataansvarlig." in response.text
    assert not Survey.objects.exists()


def test_the_form_suggests_a_notice_and_explains_anonymity(staff_client):
    text = staff_client.get(reverse("projektudvalg:survey-create")).text
    assert "Forslag: Holbæk Kommune er dataansvarlig" in text
    assert "Anonym: vi gemmer ikke, hvem der svarer" in text
    assert "Pseudonym: hvert svar får et tilfældigt nummer" in text


def test_the_lock_is_shown_and_holds(staff_client):
    survey = build_survey()
    answer(survey, "a")
    url = reverse("projektudvalg:survey-edit", kwargs={"pk": survey.pk})
    text = staff_client.get(url).text
    assert "Anonymiteten og måderne at svare på er derfor låst" in text
    assert text.count("disabled") >= 5  # anonymity's three radios and the four ways
    data = form_data(anonymity="identified", audience_signed_in="on", title="Nye stier")
    data["areas"] = [area.pk for area in survey.areas.all()]
    response = staff_client.post(url, data)
    assert response.status_code == 302
    survey.refresh_from_db()
    assert (survey.title, survey.anonymity, survey.audience_signed_in) == (
        "Nye stier", "anonymous", False,
    )  # fmt: skip


def test_a_closed_survey_is_not_edited(staff_client):
    survey = closed()
    response = staff_client.get(reverse("projektudvalg:survey-edit", kwargs={"pk": survey.pk}))
    assert response.url == reverse("projektudvalg:survey-manage", kwargs={"pk": survey.pk})
    page = staff_client.get(response.url).text
    assert "Undersøgelsen kan ikke ændres, når den er lukket." in page
    assert reverse("projektudvalg:survey-edit", kwargs={"pk": survey.pk}) not in page


def test_the_overview_shows_the_counts_and_the_links_that_apply(staff_client):
    survey = build_survey()
    answer(survey, "a")
    SurveyInvitation.objects.create(survey=survey, email="i@example.org", token_hash="h",
                                    sent_at=DURING)  # fmt: skip
    url = reverse("projektudvalg:survey-manage", kwargs={"pk": survey.pk})
    text = staff_client.get(url).text
    assert "1 tælles med, 0 afventer gennemsyn, 0 kasseret" in text
    assert "1 af 1 sendt, 0 har svaret" in text
    assert reverse("projektudvalg:survey-invitations", kwargs={"pk": survey.pk}) in text
    assert reverse("projektudvalg:survey-edit", kwargs={"pk": survey.pk}) in text
    assert reverse("projektudvalg:survey-key-lookup", kwargs={"pk": survey.pk}) not in text
    assert reverse("projektudvalg:survey-publish", kwargs={"pk": survey.pk}) not in text
    assert reverse("projektudvalg:survey-proposal", kwargs={"pk": survey.pk}) not in text
    assert 'value="close"' in text
    assert "Første svar modtaget" in text
    other = closed(anonymity="pseudonymous", audience_invited=False)
    text = staff_client.get(reverse("projektudvalg:survey-manage", kwargs={"pk": other.pk})).text
    assert reverse("projektudvalg:survey-key-lookup", kwargs={"pk": other.pk}) in text
    assert reverse("projektudvalg:survey-publish", kwargs={"pk": other.pk}) in text
    assert reverse("projektudvalg:survey-invitations", kwargs={"pk": other.pk}) not in text


def test_the_status_steps(client, staff, clock):
    clock.set("2027-02-01 10:00")
    login(client, staff)
    staff_client = client
    draft = surveys.survey_save(survey=Survey(title="Uden", purpose="x", opens_at=OPENS,
        closes_at=CLOSES, retention_until=datetime.date(2027, 9, 1)))  # fmt: skip
    url = reverse("projektudvalg:survey-status", kwargs={"pk": draft.pk})
    assert "Åbn (eller planlæg) undersøgelsen" in staff_client.get(url).text
    response = staff_client.post(url, {"action": "open"}, follow=True)
    assert "Skriv oplysningen om behandling af personoplysninger" in response.text
    assert Survey.objects.get(pk=draft.pk).status == SurveyStatus.DRAFT
    Survey.objects.filter(pk=draft.pk).update(controller_notice="Holbæk Kommune …",
                                              whole_municipality=True)  # fmt: skip
    staff_client.post(url, {"action": "open"})
    assert Survey.objects.get(pk=draft.pk).status == SurveyStatus.SCHEDULED
    assert "Tilbage til kladde" in staff_client.get(url).text
    staff_client.post(url, {"action": "unschedule"})
    assert Survey.objects.get(pk=draft.pk).status == SurveyStatus.DRAFT
    response = staff_client.post(url, {"action": "archive"}, follow=True)
    assert "Det kan ikke lade sig gøre, mens undersøgelsen er kladde." in response.text
    response = staff_client.post(url, {"action": "slet-alt"}, follow=True)
    assert "Vælg en handling." in response.text


def test_publishing_defaults_to_counted_questions_and_warns_of_free_text(staff_client):
    survey = closed()
    url = reverse("projektudvalg:survey-publish", kwargs={"pk": survey.pk})
    text = staff_client.get(url).text
    boxes = re.findall(r'name="questions" value="(\d+)"[^>]*?( checked)?>', text)
    checked = {int(pk) for pk, mark in boxes if mark}
    questions = {q.text: q.pk for q in survey.questions.all()}
    assert len(boxes) == 4
    assert checked == {questions[text] for text in ("Bruger du stien?", "Hvor tit?", "Hvor?")}
    assert "Fritekst: kan indeholde personoplysninger" in text


def test_forged_question_ids_are_refused_on_the_page(staff_client, reference_data):
    survey = closed()
    other = build_survey()
    url = reverse("projektudvalg:survey-publish", kwargs={"pk": survey.pk})
    for forged in (other.questions.first().pk, "abc"):
        response = staff_client.post(url, {"questions": [forged]})
        assert response.status_code == 400
        assert "Vælg kun spørgsmål fra denne undersøgelse." in response.text
    assert Survey.objects.get(pk=survey.pk).status == SurveyStatus.CLOSED


def test_publishing_and_then_the_use_of_the_results(staff_client):
    survey = closed()
    uses = survey.questions.get(text="Bruger du stien?")
    url = reverse("projektudvalg:survey-publish", kwargs={"pk": survey.pk})
    response = staff_client.post(url, {"questions": [uses.pk], "used_summary": ""})
    assert response.status_code == 302
    survey.refresh_from_db()
    assert survey.status == SurveyStatus.PUBLISHED
    assert list(survey.questions.filter(public=True)) == [uses]
    text = staff_client.get(url).text
    assert "De offentliggjorte spørgsmål ligger fast." in text
    assert 'name="questions"' not in text
    staff_client.post(url, {"questions": [], "used_summary": "Stien blev lagt om."})
    survey.refresh_from_db()
    assert survey.used_summary == "Stien blev lagt om."
    assert list(survey.questions.filter(public=True)) == [uses]


def test_publishing_waits_for_the_closing(staff_client):
    survey = build_survey()
    url = reverse("projektudvalg:survey-publish", kwargs={"pk": survey.pk})
    response = staff_client.post(url, {"questions": []}, follow=True)
    assert "når undersøgelsen er lukket" in response.text
    assert Survey.objects.get(pk=survey.pk).status == SurveyStatus.OPEN


def test_a_survey_run_elsewhere_is_published_and_edited(staff_client):
    url = reverse("projektudvalg:survey-external-create")
    data = {"title": "Borgerpanelet 2026", "purpose": "Trivsel.", "whole_municipality": "on",
            "external_source": "SurveyXact", "external_summary": "De fleste trives."}  # fmt: skip
    bad = SimpleUploadedFile("program.exe", b"MZ\x90\x00")
    response = staff_client.post(url, data | {"results_file": bad})
    assert response.status_code == 400
    assert "kan ikke bruges" in response.text
    assert 'value="Borgerpanelet 2026"' in response.text
    good = SimpleUploadedFile("svar.csv", "spørgsmål;svar\n".encode())
    response = staff_client.post(url, data | {"results_file": good})
    survey = Survey.objects.get()
    assert response.url == reverse("projektudvalg:survey-manage", kwargs={"pk": survey.pk})
    assert survey.results_are_public
    assert survey.is_external
    edit = reverse("projektudvalg:survey-edit", kwargs={"pk": survey.pk})
    text = staff_client.get(edit).text
    assert 'name="external_summary"' in text
    assert 'name="anonymity"' not in text
    staff_client.post(edit, data | {"external_summary": "Næsten alle trives."})
    survey.refresh_from_db()
    assert survey.external_summary == "Næsten alle trives."
    assert survey.external_file.name == "svar.csv"


def test_the_list_has_tabs_counts_and_the_waiting_proposals(staff_client):
    build_survey()
    closed()
    text = staff_client.get(reverse("projektudvalg:survey-admin")).text
    for tab in ("Åben (1)", "Lukket (1)", "Alle (2)", "Foreslået (0)"):
        assert tab in text
    assert "venter på svar" not in text
    forum = LocalArea.objects.get(slug="tollose").forum
    surveys.survey_save(
        survey=Survey(title="Forslag om stier", purpose="x", status=SurveyStatus.PROPOSED,
                      proposed_by_forum=forum, retention_until=datetime.date(2027, 9, 1)),
        areas=[forum.area],
    )  # fmt: skip
    url = reverse("projektudvalg:survey-admin")
    text = staff_client.get(url).text
    assert '<a href="?status=proposed">1 forslag fra lokalfora venter på svar</a>' in text
    text = staff_client.get(url + "?status=proposed").text
    assert "Forslag om stier" in text
    assert "Tølløse" in text
    assert reverse("projektudvalg:survey-manage", kwargs={"pk": Survey.objects.get(
        status=SurveyStatus.PROPOSED).pk}) in text  # fmt: skip
    assert "Stier i" not in text


def _more_surveys(n):
    for index in range(n):
        survey = build_survey()
        Survey.objects.filter(pk=survey.pk).update(title=f"Stier {index}")


def test_the_list_has_constant_queries(staff_client):
    build_survey()
    url = reverse("projektudvalg:survey-admin")
    assert_constant_queries(staff_client, url, lambda: _more_surveys(4), limit=15)
    assert_constant_queries(staff_client, url + "?status=open&omraade=tollose", lambda: None,
                            limit=15)  # fmt: skip


def test_the_overview_and_publish_pages_have_constant_queries(staff_client):
    survey = build_survey()
    answer(survey, "first")
    manage = reverse("projektudvalg:survey-manage", kwargs={"pk": survey.pk})

    def grow():
        for index in range(6):
            answer(survey, f"t{index}")
            SurveyInvitation.objects.create(survey=survey, token_hash=f"h{index}")
            SurveyEvent.objects.create(survey=survey, kind="changed")

    assert_constant_queries(staff_client, manage, grow, limit=15)
    done = closed()
    publish = reverse("projektudvalg:survey-publish", kwargs={"pk": done.pk})

    def more_questions():
        for index in range(10):
            SurveyQuestion.objects.create(
                survey=done, position=10 + index, kind=QuestionKind.SHORT_TEXT, text=f"Q{index}"
            )

    assert_constant_queries(staff_client, publish, more_questions, limit=15)
    form = reverse("projektudvalg:survey-edit", kwargs={"pk": survey.pk})
    assert_constant_queries(staff_client, form, lambda: _more_surveys(2), limit=15)


def test_published_results_are_archived_from_the_overview(staff_client):
    survey = closed()
    steps.survey_publish(survey=survey, public_question_ids=[], by=None, now=AFTER)
    text = staff_client.get(reverse("projektudvalg:survey-manage", kwargs={"pk": survey.pk})).text
    assert 'value="archive"' in text
    staff_client.post(reverse("projektudvalg:survey-status", kwargs={"pk": survey.pk}),
                      {"action": "archive"})  # fmt: skip
    assert Survey.objects.get(pk=survey.pk).status == SurveyStatus.ARCHIVED
