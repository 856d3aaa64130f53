"""Old versions of contact persons and old invitations are deleted as staff have set."""

import datetime

import pytest
from django.utils import timezone

from lokalfora.models import ContactPerson, EditorInvitation, RetentionSettings
from lokalfora.services.contacts import contact_create, contact_update
from lokalfora.services.retention import retention_purge

pytestmark = pytest.mark.django_db


def test_old_contact_versions_and_invitations_go_recent_ones_stay(area):
    contact = contact_create(
        forum=area.forum, data={"name": "Karen", "email": "karen@example.org"}, public_fields=set()
    )
    contact_update(contact=contact, data={"phone": "12345678"}, public_fields=set())
    old = timezone.now() - datetime.timedelta(days=800)
    ContactPerson.history.filter(history_type="+").update(history_date=old)
    invitation = EditorInvitation.objects.create(forum=area.forum, email="ny@example.org")
    EditorInvitation.objects.filter(pk=invitation.pk).update(created_at=old)
    EditorInvitation.objects.create(forum=area.forum, email="frisk@example.org")

    assert retention_purge() == {
        "contact_history": 1, "invitations": 1, "hearing_drafts": 0, "hearing_addresses": 0,
    }  # fmt: skip
    assert ContactPerson.history.filter(id=contact.pk).count() == 1  # the recent change
    assert list(EditorInvitation.objects.values_list("email", flat=True)) == ["frisk@example.org"]
    assert ContactPerson.objects.get(pk=contact.pk).phone == "12345678"  # the contact stays


def test_the_period_is_set_by_staff(area):
    contact = contact_create(
        forum=area.forum, data={"name": "Karen", "email": "karen@example.org"}, public_fields=set()
    )
    ContactPerson.history.filter(id=contact.pk).update(
        history_date=timezone.now() - datetime.timedelta(days=100)
    )
    assert retention_purge()["contact_history"] == 0
    settings = RetentionSettings.current()
    settings.contact_history_months = 3
    settings.save()
    assert retention_purge()["contact_history"] == 1


def test_the_history_page_says_how_long(client_as, area):
    page = client_as("co_creator").get("/lokalomraader/tollose/historik/").text
    assert "slettes efter 24 måneder" in page


def test_hearing_answers_stay_but_their_authors_addresses_and_old_drafts_go(clock, reference_data):
    from lokalfora.models import HearingResponse
    from lokalfora.services.hearing_responses import forum_draft_save, public_response_submit
    from tests.lokalfora.hearings import contact_user, make_hearing

    clock.set("2026-12-01 10:00")
    hearing = make_hearing(["tollose"], open_to_public=True, asks_for_address=True)
    answer = public_response_submit(
        hearing=hearing, by=None,
        data={"on_behalf_of": "private", "author_name": "Per Hansen", "address": "Vej 1",
              "author_email": "per@example.org", "text": "Godt.", "consent_ack": True},
    )  # fmt: skip
    user = contact_user("tollose", "k@example.org")
    forum_draft_save(hearing=hearing, forum=hearing.forums.get(), by=user, data={})
    clock.set("2027-12-30 10:00")  # 12 months after the deadline, not yet past it
    assert retention_purge()["hearing_addresses"] == 0
    clock.set("2028-01-01 10:00")
    result = retention_purge()
    assert (result["hearing_drafts"], result["hearing_addresses"]) == (1, 1)
    answer = HearingResponse.objects.get(pk=answer.pk)
    assert (answer.author_email, answer.address, answer.text) == ("", "", "Godt.")
