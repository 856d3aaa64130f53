"""Following an area includes its hearings (lokalfora/hearing_digest.py): a hearing that
opened this week, and a høringsnotat published this week, once per mail."""

import datetime

import pytest
from django.core import mail

from lokalfora.services import digest
from tests.factories import SubscriptionFactory
from tests.lokalfora.hearings import make_hearing

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _site_url(settings):
    settings.SITE_URL = "http://testserver"


def test_the_digest_tells_of_a_new_hearing_once_and_not_of_an_old_one(clock, area, other_area):
    clock.set("2026-11-02 10:00")
    make_hearing(
        ["tollose"],
        title="Gammel høring",
        starts_at=clock.now(),
        deadline=clock.now() + datetime.timedelta(days=30),
    )
    clock.set("2026-12-01 10:00")
    hearing = make_hearing(["tollose", "jyderup"], title="Ny høring om stier")
    make_hearing(["morkov"], title="Kun om Mørkøv")
    SubscriptionFactory(area=area, email="borger@example.org")
    SubscriptionFactory(area=other_area, email="borger@example.org")
    mail.outbox.clear()
    clock.set("2026-12-03 07:00")
    assert digest.weekly_digest_send() == 1
    (message,) = mail.outbox
    assert message.body.count("Ny høring: Ny høring om stier, frist 31-12-2026 23:59") == 1
    assert f"http://testserver/hoeringer/{hearing.pk}/" in message.body
    assert "Gammel høring" not in message.body
    assert "Kun om Mørkøv" not in message.body
