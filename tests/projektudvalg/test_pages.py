"""Public pool pages, the granted list, the queue, meetings and the staff exports."""

import csv
import datetime
import io
from decimal import Decimal

import pytest
from django.utils import timezone

from projektudvalg import services
from projektudvalg.models import Meeting
from tests.clock import danish
from tests.factories import RoundFactory, complete, give_mfa, login, make_user
from tests.factories.committee import CommitteeFactory
from tests.querycount import assert_constant_queries

pytestmark = pytest.mark.django_db


def granted_application(round_, applicant, staff, *, title="Shelter ved søen", amount=60000):
    application = services.application_create(pool=round_.pool, round_id=round_.pk, user=applicant)
    complete(application, title=title)
    services.application_submit(application=application, user=applicant)
    services.review_start(application=application, user=staff)
    services.decision_record(
        application=application, user=staff, outcome="granted", amount=Decimal(amount)
    )
    application.refresh_from_db()
    return application


def test_the_pool_page_shows_the_open_round_and_the_granted_projects(
    client, open_round, applicant, staff
):
    page = client.get("/puljer/rum-til-faellesskab/").text
    assert "Ansøgningsrunden »Runde« er åben" in page
    assert "Søg puljen" in page
    assert "Der er ikke registreret bevillinger" in page
    granted_application(open_round, applicant, staff)
    page = client.get("/puljer/rum-til-faellesskab/").text
    assert "Shelter ved søen" in page
    assert "Tølløse Borgerforening" in page
    assert "60.000\xa0kr." in page


def test_no_open_round_says_so(client, rtf):
    page = client.get("/puljer/rum-til-faellesskab/").text
    assert "Der er ingen åben ansøgningsrunde lige nu" in page


def test_the_granted_list_filters_by_pool_year_and_area(client, open_round, applicant, staff):
    granted_application(open_round, applicant, staff)
    year = open_round.deadline.year
    for query in ["", "?pulje=rum-til-faellesskab", f"?aar={year}", "?omraade=tollose"]:
        assert "Shelter ved søen" in client.get(f"/puljer/bevillinger/{query}").text, query
    for query in ["?pulje=landsbyfornyelse", f"?aar={year - 5}", "?omraade=jyderup"]:
        assert "Shelter ved søen" not in client.get(f"/puljer/bevillinger/{query}").text, query
    assert client.get("/puljer/bevillinger/?aar=abc&pulje=findes-ikke").status_code == 200


def test_the_area_page_shows_its_granted_projects(client, open_round, applicant, staff):
    granted_application(open_round, applicant, staff)
    page = client.get("/lokalomraader/tollose/").text
    assert "Projekter med tilskud fra puljerne" in page
    assert "Shelter ved søen" in page
    assert "Projekter med tilskud fra puljerne" not in client.get("/lokalomraader/oro/").text


def test_the_queue_runs_a_constant_number_of_queries(client, open_round, applicant, staff):
    login(client, staff)
    granted_application(open_round, applicant, staff, title="Første")

    def grow():
        for number in range(30):
            application = services.application_create(
                pool=open_round.pool, round_id=open_round.pk, user=applicant
            )
            complete(application, title=f"Projekt {number}")
            services.application_submit(application=application, user=applicant)

    assert_constant_queries(client, "/puljer/behandling/", grow, limit=12)


def _rounds_table(html: str) -> str:
    return html[html.index("<caption>Runderne på siden") : html.index("</table>")]


def test_the_queue_shows_what_is_left_of_each_round_in_constant_queries(
    client, open_round, applicant, staff
):
    login(client, staff)
    granted_application(open_round, applicant, staff, amount=60000)
    table = _rounds_table(client.get("/puljer/behandling/").text)
    assert ">Tilbage</th>" in table
    for amount in ("500.000\xa0kr.", "60.000\xa0kr.", "440.000\xa0kr."):  # budget, granted, left
        assert amount in table

    def grow():
        for number in range(3):
            round_ = RoundFactory(
                pool=open_round.pool, budget=Decimal(100_000), name=f"Runde {number}"
            )
            granted_application(round_, applicant, staff, title=f"Projekt {number}", amount=55000)

    assert_constant_queries(client, "/puljer/behandling/", grow, limit=12)
    table = _rounds_table(client.get("/puljer/behandling/").text)
    assert table.count("45.000\xa0kr.") == 3  # 100.000 - 55.000 in each new round


