"""Search engines: every public page describes itself, a sitemap of public content, robots.txt."""

import datetime as dt
import io
import re
from html.parser import HTMLParser
from xml.etree import ElementTree

import pytest
from django.core.management import call_command
from django.test import Client

from lokalfora.models import Event, GrantScheme, NewsPost
from projektudvalg.models import GrantPool
from tests.factories import NewsPostFactory

pytestmark = pytest.mark.django_db

NOW = dt.datetime(2026, 12, 1, 12, 0, tzinfo=dt.UTC)
SITEMAP_NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


class MetaDescriptions(HTMLParser):
    def __init__(self):
        super().__init__()
        self.found = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "meta" and attrs.get("name") == "description":
            self.found.append(attrs.get("content"))


def descriptions(html: str) -> list:
    parser = MetaDescriptions()
    parser.feed(html)
    return parser.found


@pytest.fixture
def demo_data(db, time_machine):
    time_machine.move_to(NOW, tick=False)
    quiet = io.StringIO()
    call_command("load_reference_data", stdout=quiet)
    call_command("demo", force=True, stdout=quiet)


def public_pages():
    post = NewsPost.objects.published().select_related("forum__area").first()
    event = Event.objects.first()
    pool = GrantPool.objects.active().first()
    year = GrantScheme.objects.order_by("-year").first().year
    return [
        "/",
        "/om-dialogmodellen/",
        "/tilgaengelighedserklaering/",
        "/lokalomraader/",
        "/lokalomraader/tollose/",
        "/lokalomraader/holbaek-by/",
        "/nyheder/",
        post.get_absolute_url(),
        "/kalender/",
        "/kalender/arkiv/",
        event.get_absolute_url(),
        "/soeg/",
        "/soeg/?q=Soderup",
        "/faelles-skabere/",
        "/sparring/",
        "/puljer/",
        pool.get_absolute_url(),
        "/puljer/bevillinger/",
        "/tilskud/",
        f"/tilskud/{year}/",
        "/lokalomraader/tollose/foelg/",
        "/konto/login/",
        "/konto/signup/",
        "/konto/password/reset/",
    ]


def test_every_public_page_has_exactly_one_meta_description(demo_data):
    client = Client()
    seen = {}
    for path in public_pages():
        response = client.get(path)
        assert response.status_code == 200, path
        found = descriptions(response.content.decode())
        assert len(found) == 1, (path, found)
        assert found[0].strip(), path
        assert len(found[0]) <= 200, (path, found[0])
        seen[path] = found[0]
    # Pages describe themselves: not one text for all.
    assert len(set(seen.values())) >= len(seen) - 4, seen


def test_content_pages_use_their_own_text_escaped(demo_data):
    post = NewsPost.objects.published().select_related("forum__area").first()
    post.summary = 'Et "citat" & <b>fed</b> tekst\nover to linjer'
    post.save(update_fields=["summary"])
    response = Client().get(post.get_absolute_url())
    html = response.content.decode()
    assert descriptions(html) == ['Et "citat" & fed tekst over to linjer']
    assert 'content="Et &quot;citat&quot; &amp; fed tekst over to linjer"' in html

    pool = GrantPool.objects.active().first()
    assert descriptions(Client().get(pool.get_absolute_url()).content.decode()) == [pool.summary]


def sitemap_urls(client) -> list[str]:
    index = client.get("/sitemap.xml")
    assert index.status_code == 200
    sections = [
        loc.text
        for loc in ElementTree.fromstring(index.content).findall("s:sitemap/s:loc", SITEMAP_NS)
    ]
    assert sections
    urls = []
    for section in sections:
        response = client.get(re.sub(r"^https?://[^/]+", "", section))
        assert response.status_code == 200, section
        root = ElementTree.fromstring(response.content)
        urls += [loc.text for loc in root.findall("s:url/s:loc", SITEMAP_NS)]
    return [re.sub(r"^https?://[^/]+", "", url) for url in urls]


def test_the_sitemap_lists_public_published_pages_only(demo_data):
    post = NewsPost.objects.published().select_related("forum__area").first()
    draft = NewsPostFactory(forum=post.forum, title="Kladde", summary="Kladde", draft=True)
    later = NewsPostFactory(
        forum=post.forum, title="Senere", summary="Senere", published_at=NOW + dt.timedelta(days=3)
    )
    inactive = GrantPool.objects.active().first()
    GrantPool.objects.filter(pk=inactive.pk).update(is_active=False)
    scheme = GrantScheme.objects.order_by("-year").first()
    unapproved = GrantScheme.objects.create(
        year=scheme.year + 5, kind=scheme.kind, population_date=scheme.population_date
    )

    client = Client()
    urls = sitemap_urls(client)

    assert "/" in urls
    assert "/lokalomraader/tollose/" in urls
    assert post.get_absolute_url() in urls
    assert Event.objects.first().get_absolute_url() in urls
    assert draft.get_absolute_url() not in urls
    assert later.get_absolute_url() not in urls
    assert inactive.get_absolute_url() not in urls
    assert unapproved.get_absolute_url() not in urls
    assert not [url for url in urls if url.startswith(("/konto/", "/admin/", "/ansoegninger/"))]
    assert len(urls) == len(set(urls))
    # Every listed page answers an anonymous visitor.
    for url in urls:
        assert client.get(url).status_code == 200, url


def test_robots_txt_points_to_the_sitemap_and_keeps_crawlers_out_of_private_parts(db):
    response = Client().get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert "User-agent: *" in lines
    for private in [
        "/konto/",
        "/admin/",
        "/ansoegninger/",
        "/sparring/indbakke/",
        "/puljer/behandling/",
    ]:
        assert f"Disallow: {private}" in lines
    assert "Sitemap: http://testserver/sitemap.xml" in lines
    assert "Disallow: /" not in lines
