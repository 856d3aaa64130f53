"""The newsletters' sending survives a mail server that is down or refuses for a while,
and the one-click unsubscribe serves mail providers posting from shared addresses
(projektudvalg/services/newsletter_sending.py, views/newsletter_unsubscribe.py)."""

import re

import pytest
from django.core import mail as outbox
from django.test import Client

from lokalfora.models import Subscription
from projektudvalg import newsletter_tokens
from projektudvalg.selectors.newsletters import recipients
from projektudvalg.services import newsletters as newsletter_services
from projektudvalg.services.newsletter_sending import newsletters_send_batch
from tests.projektudvalg.newsletter_helpers import draft, follower, queue, three_areas

pytestmark = pytest.mark.django_db
PROVIDER_IP = "209.85.220.41"  # one mail provider's address, shared by all its users


@pytest.fixture
def areas(reference_data):
    return three_areas()


def _queued(areas, count=3):
    for number in range(count):
        follower(f"f{number}@example.org", areas[0])
    newsletter = draft(areas=areas[:1])
    queue(newsletter, len(recipients(newsletter)))
    return newsletter


def _header_url(message):
    return re.fullmatch(r"<(.+)>", message.extra_headers["List-Unsubscribe"]).group(1)


def _one_click(url, ip=PROVIDER_IP):
    return Client(enforce_csrf_checks=True).post(
        url,
        data="List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
        REMOTE_ADDR=ip,
    )


def test_many_one_clicks_from_one_providers_address_all_unsubscribe(areas):
    _queued(areas, count=61)
    newsletters_send_batch()
    codes = [_one_click(_header_url(message)).status_code for message in outbox.outbox]
    assert codes == [200] * 61
    assert not Subscription.objects.exists()


def test_one_link_clicked_over_and_over_is_limited_by_the_link(areas):
    _queued(areas, count=1)
    newsletters_send_batch()
    url = _header_url(outbox.outbox[0])
    codes = [_one_click(url).status_code for _ in range(12)]
    assert codes == [200] * 10 + [429] * 2


def test_invalid_links_are_limited_by_the_clients_address(areas):
    codes = [_one_click("/nyhedsbreve/afmeld/forfalsket/").status_code for _ in range(62)]
    assert codes == [400] * 60 + [429] * 2


def test_a_repeat_click_with_the_current_key_compares_no_address(areas, monkeypatch):
    _queued(areas, count=1)
    newsletters_send_batch()
    url = _header_url(outbox.outbox[0])
    assert _one_click(url).status_code == 200
    for number in range(20):
        follower(f"x{number}@example.org", areas[0])
    compared = []
    real = newsletter_tokens.matches
    monkeypatch.setattr(
        newsletter_services.tokens, "matches", lambda e, h: compared.append(e) or real(e, h)
    )
    assert _one_click(url).status_code == 200
    assert compared == []
    assert Subscription.objects.count() == 20


def test_a_link_made_before_a_key_rotation_still_unsubscribes(areas, settings):
    _queued(areas, count=1)
    newsletters_send_batch()
    url = _header_url(outbox.outbox[0])
    settings.SECRET_KEY_FALLBACKS = [settings.SECRET_KEY]
    settings.SECRET_KEY = "a-new-key-" + "x" * 50
    # The stored hash is of the old key (a real rotation would rehash on the next save).
    assert _one_click(url).status_code == 200
    assert not Subscription.objects.filter(email="f0@example.org").exists()