def test_staff_reach_the_decision_letter_from_the_case_page(client, in_review, staff):
    login(client, staff)
    letter = f"/ansoegninger/{in_review.pk}/brev/"
    assert letter not in client.get(f"/puljer/behandling/{in_review.pk}/").text
    services.decision_record(
        application=in_review, user=staff, outcome="granted", amount=Decimal(60000)
    )
    page = client.get(f"/puljer/behandling/{in_review.pk}/").text
    assert f'href="{letter}"' in page
    assert f'href="{letter}?format=pdf"' in page
    assert "giver tilsagn om et tilskud på 60.000\xa0kr." in client.get(letter).text


def test_a_returned_application_has_no_letter_link(client, in_review, staff):
    login(client, staff)
    services.decision_record(
        application=in_review, user=staff, outcome="returned", reason="Ret budgettet."
    )
    assert "/brev/" not in client.get(f"/puljer/behandling/{in_review.pk}/").text


def test_the_queue_filters_and_refuses_nonsense_quietly(client, open_round, applicant, staff):
    login(client, staff)
    granted_application(open_round, applicant, staff, amount=60000)
    assert "Shelter ved søen" in client.get("/puljer/behandling/?min_amount=50.000").text
    assert "Shelter ved søen" not in client.get("/puljer/behandling/?min_amount=70.000").text
    assert "Shelter ved søen" not in client.get("/puljer/behandling/?area=999999").text
    nonsense = client.get("/puljer/behandling/?min_amount=abc&status=x")
    assert nonsense.status_code == 200
    assert "Ret filtret" in nonsense.text


def test_the_case_page_runs_a_constant_number_of_queries(client, open_round, applicant, staff):
    login(client, staff)
    application = granted_application(open_round, applicant, staff)

    def grow_safely():
        for number in range(5):
            services.advisory_note_create(
                application=application, user=staff, text=f"Note {number}"
            )

    assert_constant_queries(client, f"/puljer/behandling/{application.pk}/", grow_safely,
                            limit=40)  # fmt: skip


