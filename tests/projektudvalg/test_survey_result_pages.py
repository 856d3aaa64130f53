"""The published results (page, JSON, CSV, the file of a survey run elsewhere), the live
results and the export: 404 before publishing, only the public questions, one bar per
option with its table, small areas suppressed alike on the page, in JSON and in CSV, the
role matrices, the export's log, constant queries, and results that outlive the answers."""

import csv
import io

import pytest
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.test import Client
from django.urls import reverse

from faelles_skabere.models import CoCreator
from projektudvalg.models import (
    Survey,
    SurveyEvent,
    SurveyEventKind,
    SurveyExternalFile,
    SurveyResponse,
    SurveyStatus,
)
from projektudvalg.services.survey_responses import response_store
from projektudvalg.services.survey_retention import survey_answers_delete_due
from tests.factories import login
from tests.matrix import ROLE_NAMES, assert_access
from tests.projektudvalg.news_helpers import public_decision, staff_user
from tests.projektudvalg.news_helpers import published as published_news
from tests.projektudvalg.survey_helpers import DURING, survey_values
from tests.projektudvalg.survey_pages_helpers import (
    AFTER,
    add_questions,
    add_responses,
    answered_survey,
    every_kind_survey,
    external_survey,
    publish,
)
from tests.querycount import count_queries

pytestmark = pytest.mark.django_db

STAFF = {"committee_staff", "staff_admin", "admin"}
SUPPRESSED = "færre end 5 svar"


def _urls(survey):
    return {
        name: reverse(f"projektudvalg:{name}", kwargs={"pk": survey.pk})
        for name in ("survey-results", "survey-results-json", "survey-results-csv")
    }


def _cell(label, n):
    """A data table's row, as the page writes it."""
    return (
        f'<th scope="row" class="weight-normal">{label}</th><td class="align-text-right">{n}</td>'
    )


def _csv_rows(response):
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text[1:]), delimiter=";"))


@pytest.fixture
def open_survey(reference_data):
    return answered_survey()


@pytest.fixture
def published(open_survey):
    return publish(open_survey)


def test_the_public_results_are_404_before_publishing(client, open_survey):
    for url in _urls(open_survey).values():
        assert client.get(url).status_code == 404
    publish(open_survey)
    Survey.objects.filter(pk=open_survey.pk).update(status=SurveyStatus.CLOSED,
                                                    results_published_at=None)  # fmt: skip
    for url in _urls(open_survey).values():
        assert client.get(url).status_code == 404
    assert (
        client.get(reverse("projektudvalg:survey-results", kwargs={"pk": 999999})).status_code
        == 404
    )


def test_six_and_three_answers_suppress_both_areas_everywhere(client, published):
    urls = _urls(published)
    page = client.get(urls["survey-results"]).text
    assert '<td class="align-text-right">færre end 5 svar</td>' in page  # responses per area
    assert '<td colspan="3">færre end 5 svar</td>' in page  # the several-choices question's
    assert _cell("Tølløse", 6) not in page
    data = client.get(urls["survey-results-json"]).json()
    assert data["besvarelser"] == 9
    assert {a["omraade"]: (a["besvarelser"], a["note"]) for a in data["omraader"]} == {
        "tollose": (None, SUPPRESSED),
        "undlose": (None, SUPPRESSED),
    }
    several = next(q for q in data["spoergsmaal"] if q["type"] == "multiple")
    assert [a["svar"] for a in several["omraader"]] == [None, None]
    rows = _csv_rows(client.get(urls["survey-results-csv"]))
    by_area = [row for row in rows if row[1] == "Besvarelser" and row[4]]
    assert sorted(by_area) == [
        ["", "Besvarelser", "", "", "Tølløse", "", SUPPRESSED],
        ["", "Besvarelser", "", "", "Undløse", "", SUPPRESSED],
    ]
    assert not any(row[4] == "Tølløse" and row[5] for row in rows)


