"""Following an area includes the committee's decisions about it and the special efforts
covering it (projektudvalg/digest_sections.py in the weekly digest)."""

import datetime

import pytest
from django.core import mail
from django.utils import timezone

from lokalfora import digest_sections
from lokalfora.models import Subscription
from lokalfora.services import digest
from projektudvalg.models import DecisionOutcome, EffortUpdate, MeetingStatus, Milestone
from tests.factories import SubscriptionFactory, make_user
from tests.factories.committee import AgendaItemFactory, MeetingFactory, SpecialEffortFactory
from tests.projektudvalg.effort_data import running_effort

pytestmark = pytest.mark.django_db
DAY = datetime.timedelta(days=1)


@pytest.fixture(autouse=True)
def _site_url(settings):
    settings.SITE_URL = "http://testserver"


def decided(area, title, *, published_ago):
    now = timezone.now()
    meeting = MeetingFactory(status=MeetingStatus.MINUTES_PUBLISHED,
                             starts_at=now - published_ago - DAY,
                             minutes_published_at=now - published_ago)  # fmt: skip
    return AgendaItemFactory(meeting=meeting, title=title, areas=[area],
                             outcome=DecisionOutcome.APPROVED)  # fmt: skip


def effort_news(areas, *, proposed=False):
    make = SpecialEffortFactory if proposed else running_effort
    effort = make(areas=areas, title="Knabstrup sætter kurs")
    EffortUpdate.objects.create(effort=effort, author=make_user("leder@example.org"),
                                text="Arbejdsgrupperne er gået i gang.")  # fmt: skip
    start = timezone.now() + 3 * DAY
    Milestone.objects.create(effort=effort, title="Fremtidsværksted", kind="workshop",
                             starts_at=start, ends_at=start + 2 * DAY / 24)  # fmt: skip
    return effort


def test_the_digest_has_the_decisions_about_the_area_published_this_week(area, other_area):
    SubscriptionFactory(area=area, email="borger@example.org")
    decided(area, "Ny legeplads i Tølløse", published_ago=2 * DAY)
    decided(area, "Gammel beslutning", published_ago=10 * DAY)
    decided(other_area, "Kun om Jyderup", published_ago=DAY)
    agenda = MeetingFactory(status=MeetingStatus.AGENDA_PUBLISHED)
    AgendaItemFactory(meeting=agenda, title="Ikke besluttet endnu", areas=[area])
    assert digest.weekly_digest_send() == 1
    (message,) = mail.outbox
    assert "Udvalgets beslutninger" in message.body
    assert "Ny legeplads i Tølløse: Godkendt (beslutning i PBL den" in message.body
    assert "http://testserver/udvalget/moeder/" in message.body
    for absent in ["Gammel beslutning", "Kun om Jyderup", "Ikke besluttet endnu"]:
        assert absent not in message.body


def test_an_effort_is_in_one_mail_once_however_many_of_its_areas_are_followed(area, other_area):
    SubscriptionFactory(area=area, email="borger@example.org")
    SubscriptionFactory(area=other_area, email="borger@example.org")
    SubscriptionFactory(area=other_area, email="jyderup@example.org")
    effort_news([area, other_area])
    assert digest.weekly_digest_send() == 2
    by_address = {message.to[0]: message.body for message in mail.outbox}
    both = by_address["borger@example.org"]
    assert both.count("Arbejdsgrupperne er gået i gang.") == 1
    assert both.count("Fremtidsværksted") == 1
    assert both.count("Særlige indsatser") == 1
    assert "Fremtidsværksted" in by_address["jyderup@example.org"]


def test_a_proposed_effort_its_updates_and_milestones_are_not_in_the_mail(clock, area):
    clock.set("2027-03-01 09:00")
    SubscriptionFactory(area=area, email="borger@example.org")
    effort_news([area], proposed=True)
    assert digest.weekly_digest_send() == 0
    assert not mail.outbox


def test_a_closed_items_decision_is_not_in_the_areas_mail(clock, area):
    clock.set("2027-03-01 09:00")
    SubscriptionFactory(area=area, email="borger@example.org")
    item = decided(area, "Salg af Skolevej 4", published_ago=DAY)
    item.is_closed = item.closed_decision_public = True
    item.save()
    assert digest.weekly_digest_send() == 0
    assert not mail.outbox


def test_an_effort_elsewhere_is_not_in_the_mail(area, other_area):
    SubscriptionFactory(area=area, email="borger@example.org")
    effort_news([other_area])
    assert digest.weekly_digest_send() == 0


def test_the_digest_with_committee_and_effort_lines_runs_a_constant_number_of_queries(
    area, other_area, django_assert_max_num_queries
):
    decided(area, "Ny legeplads", published_ago=DAY)
    effort_news([area, other_area])
    Subscription.objects.bulk_create(
        Subscription(area=a, email=f"p{n}@example.org", confirmed_at=timezone.now())
        for n in range(150)
        for a in (area, other_area)
    )
    limit = 3 + digest_sections.section_queries() + 2  # 2 batches of 100 marked as sent
    with django_assert_max_num_queries(limit):
        assert digest.weekly_digest_send() == 150
