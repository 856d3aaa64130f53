"""The survey question pages: the role matrix, unknown or foreign ids, the editor (saving,
errors keeping what was typed, more rows without JavaScript, forged counts and ids), delete
and move through the pages, the logic page's plain Danish, and constant query counts."""

import datetime

import pytest
from django.urls import reverse

from projektudvalg.models import QuestionKind, Survey, SurveyQuestion
from projektudvalg.services import survey_questions as services
from projektudvalg.services import surveys
from tests.factories import login
from tests.matrix import ROLE_NAMES, assert_access
from tests.projektudvalg.news_helpers import staff_user
from tests.querycount import assert_constant_queries

pytestmark = pytest.mark.django_db

STAFF = {"committee_staff", "staff_admin", "admin"}
DAY = datetime.date(2027, 9, 1)
MANAGEMENT = {"MIN_NUM_FORMS": "0", "MAX_NUM_FORMS": "50"}


def draft(title="Stier"):
    return surveys.survey_save(
        survey=Survey(title=title, purpose="Hvor skal stien gå?", retention_until=DAY)
    )


def add(survey, kind=QuestionKind.SHORT_TEXT, text="Hvorfor?", options=(), conditions=()):
    return services.question_save(
        survey=survey,
        data={"kind": kind, "text": text},
        options=[{"label": label} for label in options],
        conditions=list(conditions),
    )


def built(count=3, title="Stier"):
    """A draft: a choice, a question shown when it is "Ja", then sections and text questions."""
    survey = draft(title)
    uses = add(survey, QuestionKind.SINGLE, "Bruger du stien?", ["Ja", "Nej"])
    yes = uses.options.get(label="Ja")
    add(
        survey, text="Hvor tit?", conditions=[{"depends_on": uses, "kind": "equals", "option": yes}]
    )
    grow(survey, count - 2)
    return survey


def grow(survey, count):
    for n in range(count):
        kind = QuestionKind.SECTION if n % 5 == 0 else QuestionKind.SHORT_TEXT
        add(survey, kind, f"Spørgsmål nummer {n}?")


def first_two(survey):
    return list(SurveyQuestion.objects.filter(survey=survey).order_by("position")[:2])


def form_data(text="Hvor ofte?", options=("Tit", "Sjældent"), conditions=(), **extra):
    """A post of the editor: the question, its options (4 rows) and its conditions (1 row)."""
    data = {"text": text, "action": "save", "conditions_all": "1"}
    data |= {f"options-{k}": v for k, v in MANAGEMENT.items()}
    data |= {"options-TOTAL_FORMS": str(max(len(options), 4)), "options-INITIAL_FORMS": "0"}
    data |= {f"options-{i}-label": label for i, label in enumerate(options)}
    data |= {f"conditions-{k}": v for k, v in MANAGEMENT.items()}
    rows = max(len(conditions), 1)
    data |= {"conditions-TOTAL_FORMS": str(rows), "conditions-INITIAL_FORMS": "0"}
    for i, condition in enumerate(conditions):
        data |= {f"conditions-{i}-{name}": value for name, value in condition.items()}
    return data | extra


@pytest.fixture
def staff_client(client, reference_data):
    login(client, staff_user())
    return client


def urls(survey):
    question = first_two(survey)[1]
    kwargs = {"pk": survey.pk, "question_pk": question.pk}
    return {
        "survey-questions": reverse("projektudvalg:survey-questions", kwargs={"pk": survey.pk}),
        "survey-question-add": reverse(
            "projektudvalg:survey-question-add", kwargs={"pk": survey.pk}
        )
        + "?type=single",
        "survey-question-edit": reverse("projektudvalg:survey-question-edit", kwargs=kwargs),
        "survey-question-delete": reverse("projektudvalg:survey-question-delete", kwargs=kwargs),
        "survey-logic": reverse("projektudvalg:survey-logic", kwargs={"pk": survey.pk}),
        "survey-question-move": reverse("projektudvalg:survey-question-move", kwargs=kwargs),
    }