def test_six_and_five_answers_show_both_areas(client, reference_data):
    survey = publish(answered_survey(tollose=6, undlose=5))
    urls = _urls(survey)
    data = client.get(urls["survey-results-json"]).json()
    assert {a["omraade"]: a["besvarelser"] for a in data["omraader"]} == {
        "tollose": 6,
        "undlose": 5,
    }
    several = next(q for q in data["spoergsmaal"] if q["type"] == "multiple")
    tollose = next(a for a in several["omraader"] if a["omraade"] == "tollose")
    assert tollose["svar"] == [{"svar": "Bænke", "antal": 6}, {"svar": "Lys", "antal": 6},
                               {"svar": "Skilte", "antal": 0}]  # fmt: skip
    page = client.get(urls["survey-results"]).text
    assert _cell("Tølløse", 6) in page
    assert _cell("Undløse", 5) in page
    rows = _csv_rows(client.get(urls["survey-results-csv"]))
    assert ["", "Besvarelser", "", "", "Undløse", "5", ""] in rows


def test_only_the_public_questions_appear(client, published):
    urls = _urls(published)
    for url in urls.values():
        text = client.get(url).content.decode()
        assert "Bruger du stien?" in text
        assert "Hvor tit?" not in text  # the scale question was not made public
        assert "Skriv en kommentar" not in text  # nor the free text
        assert "Kommentar fra Tølløse" not in text


def test_a_public_free_text_shows_its_latest_texts_on_the_page_only(client, open_survey):
    survey = publish(open_survey, public=("Skriv en kommentar",))
    urls = _urls(survey)
    assert "Kommentar fra Tølløse nr. 3" in client.get(urls["survey-results"]).text
    assert "Kommentar fra Tølløse" not in client.get(urls["survey-results-json"]).content.decode()
    assert "Kommentar fra Tølløse" not in client.get(urls["survey-results-csv"]).content.decode()


def test_three_options_give_exactly_three_bars_and_a_data_table(client, published):
    page = client.get(_urls(published)["survey-results"]).text
    section = page.split("Hvad savner du på stien?</h2>")[1].split("</section>")[0]
    assert section.count('class="bar-chart-bar"') == 3
    table = section.split("<table")[1].split("</table>")[0]
    for label, n in [("Bænke", 6), ("Lys", 6), ("Skilte", 0)]:
        assert _cell(label, n) in table


def test_the_public_csv_is_for_danish_excel(client, published):
    response = client.get(_urls(published)["survey-results-csv"])
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response.content.startswith("\ufeff".encode())
    rows = _csv_rows(response)
    assert rows[0] == [
        "spoergsmaal_nr",
        "spoergsmaal",
        "raekke",
        "svar",
        "omraade",
        "antal",
        "note",
    ]
    assert ["3", "Hvad savner du på stien?", "", "Bænke", "", "6", ""] in rows
    assert all(len(row) == 7 for row in rows)


def test_the_decision_and_the_news_that_used_the_answers_are_linked(client, published):
    news = published_news(staff_user(), title="Stien bliver til noget")
    decision = public_decision("Stien langs åen")
    used = {"used_in_news": news, "used_in_decision": decision,
            "used_summary": "Stien bygges langs åen."}  # fmt: skip
    Survey.objects.filter(pk=published.pk).update(**used)
    page = client.get(_urls(published)["survey-results"]).text
    assert "Det brugte vi svarene til" in page
    assert "Stien bygges langs åen." in page
    assert news.get_absolute_url() in page
    assert decision.get_absolute_url() in page
    assert "Udvalgets sag: Stien langs åen" in page
    assert reverse("projektudvalg:survey-results-csv", kwargs={"pk": published.pk}) in page


def test_the_results_outlive_the_raw_answers(client, reference_data):
    survey = publish(answered_survey(tollose=6, undlose=5))
    urls = _urls(survey)
    before = client.get(urls["survey-results-json"]).json()
    survey_answers_delete_due(today=survey.retention_until, now=AFTER)
    assert not SurveyResponse.objects.filter(survey=survey).exists()
    assert client.get(urls["survey-results-json"]).json() == before
    page = client.get(urls["survey-results"]).text
    assert "De enkelte svar er slettet" in page
    assert _cell("Bænke", 6) in page


def _external_file(survey):
    return SurveyExternalFile.objects.create(
        survey=survey, file=ContentFile(b"%PDF-1.4 test", name="resultater.pdf"),
        name="resultater.pdf", extension="pdf", content_type="application/pdf", size=13,
    )  # fmt: skip


