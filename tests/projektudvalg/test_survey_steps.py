"""The survey's later steps, as services: the rules survey_save keeps, back to a draft,
archiving, publishing the chosen questions (forged ids refused), a survey run elsewhere,
and the 5-minute task that opens and closes surveys on time."""

import datetime
import logging

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from lokalfora.models import LocalArea
from projektudvalg import tasks
from projektudvalg.models import (
    QuestionKind,
    Survey,
    SurveyEvent,
    SurveyEventKind,
    SurveyQuestion,
    SurveyStatus,
    SurveyTally,
)
from projektudvalg.services import survey_steps as steps
from projektudvalg.services import surveys
from projektudvalg.services.survey_responses import response_store
from projektudvalg.services.survey_retention import survey_answers_delete
from projektudvalg.survey_tasks import open_and_close_surveys
from tests.projektudvalg.survey_helpers import CLOSES, DURING, OPENS, build_survey, survey_values

pytestmark = pytest.mark.django_db
BEFORE = OPENS - datetime.timedelta(days=2)
AFTER = CLOSES + datetime.timedelta(minutes=5)


def areas(*slugs):
    return list(LocalArea.objects.filter(slug__in=slugs or ["tollose"]))


def new_survey(**fields):
    values = {
        "title": "Trafik", "purpose": "At høre borgerne.", "controller_notice": "Holbæk Kommune …",
        "opens_at": OPENS, "closes_at": CLOSES, "retention_until": datetime.date(2027, 9, 1),
    } | fields  # fmt: skip
    return Survey(**values)


def planned(**fields):
    survey = surveys.survey_save(survey=new_survey(**fields), areas=areas())
    return surveys.survey_open(survey=survey, now=BEFORE)


def closed_with_answers(reference_data=None):
    survey = build_survey()
    for token in ("a", "b"):
        response_store(survey=survey, values=survey_values(survey), channel="link",
                       session_token=token, now=DURING)  # fmt: skip
    SurveyQuestion.objects.create(survey=survey, position=4, kind=QuestionKind.LONG_TEXT,
                                  text="Andet?")  # fmt: skip
    SurveyQuestion.objects.create(survey=survey, position=5, kind=QuestionKind.SECTION,
                                  text="Til sidst")  # fmt: skip
    return surveys.survey_close(survey=survey, now=DURING)


def messages_of(error) -> str:
    return " ".join(error.value.messages)


@pytest.mark.parametrize(
    ("fields", "chosen", "message"),
    [
        ({"whole_municipality": True}, ["tollose"], "ikke begge"),
        ({}, [], "mindst ét lokalområde"),
        ({"audience_public": False}, ["tollose"], "mindst én måde at svare på"),
        ({"closes_at": OPENS}, ["tollose"], "lukke efter, den åbner"),
        ({"retention_until": CLOSES.date()}, ["tollose"], "dagen efter, undersøgelsen lukker"),
    ],
)
def test_survey_save_keeps_the_rules_in_danish(reference_data, fields, chosen, message):
    with pytest.raises(ValidationError) as error:
        surveys.survey_save(survey=new_survey(**fields), areas=areas(*chosen) if chosen else [])
    assert message in messages_of(error)
    assert not Survey.objects.exists()


def test_the_whole_municipality_needs_no_area(reference_data):
    survey = surveys.survey_save(survey=new_survey(whole_municipality=True), areas=[])
    assert survey.status == SurveyStatus.DRAFT


def test_opening_needs_a_target(reference_data):
    survey = surveys.survey_save(survey=new_survey())  # no areas given: a draft may wait
    with pytest.raises(ValidationError) as error:
        surveys.survey_open(survey=survey, now=DURING)
    assert "mindst ét lokalområde" in messages_of(error)


def test_a_planned_survey_goes_back_to_a_draft_only_before_answers(reference_data, monkeypatch):
    survey = planned()
    assert survey.status == SurveyStatus.SCHEDULED
    told = []
    monkeypatch.setattr(surveys, "row_changed", lambda row: told.append(row.status))
    assert surveys.survey_unschedule(survey=survey).status == SurveyStatus.DRAFT
    assert told == [SurveyStatus.SCHEDULED]  # the page cache drops its public page
    with pytest.raises(ValidationError, match="mens undersøgelsen er kladde"):
        surveys.survey_unschedule(survey=survey)
    answered = build_survey()
    response_store(survey=answered, values=survey_values(answered), channel="link",
                   session_token="x", now=DURING)  # fmt: skip
    Survey.objects.filter(pk=answered.pk).update(status=SurveyStatus.SCHEDULED)
    with pytest.raises(ValidationError, match="har fået svar"):
        surveys.survey_unschedule(survey=answered)
    assert Survey.objects.get(pk=answered.pk).status == SurveyStatus.SCHEDULED


