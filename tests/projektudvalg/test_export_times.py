"""Item 18b: times in the staff exports are Danish time, not the database's UTC."""

import csv
import datetime
import io

import pytest
from openpyxl import load_workbook

from holbaek.csvsafe import cell, xlsx_cell
from projektudvalg.models import Application, Decision
from tests.factories import login
from tests.projektudvalg.test_pages import granted_application

pytestmark = pytest.mark.django_db

# 00:15 on 1 July in Copenhagen (summer time, UTC+2) is still 30 June in UTC.
JUST_AFTER_MIDNIGHT = datetime.datetime(2026, 6, 30, 22, 15, tzinfo=datetime.UTC)


def test_the_shared_cells_are_in_danish_time():
    assert cell(JUST_AFTER_MIDNIGHT) == "2026-07-01 00:15"
    assert xlsx_cell(JUST_AFTER_MIDNIGHT) == datetime.datetime(2026, 7, 1, 0, 15)
    assert cell(datetime.date(2026, 7, 1)) == "2026-07-01"
    assert cell("=1+1") == xlsx_cell("=1+1") == "'=1+1"


def test_the_application_exports_say_danish_time(client, open_round, applicant, staff):
    application = granted_application(open_round, applicant, staff)
    Application.objects.filter(pk=application.pk).update(submitted_at=JUST_AFTER_MIDNIGHT)
    Decision.objects.filter(application=application).update(decided_at=JUST_AFTER_MIDNIGHT)
    login(client, staff)
    text = client.get("/puljer/eksport/ansoegninger.csv").content.decode("utf-8-sig")
    row = next(csv.DictReader(io.StringIO(text), delimiter=";"))
    assert row["indsendt"] == "2026-07-01 00:15"
    text = client.get("/puljer/eksport/afgoerelser.csv").content.decode("utf-8-sig")
    assert next(csv.DictReader(io.StringIO(text), delimiter=";"))["dato"] == "2026-07-01 00:15"
    for kind, column in [("ansoegninger", "indsendt"), ("afgoerelser", "dato")]:
        sheet = load_workbook(io.BytesIO(client.get(f"/puljer/eksport/{kind}.xlsx").content)).active
        values = dict(zip([c.value for c in sheet[1]], [c.value for c in sheet[2]], strict=True))
        assert values[column] == datetime.datetime(2026, 7, 1, 0, 15)
