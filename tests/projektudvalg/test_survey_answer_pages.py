"""A survey's public page, the forum's answer, staff's paper entry (role matrices), every
question kind as a form field, and the answer page's constant query count."""

import datetime
import re

import pytest
from django.urls import reverse

from lokalfora.models import LocalArea
from projektudvalg.models import (
    ConditionKind,
    QuestionKind,
    ResponseChannel,
    Survey,
    SurveyAnswer,
    SurveyCondition,
    SurveyKind,
    SurveyOption,
    SurveyParticipation,
    SurveyQuestion,
    SurveyResponse,
    SurveyStatus,
)
from projektudvalg.services import surveys
from tests.factories import login, make_user
from tests.matrix import ROLE_NAMES, assert_access
from tests.projektudvalg.news_helpers import public_decision, published, staff_user
from tests.projektudvalg.survey_answer_helpers import answer_all, page_url, paged_survey
from tests.projektudvalg.survey_helpers import CLOSES, DURING
from tests.querycount import assert_constant_queries

pytestmark = pytest.mark.django_db

STAFF = {"committee_staff", "staff_admin", "admin"}


@pytest.fixture
def survey(reference_data, clock):
    clock.set(DURING)
    return paged_survey(audience_forums=True, intro="Stien skal binde byerne sammen.")


def _detail(survey):
    return reverse("projektudvalg:survey-detail", kwargs={"pk": survey.pk})


def _forum_url(survey, slug="tollose"):
    return reverse("projektudvalg:survey-answer-forum", kwargs={"pk": survey.pk, "slug": slug})


def _paper_url(survey):
    return reverse("projektudvalg:survey-paper", kwargs={"pk": survey.pk})


def test_the_survey_page_tells_what_who_when_and_what_is_stored(client, survey):
    page = client.get(_detail(survey))
    assert page.status_code == 200
    text = page.text
    for shown in (
        "Stien ved søen",
        "Hvor skal stien gå?",
        "Stien skal binde byerne sammen.",
        "Tølløse",
        "Undløse",
        "1. marts 2027 kl. 09.00",
        "31. marts 2027 kl. 23.59",
        "Holbæk Kommune er dataansvarlig.",
        "Dine svar gemmes uden navn, e-mail og tidspunkt",
        "Alle med linket kan svare",
        "Besvar undersøgelsen",
    ):
        assert shown in text, shown
    assert text.count("<h1") == 1
    assert _paper_url(survey) not in text  # staff's links only for staff
    assert "Se resultaterne" not in text


def test_the_identified_notice_is_shown_before_starting(client, reference_data, clock):
    clock.set(DURING)
    survey = paged_survey(anonymity="identified")
    assert "Dit navn gemmes med svarene" in client.get(_detail(survey)).text
    assert "Dit navn gemmes med svarene" in client.get(page_url(survey)).text


def test_a_draft_is_404_and_planned_and_closed_say_so(client, reference_data, clock):
    clock.set(DURING)
    survey = paged_survey()
    staff = staff_user()
    draft = surveys.survey_save(
        survey=type(survey)(title="Kladde", purpose="x", retention_until=datetime.date(2027, 9, 1)),
        by=staff,
    )
    assert client.get(_detail(draft)).status_code == 404
    assert client.get(page_url(draft)).status_code == 404
    clock.set(CLOSES)
    closed = client.get(_detail(survey)).text
    assert "Undersøgelsen er lukket" in closed
    assert "Besvar undersøgelsen" not in closed
    clock.set("2027-02-20 10:00")
    planned = client.get(_detail(survey)).text
    assert "åbner 1. marts 2027 kl. 09.00" in planned
    login(client, staff)
    assert _paper_url(survey) in client.get(_detail(survey)).text
    assert client.get(_detail(draft)).status_code == 200


def test_the_thank_you_page(client, survey):
    page = client.get(reverse("projektudvalg:survey-thanks", kwargs={"pk": survey.pk}))
    assert "Tak! Vi læser alle svar." in page.text
    assert _detail(survey) in page.text