@pytest.mark.parametrize("role", ROLE_NAMES)
def test_the_question_pages_matrix(client_as, role, reference_data):
    survey = built()
    client = client_as(role)
    question = first_two(survey)[1]
    one, both = {"pk": survey.pk}, {"pk": survey.pk, "question_pk": question.pk}
    pages = [
        reverse("projektudvalg:survey-questions", kwargs=one),
        reverse("projektudvalg:survey-question-add", kwargs=one) + "?type=single",
        reverse("projektudvalg:survey-question-add", kwargs=one),
        reverse("projektudvalg:survey-question-edit", kwargs=both),
        reverse("projektudvalg:survey-question-delete", kwargs=both),
        reverse("projektudvalg:survey-logic", kwargs=one),
    ]
    for url in pages:
        response = client.get(url)
        assert_access(response, role, STAFF)
        if role in STAFF:
            assert "private" in response["Cache-Control"], url
    # Moving is a POST button; it redirects back to the list.
    move = reverse("projektudvalg:survey-question-move", kwargs=both)
    assert_access(client.post(move, {"direction": "down"}), role, STAFF, ok=302)
    if role in STAFF:
        assert client.get(move).status_code == 405
        assert list(survey.questions.values_list("pk", flat=True))[2] == question.pk


def test_an_unknown_survey_or_another_surveys_question_is_404(staff_client):
    survey, other = built(), built(title="Andet")
    foreign = first_two(other)[0]
    for name, url in urls(survey).items():
        unknown = url.replace(f"/{survey.pk}/", "/999999/")
        assert staff_client.get(unknown).status_code in (404, 405), name
    kwargs = {"pk": survey.pk, "question_pk": foreign.pk}
    for name in ("survey-question-edit", "survey-question-delete"):
        assert staff_client.get(reverse(f"projektudvalg:{name}", kwargs=kwargs)).status_code == 404
        assert staff_client.post(reverse(f"projektudvalg:{name}", kwargs=kwargs)).status_code == 404
    move = reverse("projektudvalg:survey-question-move", kwargs=kwargs)
    assert staff_client.post(move, {"direction": "up"}).status_code == 404
    assert SurveyQuestion.objects.filter(pk=foreign.pk).exists()


def test_a_question_is_added_and_a_personal_data_warning_follows(staff_client):
    survey = built()
    uses = first_two(survey)[0]
    url = urls(survey)["survey-question-add"]
    condition = {"depends_on": uses.pk, "kind": "answered"}
    data = form_data("Hvad er din e-mail?", ["Privat", "Arbejde"], [condition])
    response = staff_client.post(url, data, follow=True)
    assert response.status_code == 200
    question = SurveyQuestion.objects.get(survey=survey, text="Hvad er din e-mail?")
    assert question.kind == QuestionKind.SINGLE
    assert [o.label for o in question.options.all()] == ["Privat", "Arbejde"]
    assert question.conditions.get().depends_on == uses
    content = response.content.decode()
    assert "Undersøgelsen er anonym, men spørgsmålet beder om en e-mailadresse" in content
    assert "Vises kun, hvis “Bruger du stien?” er besvaret." in content


def test_errors_keep_what_was_typed(staff_client):
    survey = built()
    url = urls(survey)["survey-question-add"]
    response = staff_client.post(url, form_data("Hvilken sti bruger du mest?", ["Skovstien"]))
    assert response.status_code == 400
    content = response.content.decode()
    assert "Skriv mindst to svarmuligheder." in content
    assert 'value="Hvilken sti bruger du mest?"' in content
    assert 'value="Skovstien"' in content
    assert not SurveyQuestion.objects.filter(text="Hvilken sti bruger du mest?").exists()


def test_more_rows_keeps_what_was_typed_and_saves_nothing(staff_client):
    survey = built()
    url = urls(survey)["survey-question-add"]
    data = form_data("Hvilken sti?", ["Skovstien"], action="more")
    response = staff_client.post(url, data)
    assert response.status_code == 200
    content = response.content.decode()
    assert 'name="options-6-label"' in content
    assert 'value="Skovstien"' in content
    assert "Spørgsmålet er ikke gemt" not in content
    assert not SurveyQuestion.objects.filter(text="Hvilken sti?").exists()


