"""The survey's pages and display conditions (projektudvalg.survey_logic): which questions
are shown for the answers given, which posted answers are dropped, and the Danish text of
the "check logic" page."""

import datetime

import pytest

from projektudvalg import survey_logic as logic
from projektudvalg.models import (
    ConditionKind,
    QuestionKind,
    Survey,
    SurveyCondition,
    SurveyOption,
    SurveyQuestion,
)
from projektudvalg.survey_logic import Value

DAY = datetime.date(2027, 6, 1)


def unsaved(pk, kind=QuestionKind.SHORT_TEXT):
    return SurveyQuestion(pk=pk, position=pk, kind=kind, text=f"Spørgsmål {pk}")


# pages(): no database


def test_pages_split_at_each_section_and_the_section_heads_its_page():
    q = [
        unsaved(1),
        unsaved(2),
        unsaved(3, QuestionKind.SECTION),
        unsaved(4),
        unsaved(5, QuestionKind.SECTION),
        unsaved(6, QuestionKind.SECTION),
        unsaved(7),
    ]
    assert [[x.pk for x in page] for page in logic.pages(q)] == [[1, 2], [3, 4], [5], [6, 7]]


def test_pages_starting_with_a_section_have_no_empty_first_page():
    q = [unsaved(1, QuestionKind.SECTION), unsaved(2), unsaved(3)]
    assert [[x.pk for x in page] for page in logic.pages(q)] == [[1, 2, 3]]
    assert logic.pages([]) == []


def test_value_contains_ignores_case_and_reads_the_other_text():
    assert Value(text="Ved SKOLEN").contains("skolen")
    assert Value(options=(9,), other="Skolevejen").contains("SKOLE")
    assert not Value(text="hallen").contains("skole")


# Conditions: saved rows, prefetched as the answer pages do


@pytest.fixture
def survey(db):
    return Survey.objects.create(title="Trafik", purpose="At høre borgerne.", retention_until=DAY)


def question(survey, position, kind=QuestionKind.SHORT_TEXT, text=None, **fields):
    return SurveyQuestion.objects.create(
        survey=survey, position=position, kind=kind, text=text or f"Spørgsmål {position}", **fields
    )


def when(question, depends_on, kind, option=None, text=""):
    return SurveyCondition.objects.create(
        question=question, depends_on=depends_on, kind=kind, option=option, text=text
    )


def loaded(survey):
    return list(
        SurveyQuestion.objects.filter(survey=survey)
        .prefetch_related("conditions__depends_on", "conditions__option")
        .order_by("position")
    )


@pytest.fixture
def chain(survey):
    """Q1 "Bor du i byen?" Ja/Nej; Q2 shown if Q1 is Ja; Q3 shown if Q2 is answered."""
    q1 = question(survey, 1, QuestionKind.SINGLE, "Bor du i byen?")
    yes = SurveyOption.objects.create(question=q1, position=1, label="Ja")
    no = SurveyOption.objects.create(question=q1, position=2, label="Nej")
    q2 = question(survey, 2, text="Hvor længe har du boet her?")
    q3 = question(survey, 3, QuestionKind.LONG_TEXT, "Hvad holder dig her?")
    when(q2, q1, ConditionKind.EQUALS, option=yes)
    when(q3, q2, ConditionKind.ANSWERED)
    return {"q1": q1, "q2": q2, "q3": q3, "yes": yes, "no": no}


def test_no_hides_the_follow_up_and_its_posted_answer_is_dropped(chain):
    q1, q2, q3 = chain["q1"], chain["q2"], chain["q3"]
    answers = {q1.pk: Value(options=(chain["no"].pk,)), q2.pk: Value(text="10 år")}
    questions = loaded(q1.survey)
    assert logic.visible_ids(questions, answers) == {q1.pk}
    assert logic.prune(questions, answers) == {q1.pk: answers[q1.pk]}
    assert q3.pk not in logic.visible_ids(questions, answers)