@pytest.mark.parametrize("role", ROLE_NAMES)
def test_the_forum_answer_matrix(client_as, role, survey):
    client = client_as(role)
    url = reverse("projektudvalg:survey-answer-forum", kwargs={"pk": survey.pk, "slug": "tollose"})
    response = client.get(url)
    assert_access(response, role, {"editor_this"})
    if role == "editor_this":
        assert "Du svarer på vegne af Lokalforum Tølløse" in response.text
        assert "ét svar pr. lokalforum" in response.text
        assert "private" in response["Cache-Control"]
    if role == "editor_other":  # Jyderup is not among the survey's areas
        assert client.get(_forum_url(survey, "jyderup")).status_code == 404


def test_a_forum_answers_once_through_its_page(client, make_role_user, survey):
    editor = make_role_user("editor_this")
    login(client, editor)
    assert "Svar på vegne af Lokalforum Tølløse" in client.get(_detail(survey)).text
    response = client.post(_forum_url(survey))
    assert response.url == page_url(survey)
    assert answer_all(client, survey).status_code == 302
    forum = LocalArea.objects.get(slug="tollose").forum
    assert SurveyParticipation.objects.filter(survey=survey, forum=forum).exists()
    assert SurveyResponse.objects.get().forum_id is None  # anonymous
    again = client.get(_forum_url(survey))
    assert "Lokalforum Tølløse har allerede svaret" in again.text
    assert client.post(_forum_url(survey)).status_code == 403


def test_a_survey_not_asking_the_forums_has_no_forum_page(
    client, make_role_user, reference_data, clock
):
    clock.set(DURING)
    survey = paged_survey()
    login(client, make_role_user("editor_this"))
    assert client.get(_forum_url(survey)).status_code == 404


@pytest.mark.parametrize("role", ROLE_NAMES)
def test_the_paper_entry_matrix(client_as, role, survey):
    client = client_as(role)
    response = client.get(reverse("projektudvalg:survey-paper", kwargs={"pk": survey.pk}))
    assert_access(response, role, STAFF)
    if role in STAFF:
        assert "Betingelserne" in response.text
        assert "på papir" in response.text
        assert "private" in response["Cache-Control"]


def _kinds_survey(reference_data):
    survey = paged_survey()
    survey.questions.all().delete()
    add_questions(survey, 0, 12)
    return survey


KINDS = [
    QuestionKind.SINGLE,
    QuestionKind.MULTIPLE,
    QuestionKind.MATRIX_SINGLE,
    QuestionKind.MATRIX_MULTIPLE,
    QuestionKind.RANKING,
    QuestionKind.NUMBER,
    QuestionKind.DATE,
    QuestionKind.SCALE,
    QuestionKind.CONSENT,
    QuestionKind.AREA,
    QuestionKind.SHORT_TEXT,
    QuestionKind.LONG_TEXT,
]


def add_questions(survey, start, count):
    """`count` questions of every kind in turn, each after the first with two conditions
    on the first, one of which always holds (so the conditions are read too)."""
    first = survey.questions.order_by("position").first()
    for n in range(start, start + count):
        kind = KINDS[n % len(KINDS)]
        question = SurveyQuestion.objects.create(
            survey=survey,
            position=n + 1,
            kind=kind,
            text=f"Spørgsmål {n + 1} ({kind})",
            min_value=0 if kind == QuestionKind.NUMBER else None,
            max_value=100 if kind == QuestionKind.NUMBER else None,
        )
        labels = ["A", "B", "C"] if kind in (*KINDS[:5],) else []
        for position, label in enumerate(labels, start=1):
            SurveyOption.objects.create(
                question=question,
                position=position,
                label=label,
                is_other=kind == QuestionKind.SINGLE and label == "C",
            )
        if kind in (QuestionKind.MATRIX_SINGLE, QuestionKind.MATRIX_MULTIPLE):
            for position, label in enumerate(["Række 1", "Række 2"], start=1):
                SurveyOption.objects.create(
                    question=question, position=position, label=label, is_row=True
                )
        if first is not None and n:
            question.conditions_all = False
            question.save()
            for condition in (ConditionKind.ANSWERED, ConditionKind.NOT_ANSWERED):
                SurveyCondition.objects.create(question=question, depends_on=first, kind=condition)
        first = first or question


def _opt(question, label, row=False):
    return str(question.options.get(label=label, is_row=row).pk)