def test_exports_parse_back(client, open_round, applicant, staff):
    from openpyxl import load_workbook

    login(client, staff)
    application = granted_application(open_round, applicant, staff)
    response = client.get("/puljer/eksport/ansoegninger.csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert rows[0]["journalnummer"] == application.reference
    assert rows[0]["ansoegt_kr"] == "60000.00"
    book = load_workbook(io.BytesIO(client.get("/puljer/eksport/afgoerelser.xlsx").content))
    sheet = book.active
    header = [c.value for c in sheet[1]]
    values = dict(zip(header, [c.value for c in sheet[2]], strict=True))
    assert values["journalnummer"] == application.reference
    assert values["beloeb_kr"] == 60000
    assert client.get("/puljer/eksport/hemmeligt.csv").status_code == 404


def test_a_meeting_agenda_prints_and_exports(client, open_round, applicant, staff):
    CommitteeFactory()
    login(client, staff)
    form = {"title": "Udvalgsmøde", "starts_at": "32.13.2026 17:00", "place": "Rådhuset",
            "not_in_official_system": "on"}  # fmt: skip
    response = client.post("/udvalget/moeder/styring/", form)
    assert response.status_code == 400
    assert "Skriv dato og klokkeslæt" in response.text
    assert 'value="Rådhuset"' in response.text  # what was typed stays
    response = client.post("/udvalget/moeder/styring/", form | {"starts_at": "2026-12-10T17:00"})
    meeting = Meeting.objects.get()
    assert response.url == f"/udvalget/moeder/{meeting.pk}/rediger/"
    application = services.application_create(
        pool=open_round.pool, round_id=open_round.pk, user=applicant
    )
    complete(application)
    services.application_submit(application=application, user=applicant)
    services.recommendation_save(
        application=application,
        user=staff,
        outcome="granted",
        amount=Decimal(50000),
        text="Godt projekt",
    )
    application.refresh_from_db()
    client.post(f"/puljer/behandling/{application.pk}/dagsorden/", {"agenda-meeting": meeting.pk})
    client.post(f"/puljer/behandling/{application.pk}/dagsorden/", {"agenda-meeting": meeting.pk})
    item = meeting.items.get()
    assert item.pool_lines.count() == 1
    page = client.get(f"/udvalget/punkter/{item.pk}/ansoegninger/").text
    assert "Ret punkt 1" in client.get(f"/udvalget/moeder/{meeting.pk}/rediger/").text
    assert "Godt projekt" in page
    rows = list(csv.reader(io.StringIO(
        client.get(f"/puljer/moeder/{meeting.pk}/dagsorden.csv").content.decode("utf-8-sig")
    ), delimiter=";"))  # fmt: skip
    assert rows[1][0] == "1"
    assert rows[1][1] == application.reference
    assert rows[1][6] == "Bevilget"
    assert timezone.localtime(meeting.starts_at) == danish("2026-12-10 17:00")


def test_the_letter_page_and_pdf(client, open_round, applicant, staff):
    application = granted_application(open_round, applicant, staff)
    login(client, applicant)
    page = client.get(f"/ansoegninger/{application.pk}/brev/")
    assert "giver tilsagn om et tilskud på 60.000\xa0kr." in page.text
    pdf = client.get(f"/ansoegninger/{application.pk}/brev/?format=pdf")
    assert pdf["Content-Type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF-")


def test_staff_set_a_round_in_the_admin_ending_at_midnight_danish_time(client, rtf):
    from holbaek import roles
    from projektudvalg.models import Round, end_of_day

    admin = give_mfa(make_user("admin@example.org", role=roles.ADMINISTRATOR, is_staff=True,
                               is_superuser=True))  # fmt: skip
    login(client, admin)
    data = {
        "pool": rtf.pk, "name": "Sommer 2027", "opens_at_0": "01.03.2027",
        "opens_at_1": "08:00:00", "budget": "2500000", "report_months": "12",
        "deadline_day": "01.08.2027", "deadline_time": "",
    }  # fmt: skip
    response = client.post("/admin/projektudvalg/round/add/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    assert Round.objects.get().deadline == end_of_day(datetime.date(2027, 8, 1))
    data |= {"name": "Forkert", "deadline_day": "01.02.2027"}
    response = client.post("/admin/projektudvalg/round/add/", data)
    assert response.status_code == 200
    assert Round.objects.count() == 1


def test_staff_open_and_adjust_rounds_on_their_own_page(client, open_round, applicant, staff):
    from projektudvalg.models import Round, end_of_day

    login(client, staff)
    data = {
        "pool": open_round.pool.pk, "name": "Forår 2027", "opens_at": "2027-03-01T08:00",
        "budget": "2.500.000", "report_months": "12", "deadline_day": "01.08.2027",
        "deadline_time": "",
    }  # fmt: skip
    assert client.post("/puljer/runder/", data).status_code == 302
    new = Round.objects.get(name="Forår 2027")
    assert new.deadline == end_of_day(datetime.date(2027, 8, 1))
    assert new.budget == 2_500_000
    bad = client.post("/puljer/runder/", data | {"name": "X", "deadline_day": "01.02.2027",
                                                  "budget": "mange"})  # fmt: skip
    assert bad.status_code == 400
    assert "Fristen skal ligge efter åbningen" in bad.text
    assert "Skriv beløbet i kroner med tal" in bad.text
    granted_application(open_round, applicant, staff, amount=60000)
    edit = {
        "pool": open_round.pool.pk, "name": open_round.name, "opens_at": "2026-01-01T00:00",
        "budget": "50.000", "report_months": "12", "deadline_day": "31.12.2099",
        "deadline_time": "",
    }  # fmt: skip
    response = client.post(f"/puljer/runder/{open_round.pk}/", edit)
    assert response.status_code == 400
    assert "Runden har allerede bevilget 60.000\xa0kr. Budgettet" in response.text


@pytest.mark.parametrize("role", ["anonymous", "citizen", "co_creator", "committee_staff", "admin"])
def test_who_may_manage_rounds(client_as, reference_data, role):
    response = client_as(role).get("/puljer/runder/")
    if role in {"committee_staff", "admin"}:
        assert response.status_code == 200
    else:
        assert response.status_code in {302, 403}
