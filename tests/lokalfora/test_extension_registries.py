"""lokalfora's extension points for the apps that build on it: a searched kind and a
follow-mail section, registered without lokalfora importing them."""

import datetime

import pytest
from django.core import mail
from django.utils import timezone

from lokalfora import digest_sections, search
from lokalfora.models import Forum
from lokalfora.services import digest
from tests.factories import SubscriptionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def extra_kind(monkeypatch):
    monkeypatch.setattr(search, "_kinds", dict(search._kinds))
    search.register_searched_kind(
        "forum-again", Forum, ("name", "description"), "name",
        lambda: Forum.objects.filter(area__slug="tollose"), lambda obj: "Et sted",
        lambda obj: "/et-sted/", "Ekstra",
        related_fn=lambda queryset: queryset.select_related("area"),
    )  # fmt: skip


def test_a_registered_kind_is_searched_within_its_visible_queryset(area, extra_kind):
    hits = [hit for hit in search.full_text_search("Tølløse") if hit.kind == "Ekstra"]
    assert [(hit.title, hit.url, hit.area_name) for hit in hits] == [
        (area.forum.name, "/et-sted/", "Et sted")
    ]
    assert not [hit for hit in search.full_text_search("Jyderup") if hit.kind == "Ekstra"]


@pytest.fixture
def extra_section(monkeypatch, area, other_area):
    monkeypatch.setattr(digest_sections, "_sections", {})
    seen_windows = []

    def lines(area_ids, window):
        seen_windows.append(window)
        shared = digest_sections.DigestLine(text="Fælles linje", url="/faelles/", once_key="x")
        return {
            area.pk: [shared, digest_sections.DigestLine(text="Kun Tølløse", url="/t/")],
            other_area.pk: [shared],
        }

    digest_sections.register_digest_section(
        digest_sections.DigestSection(
            key="x", order=1, heading="Ekstra", lines=lines, queries=0, kind="wants_events"
        )
    )
    return seen_windows


def test_a_registered_section_adds_lines_once_per_mail(area, other_area, extra_section):
    SubscriptionFactory(area=area, email="borger@example.org")
    SubscriptionFactory(area=other_area, email="borger@example.org")
    now = timezone.now()
    assert digest.weekly_digest_send(now=now) == 1
    (message,) = mail.outbox
    assert message.body.count("Fælles linje") == 1
    assert "Kun Tølløse" in message.body
    assert "http://testserver/faelles/" in message.body or "/faelles/" in message.body
    (window,) = extra_section
    assert window.since == now - datetime.timedelta(days=7)
    assert window.until == now + datetime.timedelta(days=14)