def _every_kind_post(survey):
    by_kind = {q.kind: q for q in survey.questions.all()}
    k = lambda kind: f"q{by_kind[kind].pk}"  # noqa: E731
    single, multiple = by_kind[QuestionKind.SINGLE], by_kind[QuestionKind.MULTIPLE]
    matrix_s, matrix_m = by_kind[QuestionKind.MATRIX_SINGLE], by_kind[QuestionKind.MATRIX_MULTIPLE]
    ranking = by_kind[QuestionKind.RANKING]
    return {
        k(QuestionKind.SINGLE): _opt(single, "C"),
        f"{k(QuestionKind.SINGLE)}_andet": "Mit svar",
        k(QuestionKind.MULTIPLE): [_opt(multiple, "A"), _opt(multiple, "B")],
        f"{k(QuestionKind.MATRIX_SINGLE)}_r{_opt(matrix_s, 'Række 1', True)}": _opt(matrix_s, "B"),
        f"{k(QuestionKind.MATRIX_MULTIPLE)}_r{_opt(matrix_m, 'Række 2', True)}": [
            _opt(matrix_m, "A"),
            _opt(matrix_m, "C"),
        ],
        f"{k(QuestionKind.RANKING)}_o{_opt(ranking, 'B')}": "1",
        f"{k(QuestionKind.RANKING)}_o{_opt(ranking, 'A')}": "2",
        k(QuestionKind.NUMBER): "42",
        k(QuestionKind.DATE): "24.12.2026",
        k(QuestionKind.SCALE): "3",
        k(QuestionKind.CONSENT): "on",
        k(QuestionKind.AREA): str(LocalArea.objects.get(slug="undlose").pk),
        k(QuestionKind.SHORT_TEXT): "Kort",
        k(QuestionKind.LONG_TEXT): "Langt svar",
    }


def test_paper_entry_stores_every_kind_as_entered_by_staff(client, reference_data, clock):
    clock.set(DURING)
    survey = _kinds_survey(reference_data)
    staff = staff_user()
    login(client, staff)
    page = client.get(_paper_url(survey))
    assert page.text.count("<legend") == 11  # the channel, the choices, the groups, each matrix row
    assert "Række 1" in page.text
    assert "Ingen plads" in page.text
    data = _every_kind_post(survey)
    response = client.post(_paper_url(survey), data)
    assert response.status_code == 400
    assert "Vælg, om svaret er givet på papir" in response.text
    assert 'value="Mit svar"' in response.text  # nothing typed is lost
    response = client.post(_paper_url(survey), data | {"channel": "paper"}, follow=True)
    assert "Svaret er gemt. Indtast det næste." in response.text
    assert 'value="Mit svar"' not in response.text  # an empty form again
    stored = SurveyResponse.objects.get()
    assert stored.channel == ResponseChannel.PAPER
    assert stored.entered_by == staff
    assert stored.area.slug == "undlose"
    answers = SurveyAnswer.objects.filter(response=stored)
    assert answers.filter(text="Mit svar").exists()
    assert answers.filter(date=datetime.date(2026, 12, 24)).exists()
    assert answers.filter(row__isnull=False).count() == 3
    assert sorted(
        answers.filter(number__in=[1, 2], option__isnull=False).values_list("number", flat=True)
    ) == [1, 2]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"NUMBER": "101"}, "Skriv højst 100."),
        ({"NUMBER": "tolv"}, "Skriv et helt tal, fx 12."),
        ({"DATE": "31.02.2026"}, "Skriv datoen som fx 24.12.2026."),
        ({"LONG_TEXT": "x" * 10_001}, "Skriv højst 10000 tegn."),
        ({"SHORT_TEXT": "<script>x</script>"}, "Skriv almindelig tekst uden HTML-koder"),
        ({"RANKING_SAME": "1"}, "Giv hver mulighed sin egen plads"),
        ({"MATRIX_FOREIGN": "1"}, "Vælg en af svarmulighederne."),
        ({"AREA": "999999"}, "Vælg en af svarmulighederne."),
    ],
)
def test_bad_answers_are_danish_errors_beside_the_field(
    client, reference_data, clock, change, message
):
    clock.set(DURING)
    survey = _kinds_survey(reference_data)
    login(client, staff_user())
    data = _every_kind_post(survey) | {"channel": "phone"}
    by_kind = {q.kind: q for q in survey.questions.all()}
    for key, value in change.items():
        if key == "RANKING_SAME":
            ranking = by_kind[QuestionKind.RANKING]
            data[f"q{ranking.pk}_o{_opt(ranking, 'A')}"] = "1"
        elif key == "MATRIX_FOREIGN":
            matrix = by_kind[QuestionKind.MATRIX_SINGLE]
            data[f"q{matrix.pk}_r{_opt(matrix, 'Række 1', True)}"] = _opt(
                by_kind[QuestionKind.SINGLE], "A"
            )
        else:
            data[f"q{by_kind[getattr(QuestionKind, key)].pk}"] = value
    response = client.post(_paper_url(survey), data)
    assert response.status_code == 400
    assert re.sub(r"\s+", " ", message) in response.text.replace("\xa0", " ").replace(".", "."), (
        message
    )
    assert not SurveyResponse.objects.exists()


