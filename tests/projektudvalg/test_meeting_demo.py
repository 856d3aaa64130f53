"""The demo's committee and meetings, made through the services."""

import io

import pytest
from django.core.management import call_command

from lokalfora.models import Event
from projektudvalg.models import CommitteeMember, Decision, Meeting, MeetingStatus, Status

pytestmark = pytest.mark.django_db


def test_the_demo_committee_has_three_meetings_and_members_by_role(reference_data, client):
    call_command("demo", force=True, stdout=io.StringIO())
    names = set(CommitteeMember.objects.values_list("name", flat=True))
    assert names == {"Formand", "Næstformand", "Medlem 1", "Medlem 2", "Medlem 3"}
    statuses = sorted(Meeting.objects.values_list("status", flat=True))
    assert statuses == sorted([MeetingStatus.MINUTES_PUBLISHED, MeetingStatus.MINUTES_PUBLISHED,
                               MeetingStatus.AGENDA_PUBLISHED])  # fmt: skip
    in_tollose = Meeting.objects.get(area__slug="tollose")
    assert Event.objects.get(committee_meeting=in_tollose).forum == in_tollose.area.forum
    decision = Decision.objects.get()
    assert decision.agenda_item.meeting == in_tollose
    assert decision.application.status == Status.GRANTED
    closed = Meeting.objects.get(items__is_closed=True)
    page = client.get(f"/udvalget/moeder/{closed.pk}/udskrift/").text
    assert "Lukket punkt" in page
    assert "forhandling om en grund" not in page