def test_only_published_results_are_archived(reference_data):
    survey = closed_with_answers()
    with pytest.raises(ValidationError, match="lukket"):
        surveys.survey_archive(survey=survey)
    steps.survey_publish(survey=survey, public_question_ids=[], by=None, now=AFTER)
    archived = surveys.survey_archive(survey=survey)
    assert archived.status == SurveyStatus.ARCHIVED
    assert SurveyEvent.objects.filter(survey=survey, kind=SurveyEventKind.ARCHIVED).exists()


def test_publishing_needs_a_closed_survey(reference_data):
    survey = build_survey()
    with pytest.raises(ValidationError) as error:
        steps.survey_publish(survey=survey, public_question_ids=[], by=None)
    assert "når undersøgelsen er lukket" in messages_of(error)
    assert Survey.objects.get(pk=survey.pk).status == SurveyStatus.OPEN


def test_forged_question_ids_are_refused_and_nothing_changes(reference_data):
    survey = closed_with_answers()
    other = planned(title="En anden")
    foreign = SurveyQuestion.objects.create(survey=other, position=1, kind="scale", text="?")
    section = survey.questions.get(kind=QuestionKind.SECTION)
    for forged in ([foreign.pk], [section.pk], [999999]):
        with pytest.raises(ValidationError) as error:
            steps.survey_publish(survey=survey, public_question_ids=forged, by=None)
        assert "kun spørgsmål fra denne undersøgelse" in messages_of(error)
    assert Survey.objects.get(pk=survey.pk).status == SurveyStatus.CLOSED
    assert not SurveyQuestion.objects.filter(public=True).exists()


def test_publishing_makes_the_chosen_questions_public(reference_data):
    survey = closed_with_answers()
    uses, how_often = survey.questions.order_by("position")[:2]
    SurveyTally.objects.filter(survey=survey).delete()  # refreshed by publishing
    published = steps.survey_publish(
        survey=survey, public_question_ids=[uses.pk, str(how_often.pk)], by=None, now=AFTER,
        used_summary="  Stien blev lagt om.  ",
    )  # fmt: skip
    assert published.status == SurveyStatus.PUBLISHED
    assert published.results_published_at == AFTER
    assert published.used_summary == "Stien blev lagt om."
    public = set(survey.questions.filter(public=True).values_list("text", flat=True))
    assert public == {"Bruger du stien?", "Hvor tit?"}
    assert SurveyTally.objects.get(survey=survey, question=None, area=None).count == 2
    event = SurveyEvent.objects.get(survey=survey, kind=SurveyEventKind.PUBLISHED)
    assert event.note == "2 spørgsmål offentliggjort."
    with pytest.raises(ValidationError):
        steps.survey_publish(survey=survey, public_question_ids=[], by=None)


def test_publishing_after_the_deletion_keeps_the_stored_counts(reference_data):
    survey = closed_with_answers()
    survey_answers_delete(survey=survey, now=AFTER)
    steps.survey_publish(survey=survey, public_question_ids=[], by=None, now=AFTER)
    assert SurveyTally.objects.get(survey=survey, question=None, area=None).count == 2


def test_the_use_of_the_results_is_written_after_publishing(reference_data):
    survey = closed_with_answers()
    with pytest.raises(ValidationError, match="når resultaterne er offentliggjort"):
        steps.survey_results_use(survey=survey, by=None, used_summary="x")
    steps.survey_publish(survey=survey, public_question_ids=[], by=None, now=AFTER)
    used = steps.survey_results_use(survey=survey, by=None, used_summary="Brugt i planen.")
    assert used.used_summary == "Brugt i planen."


CSV_TEXT = "spørgsmål;svar\nStien;Ja\n".encode()


def results_file(name="resultater.csv", content=CSV_TEXT):
    return SimpleUploadedFile(name, content)


def external(**fields):
    values = {"title": "Borgerpanelet", "purpose": "Trivsel.", "external_source": "SurveyXact",
              "external_summary": "De fleste er glade for stierne."} | fields  # fmt: skip
    return Survey(**values)


