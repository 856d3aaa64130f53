"""The demo's hearings play the issue's path through the services (lokalfora/demo_hearings.py):
three forums asked, one answer drafted by one contact and sent by another, one "ingen
bemærkninger", one "ingen reaktion" after both reminders, the answer with a phone number
held and redacted, the høringsnotat published and linked to the committee's decision."""

import io

import pytest
from django.core.management import call_command

from lokalfora.demo_hearings import PLAN_TITLE, TRAFFIC_TITLE
from lokalfora.models import Hearing, HearingReminder
from projektudvalg.selectors.hearing_links import items_deciding


@pytest.mark.parametrize("today", ["2030-03-30"])  # dated from the day it is loaded
def test_the_demo_hearings(db, clock, today, mailoutbox):
    clock.set(today)
    call_command("load_reference_data", stdout=io.StringIO())
    call_command("demo", force=True, stdout=io.StringIO())
    traffic = Hearing.objects.get(title=TRAFFIC_TITLE)
    assert traffic.status == "concluded"
    assert dict(traffic.invitations.values_list("forum__area__slug", "status")) == {
        "jyderup": "answered", "tollose": "no_comments", "morkov": "no_reaction",
    }  # fmt: skip
    reminded = HearingReminder.objects.filter(invitation__hearing=traffic)
    assert sorted(reminded.values_list("invitation__forum__area__slug", "days_before")) == [
        ("morkov", 2), ("morkov", 7),
    ]  # fmt: skip
    (answer,) = traffic.responses.all()
    assert answer.drafted_by != answer.submitted_by
    assert answer.screening == "redacted"
    assert "11 22 33 44" in answer.text
    assert "11 22 33 44" not in answer.shown_text
    assert answer.note_line.leads_to_change
    assert [item.title for item in items_deciding(traffic)] == [
        "(Demo) Trafiksikkerhedsplan for landsbyerne efter høring"
    ]
    plan = Hearing.objects.get(title=PLAN_TITLE)
    assert plan.accepts_answers()
    assert plan.invitations.count() == 18
    assert sorted(plan.responses.values_list("screening", flat=True)) == [
        "clear",
        "held",
        "pending",
    ]
    invited = {
        address for message in mailoutbox if "Høring:" in message.subject for address in message.to
    }
    assert "kontakt-morkov@example.org" in invited
