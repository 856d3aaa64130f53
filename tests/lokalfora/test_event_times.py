"""Item 18d: the event form takes what its date-time picker sends and what people type,
and its help and error text name exactly those formats."""

import datetime
import html
import re
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone

from lokalfora.models import Event
from tests.lokalfora.test_events import FORM

pytestmark = pytest.mark.django_db
CPH = ZoneInfo("Europe/Copenhagen")
URL = "/lokalomraader/tollose/arrangementer/ny/"
EXAMPLE = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d|\d\d\.\d\d\.\d{4} \d\d:\d\d")


@pytest.fixture(autouse=True)
def _december(time_machine):
    time_machine.move_to(datetime.datetime(2026, 12, 1, 12, tzinfo=CPH), tick=False)


def post(client, starts_at, ends_at="24.12.2026 20:00"):
    return client.post(URL, {**FORM, "starts_at": starts_at, "ends_at": ends_at})


@pytest.mark.parametrize("typed", ["2026-12-24T18:00", "24.12.2026 18:00"])
def test_the_pickers_format_and_the_typed_one_are_both_taken(client_as, area, typed):
    assert post(client_as("editor_this"), typed).status_code == 302
    event = Event.objects.get(forum=area.forum)
    assert timezone.localtime(event.starts_at, CPH) == datetime.datetime(
        2026, 12, 24, 18, tzinfo=CPH
    )


def test_every_format_the_error_names_is_taken(client_as, area):
    client = client_as("editor_this")
    refused = post(client, "juleaften kl. 18")
    assert refused.status_code == 200
    error = html.unescape(refused.text)
    message = next(
        line for line in error.splitlines() if "Vælg dato og klokkeslæt, eller skriv" in line
    )
    named = EXAMPLE.findall(message)
    assert sorted(named) == ["2026-12-24T18:00", "24.12.2026 18:00"]
    # The help under the field says the same before anything goes wrong.
    assert "skriv dem som fx 24.12.2026 18:00" in client.get(URL).text
    for example in named:
        Event.objects.all().delete()
        assert post(client, example).status_code == 302, example