def test_a_survey_run_elsewhere_is_published_at_once(reference_data):
    survey = steps.survey_external_publish(
        survey=external(), areas=areas("tollose"), uploaded=results_file(), by=None, now=AFTER
    )
    survey.refresh_from_db()
    assert (survey.kind, survey.status) == ("external", SurveyStatus.PUBLISHED)
    assert survey.results_published_at == AFTER
    assert survey.external_file.extension == "csv"
    assert list(Survey.objects.with_public_results()) == [survey]
    assert set(SurveyEvent.objects.filter(survey=survey).values_list("kind", flat=True)) == {
        SurveyEventKind.CREATED, SurveyEventKind.PUBLISHED,
    }  # fmt: skip


@pytest.mark.parametrize(
    ("fields", "uploaded", "message"),
    [
        ({"external_summary": ""}, results_file(), "hvad resultaterne viser"),
        ({}, None, "Vælg resultatfilen"),
        ({}, results_file("virus.exe", b"MZ\x90\x00\x03"), "kan ikke bruges"),
        ({}, results_file("fake.csv", b"a;b\x00\x00"), "kan ikke bruges"),
        ({}, results_file("tom.pdf", b""), "er tom"),
    ],
)
def test_a_survey_run_elsewhere_is_refused_in_danish(reference_data, fields, uploaded, message):
    with pytest.raises(ValidationError) as error:
        steps.survey_external_publish(
            survey=external(**fields), areas=areas(), uploaded=uploaded, by=None
        )
    assert message in messages_of(error)
    assert not Survey.objects.exists()


def test_a_too_large_results_file_is_refused(reference_data, settings):
    big = results_file("stor.csv", b"a;b\n" * (10 * 1024 * 1024 // 4 + 1))
    with pytest.raises(ValidationError, match="højst fylde 10 MB"):
        steps.survey_external_publish(survey=external(), areas=areas(), uploaded=big, by=None)


def test_the_task_opens_and_closes_on_time(reference_data):
    survey = planned()
    assert steps.surveys_run_schedule(now=OPENS - datetime.timedelta(minutes=1)) == (0, 0)
    assert steps.surveys_run_schedule(now=OPENS) == (1, 0)
    survey.refresh_from_db()
    assert survey.status == SurveyStatus.OPEN
    assert SurveyEvent.objects.filter(survey=survey, kind=SurveyEventKind.OPENED).exists()
    response_store(survey=survey, values={}, channel="link", session_token="t", now=DURING)
    assert steps.surveys_run_schedule(now=DURING) == (0, 0)
    assert steps.surveys_run_schedule(now=AFTER) == (0, 1)
    survey.refresh_from_db()
    assert survey.status == SurveyStatus.CLOSED
    assert survey.closes_at == CLOSES  # the planned time stays
    assert SurveyTally.objects.get(survey=survey, question=None, area=None).count == 1


def test_a_planned_survey_past_its_closing_time_is_closed_not_opened(reference_data):
    survey = planned()
    assert steps.surveys_run_schedule(now=AFTER) == (0, 1)
    assert Survey.objects.get(pk=survey.pk).status == SurveyStatus.CLOSED


def test_one_failing_survey_does_not_stop_the_others(reference_data, monkeypatch, caplog):
    first, second = planned(title="Første"), planned(title="Anden")
    real_close = surveys.survey_close

    def close(*, survey, **kwargs):
        if survey.pk == first.pk:
            raise RuntimeError("boom")
        return real_close(survey=survey, **kwargs)

    monkeypatch.setattr(surveys, "survey_close", close)
    with caplog.at_level(logging.ERROR):
        assert steps.surveys_run_schedule(now=AFTER) == (0, 1)
    assert Survey.objects.get(pk=second.pk).status == SurveyStatus.CLOSED
    assert Survey.objects.get(pk=first.pk).status == SurveyStatus.SCHEDULED
    assert f"Survey {first.pk} could not be closed" in caplog.text
    assert "Første" not in caplog.text


def test_the_task_runs_every_five_minutes(reference_data, clock):
    (entry,) = [e for e in tasks.RECURRING if e.task is open_and_close_surveys]
    now = clock.set("2027-03-01 09:02")
    assert entry.next_run(now) == clock.set("2027-03-01 09:05")
    survey = planned()
    clock.set("2027-03-01 09:05")
    assert open_and_close_surveys.call() == [1, 0]
    assert Survey.objects.get(pk=survey.pk).status == SurveyStatus.OPEN
