"""Browser tests: Debian's Chromium driven by Playwright, checked with axe-core.

The live server runs in a thread of this process. Transactional tests flush the
database after every test, so each test loads the reference and demo data
itself (the `demo_data` fixture).

Pages are loaded with the site's Content-Security-Policy enforced. axe-core is
evaluated through the DevTools protocol, which a page's CSP does not govern, so
the same page load also proves that nothing on the page was blocked by the CSP.
"""

import io
import os
import shutil
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import Client
from django.test.utils import override_settings

from tests.browser.checks import DESKTOP

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
AXE_SOURCE_PATH = ROOT / "node_modules" / "axe-core" / "axe.min.js"
PAGE_LISTENERS = """
window.__jsErrors = [];
window.addEventListener("error", (event) => window.__jsErrors.push(String(event.message)));
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(
    `${event.violatedDirective} blocked ${event.blockedURI || "inline code"} ` +
      `(${event.sourceFile || "page"}:${event.lineNumber})`
  );
});
"""


def _chromium_available() -> bool:
    return Path(CHROMIUM).exists() and shutil.which(CHROMIUM) is not None


def _browser_required() -> bool:
    return os.environ.get("REQUIRE_BROWSER") == "1"


def pytest_collection_modifyitems(config, items):
    """Without Chromium the browser tests are skipped, unless REQUIRE_BROWSER=1 (then they fail)."""
    if _chromium_available() or _browser_required():
        return
    skip = pytest.mark.skip(reason=f"{CHROMIUM} is not installed (make browser)")
    for item in items:
        if item.get_closest_marker("browser"):
            item.add_marker(skip)


@pytest.fixture(scope="session")
def live_server(request, tmp_path_factory):
    """pytest-django's live server, started over plain HTTP.

    With DEBUG off the settings redirect every request to HTTPS. The server's
    middleware reads SECURE_SSL_REDIRECT once, while the server thread starts,
    so it is switched off just for that moment.
    """
    from pytest_django.live_server_helper import LiveServer

    address = (
        request.config.getvalue("liveserver")
        or os.getenv("DJANGO_LIVE_TEST_SERVER_ADDRESS")
        or "localhost"
    )
    # whitenoise looks for collected files in STATIC_ROOT when the server starts;
    # the tests serve static files from the finders instead.
    static_root = tmp_path_factory.mktemp("staticfiles")
    with override_settings(SECURE_SSL_REDIRECT=False, STATIC_ROOT=static_root):
        server = LiveServer(address)
    yield server
    server.stop()


@pytest.fixture(autouse=True)
def _static_files_without_manifest(settings):
    # tests/conftest.py does the same for every test; repeated here so that the
    # browser tests do not depend on it.
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture
def demo_data(transactional_db):
    """Reference data and the demo content, loaded again after every flush."""
    quiet = io.StringIO()
    call_command("load_reference_data", stdout=quiet)
    call_command("demo", force=True, stdout=quiet)


@pytest.fixture(scope="module")
def browser():
    """Chromium for one test module.

    Playwright's sync API keeps an event loop running in this thread while it
    is open, and Django refuses ORM calls (the fixtures' and the database
    flush) in a thread with a running loop. So Playwright lives only as long as
    a browser test module, and the ORM is allowed meanwhile.
    """
    from playwright.sync_api import sync_playwright

    if not _chromium_available():
        pytest.fail(f"REQUIRE_BROWSER=1 but {CHROMIUM} is missing: install it with `make browser`.")
    with pytest.MonkeyPatch.context() as patch, sync_playwright() as playwright:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def axe_source():
    return AXE_SOURCE_PATH.read_text(encoding="utf-8")


@pytest.fixture
def new_context(browser, live_server):
    """Makes browser contexts for the live server; all are closed after the test."""
    contexts = []

    def make(*, viewport=DESKTOP, java_script_enabled=True):
        context = browser.new_context(
            base_url=live_server.url,
            viewport=viewport,
            locale="da-DK",
            java_script_enabled=java_script_enabled,
        )
        # Init scripts run through the DevTools protocol, outside the page's CSP.
        context.add_init_script(PAGE_LISTENERS)
        contexts.append(context)
        return context

    yield make
    for context in contexts:
        context.close()


@pytest.fixture
def page(new_context):
    return new_context().new_page()


@pytest.fixture
def login_as(live_server):
    """Signs a browser context in as a demo user by copying a session cookie."""

    def login(context, email):
        from holbaek.models import User

        client = Client()
        client.force_login(User.objects.get(email=email))
        context.add_cookies(
            [
                {
                    "name": settings.SESSION_COOKIE_NAME,
                    "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                    "url": live_server.url,
                }
            ]
        )

    return login
