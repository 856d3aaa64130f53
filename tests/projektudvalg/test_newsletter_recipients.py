"""Who a newsletter goes to (B1(d) check 4): each address once, the preview's count is the
queued count is the number of mails, a segment of nobody is refused, opt-outs hold."""

import pytest
from django.core import mail as outbox
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from lokalfora.models import Frequency
from projektudvalg.models import NewsletterOptOut, NewsletterStatus, OptOutRole, RecipientStatus
from projektudvalg.selectors.newsletters import recipients, recipients_digest
from projektudvalg.services.newsletter_sending import newsletters_send_batch
from tests.projektudvalg.effort_data import running_effort
from tests.projektudvalg.newsletter_helpers import (
    contact,
    draft,
    editor,
    follower,
    queue,
    three_areas,
    topic,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def areas(reference_data):
    return three_areas()


def _addresses(newsletter):
    return [recipient.email for recipient in recipients(newsletter)]


def test_three_areas_two_topics_overlapping_followers_each_address_once(areas, clock):
    clock.set("2026-12-10 09:00")
    trafik, politik, kultur = topic("trafik"), topic("politik"), topic("kultur-og-fritid")
    a, b, c = areas
    follower("anna@example.org", a, trafik)
    follower("anna@example.org", b, trafik, politik)
    follower("anna@example.org", c, politik)
    follower("bo@example.org", a, trafik, politik, frequency=Frequency.OFF)  # still gets it
    follower("bo@example.org", c, trafik)
    follower("carl@example.org", b)  # chose no topic: not reached by a topic newsletter
    follower("dora@example.org", c, politik, confirmed=False)  # never confirmed
    follower("eva@example.org", a, kultur)  # another topic
    newsletter = draft(areas=areas, topics=[trafik, politik])

    found = recipients(newsletter)

    assert [r.email for r in found] == ["anna@example.org", "bo@example.org"]
    anna = found[0]
    assert anna.area == min(areas, key=lambda area: area.name)  # the first by name
    assert anna.topic == trafik  # the first in the topics' order
    assert {reason.code for reason in anna.reasons} == {
        f"f:{a.pk}",
        f"f:{b.pk}",
        f"f:{c.pk}",
        f"t:{trafik.pk}",
        f"t:{politik.pk}",
    }
    count = len(found)
    assert queue(newsletter, count) == count
    assert newsletter.recipients.count() == count
    newsletters_send_batch(batch_size=1, batches=1)
    newsletters_send_batch(batch_size=1, batches=1)
    newsletters_send_batch(batch_size=1, batches=1)
    assert sorted(address for message in outbox.outbox for address in message.to) == [
        "anna@example.org",
        "bo@example.org",
    ]
    newsletter.refresh_from_db()
    assert newsletter.status == NewsletterStatus.SENT


def test_without_topics_every_confirmed_follower_of_the_areas(areas):
    a, b, _c = areas
    follower("anna@example.org", a)
    follower("ANNA@example.org".lower(), b)
    follower("carl@example.org", b, topic("trafik"))
    newsletter = draft(areas=[a, b])
    assert _addresses(newsletter) == ["anna@example.org", "carl@example.org"]


def test_the_whole_municipality_is_all_18_areas(areas):
    for number, area in enumerate(areas):
        follower(f"f{number}@example.org", area)
    newsletter = draft(whole_municipality=True)
    assert len(_addresses(newsletter)) == 3
    assert newsletter.areas.count() == 0


def test_contacts_editors_and_a_follower_with_the_same_address_get_one_mail(areas):
    a, b, c = areas
    follower("anna@example.org", a)
    contact("Anna@Example.org", b)
    contact("inactive@example.org", a, is_active=False)
    contact("", a, phone="12345678")  # no address
    editor("anna@example.org", c)
    editor("red@example.org", a)
    editor("unverified@example.org", a, verified=False)
    newsletter = draft(areas=areas, to_contacts=True, to_editors=True)
    found = recipients(newsletter)
    assert [r.email for r in found] == ["anna@example.org", "red@example.org"]
    assert [reason.kind for reason in found[0].reasons] == ["f", "c", "r"]


def test_roles_not_chosen_are_left_out(areas):
    a, _b, _c = areas
    follower("anna@example.org", a)
    contact("kontakt@example.org", a)
    editor("red@example.org", a)
    only_contacts = draft(areas=[a], to_followers=False, to_contacts=True)
    assert _addresses(only_contacts) == ["kontakt@example.org"]


def test_opt_outs_of_contacts_and_editors_are_respected_per_area_and_role(areas):
    a, b, _c = areas
    contact("kontakt@example.org", a)
    contact("kontakt@example.org", b)
    editor("red@example.org", a)
    NewsletterOptOut.objects.create(email="kontakt@example.org", area=a, role=OptOutRole.CONTACTS)
    NewsletterOptOut.objects.create(email="red@example.org", area=a, role=OptOutRole.EDITORS)
    only_a = draft(areas=[a], to_followers=False, to_contacts=True, to_editors=True)
    assert _addresses(only_a) == []
    both = draft(areas=[a, b], to_followers=False, to_contacts=True, to_editors=True)
    assert _addresses(both) == ["kontakt@example.org"]  # still a contact of b


def test_followers_of_an_effort_are_the_followers_of_its_areas(areas):
    a, b, c = areas
    effort = running_effort([a, b])
    follower("anna@example.org", a)
    follower("bo@example.org", c)
    newsletter = draft(to_followers=False, efforts=[effort])
    found = recipients(newsletter)
    assert [r.email for r in found] == ["anna@example.org"]
    assert found[0].area == a
    assert found[0].reasons[0].code == f"e:{effort.pk}.{a.pk}"


def test_a_segment_of_nobody_shows_0_and_is_refused(areas):
    newsletter = draft(areas=areas[:1], topics=[topic("trafik")])
    assert recipients(newsletter) == []
    with pytest.raises(ValidationError, match="ingen modtagere"):
        queue(newsletter, 0)
    newsletter.refresh_from_db()
    assert newsletter.status == NewsletterStatus.DRAFT
    assert newsletter.recipients.count() == 0


def test_a_count_other_than_the_preview_is_refused(areas):
    a = areas[0]
    follower("anna@example.org", a)
    newsletter = draft(areas=[a])
    follower("bo@example.org", a)  # joined after the staff member looked
    with pytest.raises(ValidationError, match="ændret sig til 2"):
        queue(newsletter, 1)
    assert newsletter.recipients.count() == 0
    assert queue(newsletter, 2) == 2
    rows = list(newsletter.recipients.order_by("email"))
    assert [(row.email, row.status) for row in rows] == [
        ("anna@example.org", RecipientStatus.PENDING),
        ("bo@example.org", RecipientStatus.PENDING),
    ]
    with pytest.raises(ValidationError, match="allerede"):
        queue(newsletter, 2)


def test_the_segment_needs_a_place_and_a_role(areas):
    with pytest.raises(ValidationError) as refused:
        draft(areas=[])
    assert "areas" in refused.value.error_dict
    with pytest.raises(ValidationError) as refused:
        draft(areas=areas, to_followers=False)
    assert "to_followers" in refused.value.error_dict
    with pytest.raises(ValidationError) as refused:
        draft(areas=areas, subject="  ")
    assert "subject" in refused.value.error_dict


def test_the_recipients_take_the_same_queries_for_many_people(areas):
    a, b, c = areas
    effort = running_effort([a])

    def count():
        newsletter = draft(areas=areas, to_contacts=True, to_editors=True, efforts=[effort],
                           topics=[topic("trafik")])  # fmt: skip
        with CaptureQueriesContext(connection) as queries:
            recipients(newsletter)
        return len(queries)

    before = count()
    for number in range(30):
        follower(f"f{number}@example.org", [a, b, c][number % 3], topic("trafik"))
        contact(f"k{number}@example.org", [a, b, c][number % 3])
    for number in range(5):
        editor(f"r{number}@example.org", b)
    assert count() == before


def test_the_same_count_of_other_people_than_the_preview_is_refused(areas):
    anna = follower("anna@example.org", areas[0])
    newsletter = draft(areas=areas[:1])
    seen = recipients_digest(recipients(newsletter))
    anna.delete()
    follower("mallory@example.org", areas[0])
    with pytest.raises(ValidationError, match="Modtagerlisten har ændret sig"):
        queue(newsletter, 1, digest=seen)
    assert not newsletter.recipients.exists()