def test_paper_entry_after_closing_is_taken(client, survey, clock):
    staff = staff_user()
    surveys.survey_close(survey=survey, by=staff)
    clock.shift(days=2)
    login(client, staff)
    data = {
        "channel": "phone",
        f"q{survey.questions.get(position=1).pk}": str(
            survey.questions.get(position=1).options.get(label="Nej").pk
        ),
        f"q{survey.questions.get(position=6).pk}": str(LocalArea.objects.get(slug="tollose").pk),
    }
    response = client.post(_paper_url(survey), data)
    assert response.status_code == 302
    assert SurveyResponse.objects.get().channel == ResponseChannel.PHONE


def test_the_answer_page_has_constant_queries(client, reference_data, clock):
    clock.set(DURING)
    survey = _kinds_survey(reference_data)
    survey.questions.filter(position__gt=5).delete()
    url = page_url(survey, 1)
    count = assert_constant_queries(client, url, lambda: add_questions(survey, 5, 35), limit=14)
    assert survey.questions.count() == 40
    print("answer page queries:", count)


def test_the_paper_and_detail_pages_have_constant_queries(client, reference_data, clock):
    clock.set(DURING)
    survey = _kinds_survey(reference_data)
    survey.questions.filter(position__gt=5).delete()
    login(client, staff_user())
    grow = lambda: add_questions(survey, 5, 35)  # noqa: E731
    count = assert_constant_queries(client, _paper_url(survey), grow, limit=20)
    print("paper page queries:", count)
    Survey.objects.filter(pk=survey.pk).update(whole_municipality=False)
    more_areas = lambda: survey.areas.add(*LocalArea.objects.all())  # noqa: E731
    detail = assert_constant_queries(client, _detail(survey), more_areas, limit=20)
    print("detail page queries:", detail)


def test_a_signed_in_citizen_on_an_open_link_survey_answers_by_browser(client, survey):
    login(client, make_user("borger2@example.org"))
    answer_all(client, survey)
    assert SurveyParticipation.objects.get(survey=survey).way == "session"


def test_a_survey_run_elsewhere_has_a_page_but_no_answer_pages(client, reference_data):
    external = surveys.survey_save(
        survey=Survey(
            kind=SurveyKind.EXTERNAL, title="Borgerpanelet 2026", purpose="Trivsel",
            external_source="SurveyXact", external_summary="8 ud af 10 er glade.",
            retention_until=datetime.date(2027, 9, 1), status=SurveyStatus.DRAFT,
        )
    )  # fmt: skip
    Survey.objects.filter(pk=external.pk).update(
        status=SurveyStatus.PUBLISHED, results_published_at=DURING
    )
    page = client.get(_detail(external))
    assert page.status_code == 200
    assert "8 ud af 10 er glade." in page.text
    assert "Besvar undersøgelsen" not in page.text
    assert client.get(page_url(external)).status_code == 404


def test_published_results_and_what_the_answers_were_used_for(client, survey):
    staff = staff_user()
    news = published(staff)
    decision = public_decision()
    surveys.survey_close(survey=survey, by=staff)
    Survey.objects.filter(pk=survey.pk).update(
        status=SurveyStatus.PUBLISHED, results_published_at=DURING, used_in_news=news,
        used_in_decision=decision, used_summary="Stien kommer langs søen.",
    )  # fmt: skip
    page = client.get(_detail(survey)).text
    assert "Det brugte vi svarene til" in page
    assert "Stien kommer langs søen." in page
    assert news.get_absolute_url() in page
    assert decision.get_absolute_url() in page
    assert reverse("projektudvalg:survey-results", kwargs={"pk": survey.pk}) in page
    assert "Besvar undersøgelsen" not in page
