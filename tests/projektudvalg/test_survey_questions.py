"""The question editor's service (services.survey_questions): every refusal, nothing half
saved, the options keeping their ids, the rules once the survey has answers, deleting
and moving, the personal-data warning, and the forms' refusal of forged counts and ids."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from projektudvalg.forms.survey_questions import condition_formset, option_formset
from projektudvalg.models import (
    Anonymity,
    QuestionKind,
    Survey,
    SurveyCondition,
    SurveyEvent,
    SurveyEventKind,
    SurveyKind,
    SurveyOption,
    SurveyQuestion,
    SurveyStatus,
)
from projektudvalg.services import survey_questions as services
from projektudvalg.services import surveys

pytestmark = pytest.mark.django_db

DAY = datetime.date(2027, 9, 1)


def draft(**changes):
    fields = {"title": "Trafik", "purpose": "At høre borgerne.", "retention_until": DAY}
    return surveys.survey_save(survey=Survey(**fields | changes))


def save(
    survey,
    kind=QuestionKind.SHORT_TEXT,
    text="Hvad synes du?",
    *,
    question=None,
    options=(),
    conditions=(),
    conditions_all=True,
    **data,
):
    rows = [{"label": o} if isinstance(o, str) else o for o in options]
    return services.question_save(
        survey=survey,
        question=question,
        data={"kind": kind, "text": text, **data},
        options=rows,
        conditions=list(conditions),
        conditions_all=conditions_all,
    )


def choice(survey, text="Bruger du stien?", labels=("Ja", "Nej"), **kwargs):
    return save(survey, QuestionKind.SINGLE, text, options=labels, **kwargs)


def on(question, kind="answered", **more):
    return [{"depends_on": question, "kind": kind, **more}]


def refused(match, call, *args, **kwargs):
    with pytest.raises(ValidationError) as error:
        call(*args, **kwargs)
    assert any(match in message for message in error.value.messages), error.value.messages


@pytest.fixture
def survey():
    return draft()


def test_questions_are_appended_with_their_options_in_order_and_the_change_is_logged(survey):
    first = choice(survey, labels=["Ja", "Nej", {"label": "Andet", "is_other": True}])
    second = save(survey, QuestionKind.NUMBER, "Hvor mange?", min_value=0, max_value=10)
    assert (first.position, second.position) == (1, 2)
    assert [o.label for o in first.options.order_by("position")] == ["Ja", "Nej", "Andet"]
    assert first.allow_other
    assert not second.allow_other
    events = SurveyEvent.objects.filter(survey=survey, kind=SurveyEventKind.CHANGED)
    notes = list(events.values_list("note", flat=True))
    assert len(notes) == 2  # two questions added
    assert not any("stien" in note or "mange" in note for note in notes)


@pytest.mark.parametrize(
    ("kind", "options", "message"),
    [
        (QuestionKind.SINGLE, ["Ja"], "mindst to svarmuligheder"),
        (QuestionKind.MULTIPLE, [], "svarmuligheder"),
        (QuestionKind.RANKING, ["Skolen"], "mindst to"),
        (QuestionKind.MATRIX_SINGLE, ["Enig", "Uenig"], "mindst én række"),
        (QuestionKind.MATRIX_SINGLE, [{"label": "Stien", "is_row": True}, "Enig"], "to kolonner"),
        (QuestionKind.SHORT_TEXT, ["Ja", "Nej"], "har svarmuligheder"),
        (QuestionKind.SINGLE, ["Ja", {"label": "Rækken", "is_row": True}, "Nej"], "rækker"),
        (QuestionKind.RANKING, ["A", {"label": "B", "is_other": True}], "“andet: …”"),
        (
            QuestionKind.SINGLE,
            ["Ja", {"label": "A", "is_other": True}, {"label": "B", "is_other": True}],
            "én “andet”",
        ),
        (QuestionKind.SINGLE, ["Ja", "ja"], "samme tekst"),
        (QuestionKind.SINGLE, ["Ja", ""], "skriv dens tekst"),
        (QuestionKind.SINGLE, ["Ja", {"label": "Nej", "id": 999999}], "findes ikke"),
    ],
)
def test_options_follow_the_kind(survey, kind, options, message):
    refused(message, save, survey, kind, options=options)
    assert not SurveyQuestion.objects.filter(survey=survey).exists()


@pytest.mark.parametrize(
    ("kind", "data", "message"),
    [
        (QuestionKind.SINGLE, {"max_choices": 2}, "kun spørgsmål med flere valg"),
        (QuestionKind.MULTIPLE, {"max_choices": 3}, "antallet af svarmuligheder (2)"),
        (QuestionKind.SHORT_TEXT, {"min_value": 1}, "kun talspørgsmål"),
        (QuestionKind.NUMBER, {"min_value": 5, "max_value": 1}, "ikke være større"),
        (QuestionKind.NUMBER, {"scale_low_label": "Lidt"}, "kun skalaspørgsmål"),
        (QuestionKind.SECTION, {"required": True}, "sektion"),
        (QuestionKind.SHORT_TEXT, {"text": " "}, "Skriv spørgsmålet"),
        ("nonsense", {}, "Vælg spørgsmålets type"),
        (QuestionKind.SHORT_TEXT, {"public": True}, "Ukendte felter"),
    ],
)
def test_fields_belong_to_their_kind(survey, kind, data, message):
    options = ["Ja", "Nej"] if kind in (QuestionKind.SINGLE, QuestionKind.MULTIPLE) else []
    refused(message, save, survey, kind, options=options, **data)
    assert not SurveyQuestion.objects.filter(survey=survey).exists()


def test_a_section_has_no_options_and_no_conditions(survey):
    first = choice(survey)
    refused("har svarmuligheder", save, survey, QuestionKind.SECTION, "Om dig", options=["A", "B"])
    condition = {"depends_on": first, "kind": "answered"}
    refused(
        "sektion vises altid", save, survey, QuestionKind.SECTION, "Om dig", conditions=[condition]
    )
    section = save(survey, QuestionKind.SECTION, "Om dig")
    refused("ikke afhænge af en sektion", save, survey, conditions=on(section))


def test_a_condition_refers_to_an_earlier_question_of_the_same_survey(survey):
    first = choice(survey)
    second = save(survey, text="Hvorfor?")
    later = save(survey, text="Hvor?")
    # On a later question, on itself, on another survey's question.
    refused(
        "tidligere spørgsmål", save, survey, text="Hvorfor?", question=second, conditions=on(later)
    )
    refused("sig selv", save, survey, text="Hvorfor?", question=second, conditions=on(second.pk))
    elsewhere = choice(draft(title="Andet"))
    refused("findes ikke i undersøgelsen", save, survey, conditions=on(elsewhere.pk))
    refused("findes ikke i undersøgelsen", save, survey, conditions=on("x"))
    assert not SurveyCondition.objects.exists()
    ok = {"depends_on": first.pk, "kind": "equals", "option": first.options.get(label="Ja").pk}
    save(survey, text="Hvorfor?", question=second, conditions=[ok])
    assert second.conditions.get().option.label == "Ja"


def test_a_conditions_option_must_be_a_choice_of_its_question(survey):
    first = choice(survey)
    other = choice(survey, "Cykler du?", ["Tit", "Sjældent"])
    matrix = save(
        survey,
        QuestionKind.MATRIX_SINGLE,
        "Hvor enig?",
        options=[{"label": "Stien er god", "is_row": True}, "Enig", "Uenig"],
    )
    row = matrix.options.get(is_row=True)
    cases = [
        ({"depends_on": first, "kind": "equals", "option": other.options.first()}, "hører ikke"),
        ({"depends_on": first, "kind": "equals", "option": 999999}, "hører ikke"),
        ({"depends_on": first, "kind": "not_equals"}, "vælg den svarmulighed"),
        ({"depends_on": matrix, "kind": "equals", "option": row}, "kun spørgsmål med valg"),
        ({"depends_on": first, "kind": "contains", "text": "ja"}, "tekstspørgsmål"),
        ({"depends_on": first, "kind": "answered_or_not"}, "vælg, hvad der skal gælde"),
        ({"kind": "answered"}, "vælg det spørgsmål"),
    ]
    for condition, message in cases:
        refused(message, save, survey, conditions=[condition])
    text = save(survey, text="Hvad laver du?")
    refused("skriv den tekst", save, survey, conditions=[{"depends_on": text, "kind": "contains"}])
    saved = save(survey, conditions=[{"depends_on": text, "kind": "contains", "text": "cykel"}])
    assert saved.conditions.get().text == "cykel"


def test_contains_on_a_choice_needs_its_andet_option(survey):
    first = choice(survey, labels=["Ja", {"label": "Andet", "is_other": True}])
    saved = save(survey, conditions=[{"depends_on": first, "kind": "contains", "text": "skole"}])
    assert saved.conditions.count() == 1


def test_the_sizes_are_limited(survey):
    refused(
        "højst have 50", save, survey, QuestionKind.SINGLE, options=[f"Svar {n}" for n in range(51)]
    )
    first = choice(survey)
    many = [{"depends_on": first, "kind": "answered"}] * 21
    refused("højst have 20", save, survey, conditions=many)
    SurveyQuestion.objects.bulk_create(
        SurveyQuestion(survey=survey, position=n, kind=QuestionKind.SHORT_TEXT, text=f"{n}?")
        for n in range(2, 201)
    )
    refused("højst have 200", save, survey)


def test_an_edit_keeps_the_options_ids_and_a_refused_edit_changes_nothing(survey):
    first = choice(survey, labels=["Ja", "Nej", "Måske"])
    yes, no, maybe = first.options.order_by("position")
    edited = save(
        survey,
        QuestionKind.SINGLE,
        "Bruger du stierne?",
        question=first,
        options=[{"id": yes.pk, "label": "Ja, tit"}, {"id": no.pk, "label": "Nej"}],
    )
    stored = [(o.pk, o.label) for o in edited.options.order_by("position")]
    assert stored == [(yes.pk, "Ja, tit"), (no.pk, "Nej")]
    assert not SurveyOption.objects.filter(pk=maybe.pk).exists()
    only_yes = [{"id": yes.pk, "label": "Ja"}]
    refused(
        "mindst to", save, survey, QuestionKind.SINGLE, "Ændret?", question=first, options=only_yes
    )
    first.refresh_from_db()
    assert first.text == "Bruger du stierne?"
    assert first.options.count() == 2


def test_what_other_questions_depend_on_cannot_vanish(survey):
    first = choice(survey)
    yes, no = first.options.order_by("position")
    save(survey, conditions=[{"depends_on": first, "kind": "equals", "option": yes}])
    without_yes = [{"id": no.pk, "label": "Nej"}, "Måske"]
    refused(
        "spørgsmål 2",
        save,
        survey,
        QuestionKind.SINGLE,
        "Bruger du stien?",
        question=first,
        options=without_yes,
    )
    refused("forsvinder", save, survey, QuestionKind.SHORT_TEXT, "Bruger du stien?", question=first)
    refused("sektion", save, survey, QuestionKind.SECTION, "Bruger du stien?", question=first)
    assert first.options.count() == 2


def test_a_closed_or_external_survey_refuses_every_change(survey):
    first = choice(survey)
    Survey.objects.filter(pk=survey.pk).update(
        status=SurveyStatus.CLOSED,
        controller_notice="Kommunen er dataansvarlig.",
        opens_at=timezone.now(),
        closes_at=timezone.now() + datetime.timedelta(days=1),
    )
    refused("lukket", save, survey)
    refused("lukket", services.question_delete, question=first)
    refused("lukket", services.question_move, question=first, up=False)
    Survey.objects.filter(pk=survey.pk).update(status=SurveyStatus.DRAFT, kind=SurveyKind.EXTERNAL)
    refused("andetsteds", save, survey)


def test_once_answered_only_the_wording_may_change(survey):
    first = choice(survey, labels=["Ja", "Nej"])
    second = save(survey, text="Hvor tit?")
    yes, no = first.options.order_by("position")
    Survey.objects.filter(pk=survey.pk).update(locked_at=timezone.now())
    kept = [{"id": yes.pk, "label": "Ja!"}, {"id": no.pk, "label": "Nej"}]
    fixed = save(
        survey,
        QuestionKind.SINGLE,
        "Bruger du stien nu?",
        question=first,
        options=kept,
        help_text="Tænk på i år.",
    )
    assert fixed.text == "Bruger du stien nu?"
    assert yes.pk in {o.pk for o in fixed.options.all()}
    assert SurveyOption.objects.get(pk=yes.pk).label == "Ja!"
    for change in [
        {"kind": QuestionKind.MULTIPLE, "options": kept},
        {"options": [*kept, "Måske"]},
        {"options": [*kept[:1], "Nej"]},
        {"options": kept, "required": True},
    ]:
        kind = change.pop("kind", QuestionKind.SINGLE)
        refused("har fået svar", save, survey, kind, "Bruger du stien?", question=first, **change)
    refused("har fået svar", save, survey, text="Hvor tit?", question=second, conditions=on(first))
    refused("har fået svar", save, survey, text="Nyt?")
    refused("har fået svar", services.question_delete, question=second)
    refused("har fået svar", services.question_move, question=second, up=True)


def test_delete_is_refused_while_another_question_depends_on_it(survey):
    first = choice(survey)
    save(survey, "short_text", "Hvorfor?", conditions=[{"depends_on": first, "kind": "answered"}])
    save(survey, "short_text", "Hvor?", conditions=[{"depends_on": first, "kind": "not_answered"}])
    refused("Spørgsmål 2 og 3 afhænger", services.question_delete, question=first)
    lonely = save(survey, text="Noget andet?")
    services.question_delete(question=lonely)
    assert not SurveyQuestion.objects.filter(pk=lonely.pk).exists()
    assert SurveyEvent.objects.filter(note__contains="slettet (nr. 4)").exists()


def test_move_swaps_with_the_neighbour_unless_a_condition_would_look_ahead(survey):
    first = choice(survey)
    free = save(survey, text="Fri?")
    dependent = save(
        survey, text="Hvorfor?", conditions=[{"depends_on": first, "kind": "answered"}]
    )

    def order():
        return list(SurveyQuestion.objects.filter(survey=survey).values_list("pk", flat=True))

    services.question_move(question=dependent, up=True)
    assert order() == [first.pk, dependent.pk, free.pk]
    refused("afhænger af spørgsmål 1", services.question_move, question=dependent, up=True)
    refused("Spørgsmål 2 afhænger", services.question_move, question=first, up=False)
    refused("allerede øverst", services.question_move, question=first, up=True)
    refused("allerede nederst", services.question_move, question=free, up=False)
    assert order() == [first.pk, dependent.pk, free.pk]


def test_move_works_with_equal_positions(survey):
    one, two = (
        SurveyQuestion.objects.create(survey=survey, position=1, kind="short_text", text=text)
        for text in ("En?", "To?")
    )
    services.question_move(question=two, up=True)
    assert list(survey.questions.values_list("pk", flat=True)) == [two.pk, one.pk]


@pytest.mark.parametrize(
    ("text", "warned"),
    [
        ("Hvad er din e-mail?", "en e-mailadresse"),
        ("Skriv dit telefonnummer", "et telefonnummer"),
        ("Hvad er dit NAVN?", "et navn"),
        ("Din adresse og dit CPR-nummer", "en adresse og et CPR-nummer"),
        ("Hvad er dit fornavn?", "et navn"),
        ("Hvor bor du i foreningen?", None),
        ("Hvad synes du om Bymailen?", None),
    ],
)
def test_an_anonymous_survey_warns_of_personal_data(survey, text, warned):
    save(survey, text=text)
    warnings = services.personal_data_warnings(survey)
    if warned is None:
        assert warnings == []
    else:
        assert warnings[0][1].startswith(
            f"Undersøgelsen er anonym, men spørgsmålet beder om {warned}"
        )


def test_a_question_asking_in_its_help_text_warns_too_but_not_in_an_identified_survey():
    anonymous = draft()
    save(anonymous, text="Vil du kontaktes?", help_text="Skriv din mail.")
    assert len(services.personal_data_warnings(anonymous)) == 1
    identified = draft(anonymity=Anonymity.IDENTIFIED)
    save(identified, text="Hvad er din e-mail?")
    assert services.personal_data_warnings(identified) == []


def _management(prefix, total, initial=0):
    return {
        f"{prefix}-TOTAL_FORMS": str(total),
        f"{prefix}-INITIAL_FORMS": str(initial),
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "50",
    }


def test_the_forms_refuse_a_forged_count_and_a_forged_id(survey):
    for total in ("51", "-1", "x"):
        formset = option_formset(
            QuestionKind.SINGLE, _management("options", total), initial=[], extra=2
        )
        assert not formset.is_valid()
        assert formset.forms == []
    stored = [{"label": "Ja"}, {"label": "Nej"}]
    dropped = option_formset(
        QuestionKind.SINGLE, _management("options", 1, 1), initial=stored, extra=2
    )
    assert not dropped.is_valid()  # the page showed two stored rows: a post must keep both
    data = _management("conditions", 1) | {
        "conditions-0-depends_on": "999999",
        "conditions-0-kind": "answered",
    }
    conditions = condition_formset(data, initial=[], extra=1, questions=[(1, "1. Ja?")], options=[])
    assert not conditions.is_valid()
    assert "Vælg en af mulighederne" in str(conditions.forms[0].errors)
