"""The issue's path, as the demo plays it (projektudvalg/demo_news.py): Mørkøv's editor
proposes an item; staff publish it for Mørkøv and Regstrup with the topic trafik and the
committee's decision; it shows on both areas' pages, feeds and Mørkøv's screen, not on
Tuse Næs's; the newsletter to both areas' followers reaches each address once; one click
unsubscribes from one area only."""

import io
import re

import pytest
from django.core.management import call_command
from django.test import Client

from lokalfora.models import Subscription
from projektudvalg.demo_news import TRAFFIC_TITLE
from projektudvalg.models import MunicipalNews, Newsletter, NewsOrigin


@pytest.mark.parametrize("today", ["2030-03-30"])
def test_the_demo_news_path(db, clock, today, mailoutbox):
    clock.set(today)
    call_command("load_reference_data", stdout=io.StringIO())
    call_command("demo", force=True, stdout=io.StringIO())
    item = MunicipalNews.objects.get(title=TRAFFIC_TITLE)
    assert item.origin == NewsOrigin.FORUM
    assert item.origin_forum.area.slug == "morkov"
    assert item.is_published
    assert sorted(item.areas.values_list("slug", flat=True)) == ["morkov", "regstrup"]
    assert list(item.topics.values_list("slug", flat=True)) == ["trafik"]
    assert item.source_decision.decision_is_public
    assert item.shares.get().state == "accepted"
    client = Client()
    for slug, shown in (("morkov", True), ("regstrup", True), ("tuse-naes", False)):
        for path in ("/lokalomraader/{}/", "/lokalomraader/{}/nyheder/rss/"):
            body = client.get(path.format(slug)).content.decode()
            assert ("Trafikplanen" in body) is shown, (path, slug)
    screen = client.get("/lokalomraader/morkov/skaerm/")
    assert "Trafikplanen" in screen.content.decode()
    assert "Set-Cookie" not in screen.headers
    page = client.get(item.get_absolute_url()).content.decode()
    assert "Læs beslutningen" in page

    newsletter = Newsletter.objects.get()
    assert newsletter.status == "sent"
    sent = [m for m in mailoutbox if m.subject == newsletter.subject]
    addresses = sorted(address for m in sent for address in m.to)
    assert addresses == ["foelger1@example.org", "foelger2@example.org", "foelger3@example.org"]
    assert newsletter.recipients.filter(status="sent").count() == 3

    (both,) = [m for m in sent if m.to == ["foelger1@example.org"]]
    assert both.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    url = re.fullmatch(r"<(.+)>", both.extra_headers["List-Unsubscribe"]).group(1)
    path = re.sub(r"^https?://[^/]+", "", url)
    response = Client().post(path, {"List-Unsubscribe": "One-Click"})
    assert response.status_code in (200, 204)
    left = Subscription.objects.filter(email="foelger1@example.org")
    assert left.count() == 1  # one area only: the other stays