def test_forged_counts_and_ids_are_refused(staff_client):
    survey = built()
    url = urls(survey)["survey-question-add"]
    response = staff_client.post(url, form_data(**{"options-TOTAL_FORMS": "500"}))
    assert response.status_code == 400
    assert "Linjerne kunne ikke læses" in response.content.decode()
    foreign = first_two(built(title="Andet"))[0]
    forged = form_data(conditions=[{"depends_on": foreign.pk, "kind": "answered"}])
    response = staff_client.post(url, forged)
    assert response.status_code == 400
    assert "Vælg en af mulighederne på listen." in response.content.decode()
    assert not SurveyQuestion.objects.filter(text="Hvor ofte?").exists()


def test_a_condition_on_a_later_question_or_on_itself_cannot_be_chosen(staff_client):
    survey = built(4)
    dependent, later = list(survey.questions.order_by("position"))[1::2]
    url = reverse("projektudvalg:survey-question-edit",
                  kwargs={"pk": survey.pk, "question_pk": dependent.pk})  # fmt: skip
    for target in (later, dependent):
        data = form_data("Hvor tit?", [], [{"depends_on": target.pk, "kind": "answered"}])
        data |= {"conditions-INITIAL_FORMS": "1"}
        response = staff_client.post(url, data)
        assert response.status_code == 400
        assert "Vælg en af mulighederne på listen." in response.content.decode()
    assert dependent.conditions.get().depends_on_id != later.pk


def test_edit_keeps_the_options_and_changes_the_text(staff_client):
    survey = built()
    uses = first_two(survey)[0]
    url = reverse("projektudvalg:survey-question-edit",
                  kwargs={"pk": survey.pk, "question_pk": uses.pk})  # fmt: skip
    ids = list(uses.options.values_list("pk", flat=True))
    data = form_data("Bruger du stierne?", ["Ja", "Nej"]) | {"options-INITIAL_FORMS": "2"}
    response = staff_client.post(url, data)
    assert response.status_code == 302
    uses.refresh_from_db()
    assert uses.text == "Bruger du stierne?"
    assert list(uses.options.values_list("pk", flat=True)) == ids


def test_delete_and_move_through_the_pages(staff_client):
    survey = built(4)
    uses, dependent = first_two(survey)
    kwargs = {"pk": survey.pk, "question_pk": uses.pk}
    confirm = staff_client.get(reverse("projektudvalg:survey-question-delete", kwargs=kwargs))
    assert "Spørgsmål 2 afhænger af spørgsmålet" in confirm.content.decode()
    staff_client.post(reverse("projektudvalg:survey-question-delete", kwargs=kwargs))
    assert SurveyQuestion.objects.filter(pk=uses.pk).exists()
    move = reverse("projektudvalg:survey-question-move",
                   kwargs={"pk": survey.pk, "question_pk": dependent.pk})  # fmt: skip
    response = staff_client.post(move, {"direction": "down", "side": "1"})
    assert response.status_code == 302
    assert response.url.endswith(f"?side=1#q-{dependent.pk}")
    assert list(survey.questions.values_list("pk", flat=True))[2] == dependent.pk
    gone = reverse("projektudvalg:survey-question-delete",
                   kwargs={"pk": survey.pk, "question_pk": dependent.pk})  # fmt: skip
    assert staff_client.post(gone).status_code == 302
    assert not SurveyQuestion.objects.filter(pk=dependent.pk).exists()


def test_the_logic_page_says_who_depends_on_whom_and_what_is_never_shown(staff_client):
    survey = built()
    uses = first_two(survey)[0]
    yes, no = uses.options.order_by("position")
    add(survey, text="Aldrig?", conditions=[
        {"depends_on": uses, "kind": "equals", "option": yes},
        {"depends_on": uses, "kind": "equals", "option": no},
    ])  # fmt: skip
    response = staff_client.get(urls(survey)["survey-logic"])
    content = response.content.decode()
    assert "Spørgsmål 2 og 3 afhænger af dette." in content
    assert "Vises kun, hvis svaret på “Bruger du stien?” er “Ja”." in content
    assert "Betingelserne modsiger hinanden" in content


@pytest.mark.parametrize("name", ["survey-questions", "survey-logic", "survey-question-edit"])
def test_the_pages_have_a_constant_number_of_queries(staff_client, name):
    survey = built(5)
    url = urls(survey)[name]
    assert_constant_queries(staff_client, url, lambda: grow(survey, 35), limit=20)
