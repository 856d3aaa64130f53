"""The answers export: Danish Excel's CSV (BOM, `;`, æøå intact), one column per question,
per option of several-choices questions and per "andet" text beside its option, and a
codebook listing every column; constant queries."""

import csv
import io

import pytest
from openpyxl import load_workbook

from projektudvalg import survey_export
from projektudvalg.models import QuestionKind, SurveyOption, SurveyQuestion
from projektudvalg.services.survey_responses import response_store
from projektudvalg.survey_logic import Value
from tests.projektudvalg.survey_helpers import DURING, build_survey, survey_values


@pytest.fixture
def answered(reference_data):
    survey = build_survey()
    several = SurveyQuestion.objects.create(
        survey=survey, position=4, kind=QuestionKind.MULTIPLE, text="Hvad savner I på stien?",
        allow_other=True,
    )  # fmt: skip
    for i, label in enumerate(["Bænke", "Lys"], 1):
        SurveyOption.objects.create(question=several, position=i, label=label)
    other = SurveyOption.objects.create(question=several, position=3, label="Andet", is_other=True)
    values = survey_values(survey) | {
        several.pk: Value(options=(other.pk,), other="Skraldespande ved søen")
    }
    response_store(survey=survey, values=values, channel="link", session_token="a", now=DURING)
    response_store(survey=survey, values=survey_values(survey, answer="Nej"), channel="link",
                   session_token="b", now=DURING)  # fmt: skip
    return survey


def test_the_csv_opens_in_danish_excel(answered):
    text = survey_export.as_csv(answered)
    assert text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text.removeprefix("\ufeff")), delimiter=";"))
    header, *body = rows
    # 5 own columns; 4 questions; 3 options of the several-choices one; 1 "andet" text.
    assert len(header) == 5 + 4 + 3 + 1
    assert header[-5:] == ["q4", "q4_1", "q4_2", "q4_3", "q4_andet"]  # the text beside "andet"
    assert len(body) == 2
    # Rows come in a random order within a day (anonymous rows have random ids).
    first = next(dict(zip(header, row, strict=True)) for row in body if row[-1])
    assert first["q4_3"] == "1"
    assert first["q4_1"] == "0"
    assert first["q4_andet"] == "Skraldespande ved søen"
    assert first["q3"] == "Tølløse"
    assert first["respondent"] == ""  # anonymous


def test_the_codebook_lists_every_column(answered):
    header, _rows, cols = survey_export.table(answered)
    book_header, book_rows = survey_export.codebook(cols)
    assert [row[0] for row in book_rows] == header
    assert "kolonne" in book_header


def test_xlsx_has_answers_and_codebook(answered, django_assert_max_num_queries):
    """8 queries: the questions with their options and conditions (5), the responses with
    their users, the answers, their areas; the same for 2 responses or 2,000."""
    with django_assert_max_num_queries(8):
        data = survey_export.as_xlsx(answered)
    book = load_workbook(io.BytesIO(data))
    assert book.sheetnames == ["svar", "kodebog"]
    assert book["svar"].max_row == 3
    assert book["svar"]["A1"].value == "besvarelse"


def test_the_export_does_not_grow_in_queries(answered, django_assert_num_queries):
    with django_assert_num_queries(8):
        survey_export.as_csv(answered)
    for n in range(10):
        response_store(survey=answered, values=survey_values(answered, area="undlose"),
                       channel="link", session_token=f"more{n}", now=DURING)  # fmt: skip
    with django_assert_num_queries(8):
        survey_export.as_csv(answered)
