"""The committee's items decide on hearings: linked on the item's form (through the agenda
service), shown on the public meeting page, and only for public hearings and open items."""

import pytest
from django.core.exceptions import ValidationError

from projektudvalg import services
from projektudvalg.models import MeetingStatus
from projektudvalg.selectors.hearing_links import items_deciding, linked_hearing_ids
from tests.factories.committee import AgendaItemFactory, MeetingFactory
from tests.lokalfora.hearings import make_hearing

pytestmark = pytest.mark.django_db


@pytest.fixture
def hearing(clock, reference_data):
    clock.set("2026-12-01 10:00")
    return make_hearing(["tollose"], title="Høring om stier")


def test_an_item_links_public_hearings_only_and_the_meeting_page_shows_them(client, hearing):
    meeting = MeetingFactory(status=MeetingStatus.AGENDA_PUBLISHED)
    item = AgendaItemFactory(meeting=meeting, title="Stierne efter høringen")
    draft = make_hearing(["tollose"], publish=False, title="Kladde")
    with pytest.raises(ValidationError):
        services.agenda_item_update(item=item, data={}, hearings=[draft])
    services.agenda_item_update(item=item, data={}, hearings=[hearing])
    assert linked_hearing_ids(item) == [hearing.pk]
    page = client.get(meeting.get_absolute_url()).content.decode()
    assert f'href="/hoeringer/{hearing.pk}/"' in page
    assert [found.pk for found in items_deciding(hearing)] == [item.pk]
    services.agenda_item_update(item=item, data={}, hearings=[])
    assert linked_hearing_ids(item) == []


def test_a_closed_item_never_shows_its_hearing(client, hearing):
    meeting = MeetingFactory(status=MeetingStatus.AGENDA_PUBLISHED)
    item = AgendaItemFactory(meeting=meeting, title="Køb af grund", is_closed=True)
    services.agenda_item_update(item=item, data={}, hearings=[hearing])
    assert items_deciding(hearing) == []
    assert (
        f'href="/hoeringer/{hearing.pk}/"'
        not in client.get(meeting.get_absolute_url()).content.decode()
    )
