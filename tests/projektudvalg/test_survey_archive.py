"""The surveys' archive (/undersoegelser/) and the area page's survey section: what is
listed (open, planned, closed, with results, run elsewhere; never drafts or proposals),
the filters, the pages of 25, the constant queries, and at most 5 of each on an area."""

import datetime

import pytest
from django.urls import reverse

from projektudvalg.models import Survey, SurveyStatus
from tests.projektudvalg.survey_helpers import CLOSES, DURING, OPENS
from tests.projektudvalg.survey_pages_helpers import areas, external_survey
from tests.querycount import assert_constant_queries

pytestmark = pytest.mark.django_db

LIST = "/undersoegelser/"
LATER = DURING + datetime.timedelta(days=60)


def _survey(title, status, *, slugs=("tollose",), whole=False, opens=OPENS, closes=CLOSES):
    published = status in (SurveyStatus.PUBLISHED, SurveyStatus.ARCHIVED)
    survey = Survey.objects.create(
        title=title, purpose="Hvad mener du?", retention_until=datetime.date(2028, 1, 1),
        controller_notice="Holbæk Kommune", opens_at=opens, closes_at=closes, status=status,
        whole_municipality=whole, results_published_at=CLOSES if published else None,
        proposed_by_forum=areas("tollose").get().forum if status == "proposed" else None,
    )  # fmt: skip
    survey.areas.set(areas(*slugs))
    return survey


@pytest.fixture
def archive(reference_data, clock):
    clock.set(DURING)
    return {
        "open": _survey("Åben om stier", SurveyStatus.OPEN),
        "planned": _survey(
            "Planlagt om lys",
            SurveyStatus.SCHEDULED,
            opens=LATER,
            closes=LATER + datetime.timedelta(days=9),
        ),
        "closed": _survey("Lukket om bænke", SurveyStatus.CLOSED, slugs=("jyderup",)),
        "results": _survey("Resultater om søen", SurveyStatus.PUBLISHED, whole=True, slugs=()),
        "external": external_survey(title="Borgerpanel om kultur"),
        "draft": _survey("Kladde om hemmeligt", SurveyStatus.DRAFT),
        "proposed": _survey("Forslag om hemmeligt", SurveyStatus.PROPOSED),
    }


def _titles(client, query=""):
    return client.get(LIST + query).text


def test_the_archive_lists_what_the_public_may_see(client, archive):
    text = _titles(client)
    for key in ("open", "planned", "closed", "results", "external"):
        assert archive[key].title in text, key
    assert "hemmeligt" not in text
    assert reverse("projektudvalg:survey-results", kwargs={"pk": archive["results"].pk}) in text
    assert reverse("projektudvalg:survey-results", kwargs={"pk": archive["open"].pk}) not in text
    assert "Åben for svar" in text
    assert "Planlagt" in text
    assert "Hele kommunen" in text


def test_the_filters(client, archive):
    open_now = _titles(client, "?status=aabne")
    assert archive["open"].title in open_now
    assert archive["planned"].title not in open_now
    assert archive["results"].title not in open_now
    results = _titles(client, "?status=resultater")
    assert archive["results"].title in results
    assert archive["external"].title in results
    assert archive["open"].title not in results
    jyderup = _titles(client, "?omraade=jyderup")
    assert archive["closed"].title in jyderup  # aimed at Jyderup
    assert archive["results"].title in jyderup  # the whole municipality
    assert archive["open"].title not in jyderup  # Tølløse's
    # An unknown value is no filter, never an error.
    assert archive["open"].title in _titles(client, "?omraade=atlantis&status=alle")


def test_the_archive_has_pages_of_25_newest_first(client, reference_data, clock):
    clock.set(DURING)
    for day in range(30):
        opens = OPENS - datetime.timedelta(days=day + 1)
        _survey(f"Undersøgelse nr. {day:02d}", SurveyStatus.CLOSED, opens=opens)
    first = client.get(LIST).text
    assert first.count('<article class="mt-5">') == 25
    assert first.index("nr. 00") < first.index("nr. 01")
    assert "nr. 29" not in first
    assert client.get(LIST + "?side=2").text.count('<article class="mt-5">') == 5
    assert client.get(LIST + "?side=abc").status_code == 200


def test_the_archive_runs_a_constant_number_of_queries(client, archive):
    def grow():
        for n in range(40):
            _survey(f"Flere {n}", SurveyStatus.PUBLISHED, slugs=("tollose", "undlose", "jyderup"))

    for query in ("", "?omraade=tollose&status=resultater"):
        assert_constant_queries(client, LIST + query, grow, limit=6)


def test_the_area_page_shows_its_open_surveys_and_newest_results(client, archive):
    tollose = client.get("/lokalomraader/tollose/").text
    section = tollose.split('id="surveys-heading"')[1].split("</section>")[0]
    assert archive["open"].title in section
    assert archive["results"].title in section  # the whole municipality's
    assert archive["planned"].title not in section
    assert "hemmeligt" not in section
    jyderup = client.get("/lokalomraader/jyderup/").text.split('id="surveys-heading"')[1]
    assert archive["open"].title not in jyderup.split("</section>")[0]


def test_the_area_page_shows_at_most_five_of_each(client, archive):
    for n in range(7):
        _survey(f"Mere åben {n}", SurveyStatus.OPEN)
        _survey(f"Flere resultater {n}", SurveyStatus.PUBLISHED)
    section = client.get("/lokalomraader/tollose/").text.split('id="surveys-heading"')[1]
    section = section.split("</section>")[0]
    assert section.count("/undersoegelser/") - section.count("?omraade=") == 10