def test_yes_shows_the_follow_up_and_keeps_its_answer(chain):
    q1, q2, q3 = chain["q1"], chain["q2"], chain["q3"]
    answers = {q1.pk: Value(options=(chain["yes"].pk,)), q2.pk: Value(text="10 år")}
    questions = loaded(q1.survey)
    assert logic.visible_ids(questions, answers) == {q1.pk, q2.pk, q3.pk}
    assert logic.prune(questions, answers) == answers


def test_a_question_depending_on_a_hidden_question_is_hidden_though_answered(chain):
    """Q2 is hidden (Q1 = Nej) but an answer to it is posted anyway: Q3 must still see
    Q2 as not answered, and Q3's own posted answer goes too."""
    q1, q2, q3 = chain["q1"], chain["q2"], chain["q3"]
    answers = {
        q1.pk: Value(options=(chain["no"].pk,)),
        q2.pk: Value(text="10 år"),
        q3.pk: Value(text="Naboerne"),
    }
    questions = loaded(q1.survey)
    assert logic.visible_ids(questions, answers) == {q1.pk}
    assert logic.prune(questions, answers) == {q1.pk: answers[q1.pk]}


def test_unanswered_first_question_hides_the_chain(chain):
    questions = loaded(chain["q1"].survey)
    assert logic.visible_ids(questions, {}) == {chain["q1"].pk}
    assert logic.prune(questions, {chain["q1"].pk: Value()}) == {}


def test_and_mode_needs_every_condition_or_mode_needs_one(survey):
    a = question(survey, 1, text="Har du børn?")
    b = question(survey, 2, text="Har du bil?")
    target = question(survey, 3, text="Hvordan kommer I i skole?")
    when(target, a, ConditionKind.ANSWERED)
    when(target, b, ConditionKind.ANSWERED)
    only_a = {a.pk: Value(text="ja")}
    both = only_a | {b.pk: Value(text="ja")}
    assert target.pk not in logic.visible_ids(loaded(survey), only_a)
    assert target.pk in logic.visible_ids(loaded(survey), both)
    SurveyQuestion.objects.filter(pk=target.pk).update(conditions_all=False)
    assert target.pk in logic.visible_ids(loaded(survey), only_a)
    assert target.pk not in logic.visible_ids(loaded(survey), {})


def test_not_answered(survey):
    a = question(survey, 1, text="Din e-mail")
    target = question(survey, 2, text="Hvordan kan vi ellers nå dig?")
    when(target, a, ConditionKind.NOT_ANSWERED)
    questions = loaded(survey)
    assert target.pk in logic.visible_ids(questions, {})
    assert target.pk in logic.visible_ids(questions, {a.pk: Value(text="   ")})
    assert target.pk not in logic.visible_ids(questions, {a.pk: Value(text="a@example.org")})


def test_not_equals_is_false_while_unanswered(chain):
    q1, q2 = chain["q1"], chain["q2"]
    SurveyCondition.objects.filter(question=q2).update(kind=ConditionKind.NOT_EQUALS)
    questions = loaded(q1.survey)
    assert q2.pk not in logic.visible_ids(questions, {})
    assert q2.pk not in logic.visible_ids(questions, {q1.pk: Value(options=(chain["yes"].pk,))})
    assert q2.pk in logic.visible_ids(questions, {q1.pk: Value(options=(chain["no"].pk,))})


def test_contains_ignores_case_and_reads_the_other_text(survey):
    a = question(survey, 1, QuestionKind.SINGLE, "Hvor mødes du med andre?", allow_other=True)
    other = SurveyOption.objects.create(question=a, position=1, label="Andet", is_other=True)
    target = question(survey, 2, text="Hvad mangler skolen?")
    when(target, a, ConditionKind.CONTAINS, text="Skole")
    questions = loaded(survey)
    assert target.pk in logic.visible_ids(questions, {a.pk: Value(text="ved SKOLEN")})
    with_other = {a.pk: Value(options=(other.pk,), other="i skolegården")}
    assert target.pk in logic.visible_ids(questions, with_other)
    assert target.pk not in logic.visible_ids(questions, {a.pk: Value(text="hallen")})
    assert target.pk not in logic.visible_ids(questions, {})


