"""The state machine: every allowed transition works, every other one is refused."""

import pytest
from django.core.exceptions import ValidationError

from projektudvalg.models import Application, Status, StatusEvent
from projektudvalg.workflow import TRANSITIONS, transition

pytestmark = pytest.mark.django_db

ALLOWED = {
    ("submit", Status.DRAFT): Status.SUBMITTED,
    ("submit", Status.RETURNED): Status.SUBMITTED,
    ("start_review", Status.SUBMITTED): Status.IN_REVIEW,
    ("send_back", Status.IN_REVIEW): Status.RETURNED,
    ("grant", Status.IN_REVIEW): Status.GRANTED,
    ("refuse", Status.IN_REVIEW): Status.REFUSED,
    ("pay", Status.GRANTED): Status.PAID,
    ("pay", Status.PAID): Status.PAID,
    ("close", Status.PAID): Status.CLOSED,
    ("lapse", Status.GRANTED): Status.LAPSED,
    ("withdraw", Status.DRAFT): Status.WITHDRAWN,
    ("withdraw", Status.SUBMITTED): Status.WITHDRAWN,
    ("withdraw", Status.IN_REVIEW): Status.WITHDRAWN,
    ("withdraw", Status.RETURNED): Status.WITHDRAWN,
}
EVERY = [(action, status) for action in TRANSITIONS for status in Status.values]


def test_the_table_is_exactly_the_documented_one():
    table = {
        (action, source): rule.target
        for action, rule in TRANSITIONS.items()
        for source in rule.sources
    }
    assert table == ALLOWED


@pytest.mark.parametrize(("action", "status"), EVERY)
def test_each_transition_from_each_status(draft, action, status):
    Application.objects.filter(pk=draft.pk).update(status=status, reference="RTF-2026-9999")
    draft.refresh_from_db()
    if (action, status) in ALLOWED:
        transition(draft, action, by=None)
        draft.refresh_from_db()
        assert draft.status == ALLOWED[(action, status)]
        if ALLOWED[(action, status)] != status:
            event = StatusEvent.objects.get(application=draft)
            assert (event.from_status, event.to_status) == (status, draft.status)
    else:
        with pytest.raises(ValidationError, match="kan ikke"):
            transition(draft, action, by=None)
        draft.refresh_from_db()
        assert draft.status == status
        assert not StatusEvent.objects.filter(application=draft).exists()
