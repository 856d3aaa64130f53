"""The follow mails honour each follower's choices (lokalfora/services/digest_build.py):
"off" gets no follow mail, each part of the mail only for the kinds its subscription
wants; the municipality's news is a part of its own (projektudvalg/news_digest.py)."""

import datetime

import pytest
from django.core import mail

from lokalfora import digest_sections
from lokalfora.models import Frequency, LocalArea
from lokalfora.services import digest
from lokalfora.services.digest_immediate import immediate_digest_send
from projektudvalg.models import NewsStatus
from tests.factories import NewsPostFactory, SubscriptionFactory
from tests.lokalfora.follow_content import TEXTS, municipal_news, one_of_each

pytestmark = pytest.mark.django_db
DAY = datetime.timedelta(days=1)


@pytest.fixture(autouse=True)
def _site_url(settings):
    settings.SITE_URL = "http://testserver"


@pytest.fixture
def content(clock, area):
    clock.set("2026-12-01 10:00")
    one_of_each(area)
    mail.outbox.clear()
    clock.set("2026-12-01 11:00")


def test_a_follower_who_chose_off_gets_no_follow_mail(content, clock, area):
    SubscriptionFactory(area=area, email="borger@example.org", frequency=Frequency.OFF)
    assert digest.weekly_digest_send() == 0
    assert immediate_digest_send() == 0
    assert mail.outbox == []


def test_every_registered_section_says_which_choice_covers_it():
    assert {section.kind for section in digest_sections.digest_sections()} <= set(TEXTS)
    with pytest.raises(ValueError, match="kind"):
        digest_sections.register_digest_section(
            digest_sections.DigestSection(
                key="y", order=1, heading="Y", lines=lambda ids, w: {}, queries=0, kind="x"
            )
        )


def test_with_every_kind_chosen_the_mail_has_everything(content, area):
    SubscriptionFactory(area=area, email="borger@example.org")
    assert digest.weekly_digest_send() == 1
    for texts in TEXTS.values():
        for text in texts:
            assert text in mail.outbox[0].body


@pytest.mark.parametrize("kind", list(TEXTS))
def test_a_kind_turned_off_is_left_out_and_the_others_stay(content, area, kind):
    SubscriptionFactory(area=area, email="borger@example.org", **{kind: False})
    assert digest.weekly_digest_send() == 1
    (message,) = mail.outbox
    for other, texts in TEXTS.items():
        for text in texts:
            assert (text in message.body) is (other != kind), (kind, text)


def test_one_area_without_a_kind_does_not_hide_it_for_another_area(clock, area, other_area):
    """A line meant once per mail still comes under the area that wants it."""
    clock.set("2026-12-01 10:00")
    municipal_news("Ny affaldsordning", whole=True)
    SubscriptionFactory(area=other_area, email="borger@example.org", wants_municipal_news=False)
    SubscriptionFactory(area=area, email="borger@example.org")
    clock.set("2026-12-01 11:00")
    assert digest.weekly_digest_send() == 1
    body = mail.outbox[0].body
    assert body.count("Ny affaldsordning") == 1
    assert body.index("TØLLØSE") < body.index("Ny affaldsordning")


def test_municipal_news_for_the_area_or_the_whole_municipality_once_per_mail(
    clock, area, other_area
):
    clock.set("2026-12-01 10:00")
    municipal_news("Ny affaldsordning", whole=True)
    municipal_news("Cykelsti til Tølløse og Jyderup", areas=[area, other_area])
    municipal_news("Kun om Mørkøv", areas=[LocalArea.objects.get(slug="morkov")])
    municipal_news("Kladde", areas=[area], status=NewsStatus.DRAFT)
    municipal_news("Planlagt", areas=[area], at=clock.now() + 3 * DAY)
    municipal_news("Gammel", areas=[area], at=clock.now() - 10 * DAY)
    SubscriptionFactory(area=area, email="borger@example.org")
    SubscriptionFactory(area=other_area, email="borger@example.org")
    SubscriptionFactory(area=other_area, email="jyderup@example.org")
    clock.set("2026-12-01 11:00")
    assert digest.weekly_digest_send() == 2
    by_address = {message.to[0]: message.body for message in mail.outbox}
    both = by_address["borger@example.org"]
    assert both.count("Ny affaldsordning") == 1
    assert both.count("Cykelsti til Tølløse og Jyderup") == 1
    assert both.count("Kommunens nyheder") == 1
    assert "Ny affaldsordning" in by_address["jyderup@example.org"]
    for body in by_address.values():
        for absent in ["Kun om Mørkøv", "Kladde", "Planlagt", "Gammel"]:
            assert absent not in body


def test_the_municipal_news_section_runs_its_fixed_queries(clock, area, django_assert_num_queries):
    from projektudvalg.news_digest import municipal_news_lines

    clock.set("2026-12-01 10:00")
    for number in range(5):
        municipal_news(f"Nyhed {number}", areas=[area], whole=number % 2 == 0)
    window = digest_sections.DigestWindow(
        now=clock.now(), since=clock.now() - 7 * DAY, until=clock.now() + 14 * DAY
    )
    ids = set(LocalArea.objects.values_list("pk", flat=True))
    with django_assert_num_queries(2):
        lines = municipal_news_lines(ids, window)
    assert len(lines[area.pk]) == 5
    assert len(lines[min(ids - {area.pk})]) == 3


def test_switching_from_immediately_to_weekly_mails_nothing_twice(clock, area):
    clock.set("2026-12-01 08:00")
    subscription = SubscriptionFactory(
        area=area, email="borger@example.org", frequency=Frequency.IMMEDIATELY
    )
    clock.set("2026-12-01 09:00")
    NewsPostFactory(forum=area.forum, title="Ny bænk ved søen", age=datetime.timedelta(0))
    clock.set("2026-12-01 09:30")
    assert immediate_digest_send() == 1
    assert "Ny bænk ved søen" in mail.outbox[0].body
    subscription.frequency = Frequency.WEEKLY
    subscription.save(update_fields=["frequency"])
    mail.outbox.clear()
    clock.set("2026-12-07 12:00")
    digest.weekly_digest_send()
    assert not any("Ny bænk ved søen" in message.body for message in mail.outbox)