def test_prune_drops_sections_unknown_ids_and_empty_answers(chain):
    q1 = chain["q1"]
    section = question(q1.survey, 4, QuestionKind.SECTION, "Om dig")
    answers = {
        q1.pk: Value(options=(chain["yes"].pk,)),
        chain["q2"].pk: Value(text="  "),
        section.pk: Value(text="x"),
        987654: Value(text="y"),
    }
    assert logic.prune(loaded(q1.survey), answers) == {q1.pk: answers[q1.pk]}


def test_visible_pages_skip_a_page_whose_questions_are_all_hidden(chain):
    q1, q2 = chain["q1"], chain["q2"]
    survey = q1.survey
    SurveyQuestion.objects.filter(pk=q2.pk).update(position=11)
    SurveyQuestion.objects.filter(pk=chain["q3"].pk).update(position=12)
    follow_up = question(survey, 10, QuestionKind.SECTION, "Om at bo her")
    last = question(survey, 20, QuestionKind.SECTION, "Til sidst")
    closing = question(survey, 21, text="Andet du vil sige?")
    questions = loaded(survey)
    heads = [page[0].pk for page in logic.pages(questions)]
    assert heads == [q1.pk, follow_up.pk, last.pk]
    no = {q1.pk: Value(options=(chain["no"].pk,))}
    assert [p[0].pk for p in logic.visible_pages(questions, no)] == [q1.pk, last.pk]
    yes = {q1.pk: Value(options=(chain["yes"].pk,))}
    assert [p[0].pk for p in logic.visible_pages(questions, yes)] == heads
    assert closing in logic.visible_pages(questions, no)[-1]


# describe / describe_question


def test_describe_without_conditions(survey):
    question(survey, 1)
    (only,) = loaded(survey)
    assert logic.describe_question(only) == "Vises altid."


def test_describe_names_the_question_and_the_option(chain):
    q2 = next(q for q in loaded(chain["q1"].survey) if q.pk == chain["q2"].pk)
    (condition,) = q2.conditions.all()
    text = logic.describe(condition)
    assert "Bor du i byen?" in text
    assert "Ja" in text
    assert logic.describe_question(q2) == f"Vises kun, hvis {text}."


def test_describe_every_kind(chain):
    q1 = chain["q1"]
    cases = {
        ConditionKind.ANSWERED: ("er besvaret", None, ""),
        ConditionKind.NOT_ANSWERED: ("ikke besvaret", None, ""),
        ConditionKind.NOT_EQUALS: ("ikke med “Nej”", chain["no"], ""),
        ConditionKind.CONTAINS: ("indeholder “skole”", None, "skole"),
    }
    for kind, (expected, option, text) in cases.items():
        condition = SurveyCondition(depends_on=q1, kind=kind, option=option, text=text)
        assert expected in logic.describe(condition), kind
        assert "Bor du i byen?" in logic.describe(condition), kind


def test_describe_joins_with_og_or_eller(survey):
    a = question(survey, 1, text="Har du børn?")
    b = question(survey, 2, text="Har du bil?")
    target = question(survey, 3, text="Hvordan kommer I i skole?")
    when(target, a, ConditionKind.ANSWERED)
    when(target, b, ConditionKind.NOT_ANSWERED)
    shown = next(q for q in loaded(survey) if q.pk == target.pk)
    first, second = (logic.describe(c) for c in shown.conditions.all())
    assert logic.describe_question(shown) == f"Vises kun, hvis {first} og {second}."
    SurveyQuestion.objects.filter(pk=target.pk).update(conditions_all=False)
    shown = next(q for q in loaded(survey) if q.pk == target.pk)
    assert logic.describe_question(shown) == f"Vises kun, hvis {first} eller {second}."
    assert "Har du børn?" in first
    assert "Har du bil?" in second