def test_a_survey_run_elsewhere_shows_its_summary_and_file_once_published(client, reference_data):
    survey = external_survey(status=SurveyStatus.DRAFT)
    _external_file(survey)
    file_url = reverse("projektudvalg:survey-external-file", kwargs={"pk": survey.pk})
    results_url = reverse("projektudvalg:survey-results", kwargs={"pk": survey.pk})
    assert client.get(file_url).status_code == 404
    assert client.get(results_url).status_code == 404
    Survey.objects.filter(pk=survey.pk).update(status=SurveyStatus.PUBLISHED,
                                               results_published_at=AFTER)  # fmt: skip
    page = client.get(results_url).text
    assert "Tre ud af fire er glade for biblioteket." in page
    assert file_url in page
    response = client.get(file_url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"%PDF-1.4 test"
    for name in ("survey-results-json", "survey-results-csv"):
        assert (
            client.get(reverse(f"projektudvalg:{name}", kwargs={"pk": survey.pk})).status_code
            == 404
        )


def test_a_portal_survey_has_no_results_file(client, published):
    url = reverse("projektudvalg:survey-external-file", kwargs={"pk": published.pk})
    assert client.get(url).status_code == 404


def _follow(title_part):
    """The matrix's fælles-skaber becomes the fixed fælles-skaber of the areas of the
    reference fælles-skaber named so (Tølløse's also follows Undløse and Stestrup)."""
    user = get_user_model().objects.get(email="fs@example.org")
    CoCreator.objects.filter(title__contains=title_part).update(user=user)


def _answers_from(survey, slug, n):
    for index in range(n):
        response_store(survey=survey, values=survey_values(survey, area=slug), channel="link",
                       session_token=f"{slug}{index}", now=DURING)  # fmt: skip


LIVE = STAFF | {"co_creator"}


@pytest.mark.parametrize("role", ROLE_NAMES)
def test_the_live_results_matrix(client_as, role, open_survey):
    """survey-live-results: staff, and the fælles-skaber of one of the survey's areas
    (Tølløse); not the process consultant working in Tølløse, nor anyone else."""
    _answers_from(open_survey, "jyderup", 5)  # an area the fælles-skaber does not follow
    client = client_as(role)
    if role == "co_creator":
        _follow("Tølløse")
    url = reverse("projektudvalg:survey-live-results", kwargs={"pk": open_survey.pk})
    response = client.get(url)
    assert_access(response, role, LIVE)
    if role not in LIVE:
        return
    assert "private" in response["Cache-Control"]
    text = response.text
    assert "Hvor tit?" in text  # not public, but live results show every counted question
    if role in STAFF:
        assert "Kommentar fra Tølløse nr. 5" in text
        assert (
            reverse("projektudvalg:survey-export", kwargs={"pk": open_survey.pk, "fmt": "csv"})
            in text
        )
    else:
        assert "Skriv en kommentar" not in text
        assert "Kommentar fra Tølløse" not in text
        assert "eksport." not in text
        assert "Jyderup" not in text.split("<main")[1]  # only the areas they follow
        assert "Undløse" in text
    if role in STAFF:
        assert "Jyderup</th>" in text


def test_a_fælles_skaber_of_another_area_is_refused(client_as, open_survey):
    client = client_as("co_creator")
    _follow("Jyderup")
    url = reverse("projektudvalg:survey-live-results", kwargs={"pk": open_survey.pk})
    assert client.get(url).status_code == 403


def test_live_results_count_held_answers_apart(client, open_survey):
    SurveyResponse.objects.filter(survey=open_survey, area__slug="undlose").update(review="held")
    login(client, staff_user())
    text = client.get(
        reverse("projektudvalg:survey-live-results", kwargs={"pk": open_survey.pk})
    ).text
    assert "Mistænkelige svar, der venter på et blik:</strong> 3" in text
    assert "Besvarelser, der tælles med:</strong> 6" in text


@pytest.mark.parametrize("role", ROLE_NAMES)
def test_the_export_matrix(client_as, role, open_survey):
    """survey-export (eksport.csv, eksport.xlsx): staff only, each download logged."""
    client = client_as(role)
    for fmt in ("csv", "xlsx"):
        url = reverse("projektudvalg:survey-export", kwargs={"pk": open_survey.pk, "fmt": fmt})
        response = client.get(url)
        assert_access(response, role, STAFF)
        if role in STAFF:
            assert response["Cache-Control"] == "private, no-store"
            assert response["Content-Disposition"] == (
                f'attachment; filename="undersoegelse-{open_survey.pk}-svar.{fmt}"'
            )
    exported = SurveyEvent.objects.filter(survey=open_survey, kind=SurveyEventKind.EXPORTED)
    assert exported.count() == (2 if role in STAFF else 0)
    if role in STAFF:
        assert {event.note for event in exported} == {"Svarene hentet som csv.",
                                                      "Svarene hentet som xlsx."}  # fmt: skip
        assert all(event.by is not None for event in exported)


def test_the_export_csv_and_its_codebook(client, open_survey):
    login(client, staff_user())
    url = reverse("projektudvalg:survey-export", kwargs={"pk": open_survey.pk, "fmt": "csv"})
    rows = _csv_rows(client.get(url))
    assert len(rows) == 1 + 9
    book = _csv_rows(client.get(url, {"kodebog": "1"}))
    assert book[0] == ["kolonne", "spørgsmål", "betydning"]
    assert [row[0] for row in book[1:]] == rows[0]
    assert SurveyEvent.objects.filter(kind=SurveyEventKind.EXPORTED).count() == 1  # not the book
    bad = reverse("projektudvalg:survey-export", kwargs={"pk": open_survey.pk, "fmt": "pdf"})
    assert client.get(bad).status_code == 404
    missing = reverse("projektudvalg:survey-export", kwargs={"pk": 999999, "fmt": "csv"})
    assert client.get(missing).status_code == 404


def test_the_pages_run_a_constant_number_of_queries(client, reference_data):
    """A survey of 10 questions and 6 responses, then of 40 questions and 1,000 responses:
    the same queries for the results page, its JSON and CSV, and the live results."""
    survey = every_kind_survey()
    add_responses(survey, 6)
    staff_client = Client()
    login(staff_client, staff_user())
    pages = [(client, url) for url in _urls(survey).values()]
    pages.append((staff_client, reverse("projektudvalg:survey-live-results",
                                        kwargs={"pk": survey.pk})))  # fmt: skip
    for page_client, url in pages:
        count_queries(page_client, url)  # warm the per-process caches
    before = [count_queries(page_client, url) for page_client, url in pages]
    add_questions(survey, 40)
    SurveyResponse.objects.filter(survey=survey).delete()
    add_responses(survey, 1000)
    after = [count_queries(page_client, url) for page_client, url in pages]
    assert before == after
    assert max(after[:3]) <= 8
    assert after[3] <= 16
    page = client.get(_urls(survey)["survey-results"]).text
    assert "Spørgsmål 40" in page
    long_texts = survey.questions.filter(kind="long_text").count()
    assert page.count("<li>Svar nummer") == 50 * long_texts  # the latest 50 of each


def test_three_answers_in_all_give_no_numbers_to_the_public_or_a_fælles_skaber(
    client, client_as, reference_data
):
    """Tølløse's 3 answers are "færre end 5 svar" there, and so in the whole survey's counts,
    which would be Tølløse's: the page, the JSON, the CSV and a fælles-skaber's live page."""
    survey = answered_survey(tollose=3, undlose=0)
    co_creator = client_as("co_creator")
    _follow("Tølløse")
    live = co_creator.get(reverse("projektudvalg:survey-live-results", kwargs={"pk": survey.pk}))
    assert "Bænke" not in live.text.split("<main")[1]
    assert f"tælles med:</strong> {SUPPRESSED}" in live.text
    urls = _urls(publish(survey))
    page = client.get(urls["survey-results"]).text
    assert "Bænke" not in page
    assert f"Besvarelser:</strong> {SUPPRESSED}" in page
    data = client.get(urls["survey-results-json"]).json()
    assert (data["besvarelser"], data["note"], data["spoergsmaal"]) == (None, SUPPRESSED, [])
    rows = _csv_rows(client.get(urls["survey-results-csv"]))
    assert rows[1:] == [["", "Besvarelser", "", "", "", "", SUPPRESSED]]
    login(client, staff_user())
    staff_page = client.get(reverse("projektudvalg:survey-live-results", kwargs={"pk": survey.pk}))
    assert "Bænke" in staff_page.text
