"""Every page is valid HTML: the Nu HTML checker (vnu.jar, npm's vnu-jar) finds no error.

The pages are found by following links from the front page, as an anonymous visitor
and as each demo role, rendered with Django's test client and checked in one run of
the checker. Without Java the test is skipped, unless REQUIRE_BROWSER=1 (then it fails).
"""

import io
import json
import os
import shutil
import subprocess
from collections import deque
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urldefrag, urlsplit

import pytest
from django.core.management import call_command
from django.test import Client

from holbaek.models import User
from tests.factories import give_mfa, login

ROOT = Path(__file__).resolve().parents[2]
VNU_JAR = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
JAVA = shutil.which("java")

# Enough to reach every kind of page the demo content has (about 750 pages, 290 URLs,
# in about a minute); more only repeats them.
PAGES_PER_ROLE = 200
START_PAGES = [
    "/",
    "/lokalomraader/",
    "/lokalomraader/tollose/",
    "/nyheder/",
    "/soeg/?q=Soderup",
    "/soeg/?q=m%C3%B8de",
    "/kalender/",
    "/puljer/bevillinger/",
    "/puljer/",
    "/udvalget/",
    "/udvalget/beslutninger/",
    "/hoeringer/",
    "/lokalomraader/jyderup/hoeringer/",
    "/tilskud/",
    "/konto/login/",
    "/konto/signup/",
    "/konto/password/reset/",
    "/findes-ikke/",
]
SIGNED_IN_START_PAGES = [
    "/konto/",
    "/ansoegninger/",
    "/sparring/indbakke/",
    "/sparring/oversigt/",
    "/puljer/behandling/",
    "/puljer/runder/",
    "/puljer/moeder/",
    "/lokalomraader/overblik/",
    "/lokalomraader/tollose/historik/",
    "/lokalomraader/tollose/redaktoerer/",
    "/faelles-skabere/tildeling/",
    "/tilskud/befolkningstal/",
]
# Not pages to check: the Django admin, signing out, and files (letters, exports).
SKIP_PREFIXES = ("/admin/", "/konto/logout/", "/static/", "/media/")

pytestmark = pytest.mark.django_db


def _java_or_skip():
    if JAVA and VNU_JAR.exists():
        return
    reason = f"java ({JAVA or 'missing'}) and {VNU_JAR.relative_to(ROOT)} are needed"
    if os.environ.get("REQUIRE_BROWSER") == "1":
        pytest.fail(f"REQUIRE_BROWSER=1 but {reason} (npm ci; apt-get install default-jre)")
    pytest.skip(reason)


def _links(html: str) -> list[str]:
    found = []

    class Links(HTMLParser):
        def handle_starttag(self, tag, attrs):
            href = dict(attrs).get("href") if tag == "a" else None
            if href:
                found.append(href)

    Links().feed(html)
    return found


def crawl(client: Client, start: list[str]) -> dict[str, str]:
    """HTML of up to PAGES_PER_ROLE pages reachable by links from `start`, by URL."""
    pages, seen, queue = {}, set(start), deque(start)
    while queue and len(pages) < PAGES_PER_ROLE:
        url = queue.popleft()
        response = client.get(url)
        if "text/html" not in response.get("Content-Type", ""):
            continue
        html = response.content.decode()
        if response.status_code not in (200, 403, 404):
            continue
        pages[url] = html
        for href in _links(html):
            href = urldefrag(href).url
            parts = urlsplit(href)
            if parts.scheme or parts.netloc or not parts.path.startswith("/"):
                continue
            if href.startswith(SKIP_PREFIXES) or href in seen:
                continue
            seen.add(href)
            queue.append(href)
    return pages


def vnu_errors(files: list[Path]) -> list[dict]:
    result = subprocess.run(  # noqa: S603 - our own jar and files
        [JAVA, "-jar", str(VNU_JAR), "--format", "json", "--errors-only", *map(str, files)],
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )
    # vnu writes its JSON report to stderr.
    return [m for m in json.loads(result.stderr)["messages"] if m["type"] == "error"]


@pytest.fixture
def demo_data(db):
    quiet = io.StringIO()
    call_command("load_reference_data", stdout=quiet)
    call_command("demo", force=True, stdout=quiet)


def test_the_nu_html_checker_finds_no_error_on_any_page(demo_data, tmp_path):
    _java_or_skip()
    pages = {("anonymous", url): html for url, html in crawl(Client(), START_PAGES).items()}
    for email, staff in [
        ("borger@example.org", False),
        ("sekretariat@example.org", True),
        ("admin@example.org", True),
    ]:
        user = User.objects.get(email=email)
        client = login(Client(), give_mfa(user) if staff else user)
        start = START_PAGES[:1] + SIGNED_IN_START_PAGES
        pages |= {(email, url): html for url, html in crawl(client, start).items()}
    assert len(pages) > 100, "the crawl found too few pages to say anything"

    files = {}
    for number, ((role, url), html) in enumerate(pages.items()):
        path = tmp_path / f"page-{number}.html"
        path.write_text(html, encoding="utf-8")
        files[str(path)] = f"{role} {url}"
    errors = vnu_errors(list(map(Path, files)))

    report = [f"{files.get(urlsplit(e['url']).path, e['url'])}: {e['message']}" for e in errors]
    assert report == [], f"{len(report)} HTML errors:\n" + "\n".join(report[:40])
