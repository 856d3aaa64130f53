"""First-load weight and layout stability, measured as in production.

The server runs with DEBUG off and serves the static files as production does:
collected with whitenoise's CompressedManifestStaticFilesStorage (hashed names,
gzip and brotli variants) and served by whitenoise itself, not by the finders.
Every response's transferred size (headers and encoded body) is counted.
"""

import io

import pytest
from django.core.management import call_command
from django.test.utils import modify_settings, override_settings

from tests.browser.checks import MOBILE

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PRODUCTION_STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
FIRST_LOAD_LIMIT = 150_000  # bytes
CLS_LIMIT = 0.05
CLS_PAGES = [
    "/",
    "/lokalomraader/",
    "/lokalomraader/tollose/",
    "/nyheder/",
    "/soeg/?q=Soderup",
    "/faelles-skabere/",
    "/puljer/",
    "/puljer/rum-til-faellesskab/",
    "/tilskud/",
    "/konto/login/",
]
# Layout shifts since the page started loading, as Core Web Vitals count them.
OBSERVE_LAYOUT_SHIFTS = """
window.__cls = 0;
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    if (!entry.hadRecentInput) window.__cls += entry.value;
  }
}).observe({type: "layout-shift", buffered: true});
"""


@pytest.fixture(scope="module")
def production_server(tmp_path_factory):
    """A live server that serves collected, compressed static files through whitenoise."""
    from pytest_django.live_server_helper import LiveServer

    static_root = tmp_path_factory.mktemp("collected")
    with override_settings(STATIC_ROOT=static_root, STORAGES=PRODUCTION_STORAGES):
        call_command("collectstatic", "--no-input", verbosity=0, stdout=io.StringIO())
        with override_settings(SECURE_SSL_REDIRECT=False, DEBUG=False):
            server = LiveServer("localhost", start=False)
            # No StaticFilesHandler in front: /static/ goes to whitenoise, as in production.
            server.thread.static_handler = lambda application: application
            server.start()
    yield server, static_root
    server.stop()


@pytest.fixture
def production(production_server, settings):
    """The production server, with templates naming the hashed files it serves."""
    server, static_root = production_server
    settings.STATIC_ROOT = static_root
    settings.STORAGES = PRODUCTION_STORAGES
    with modify_settings(ALLOWED_HOSTS={"append": "localhost"}):
        yield server


def first_load(browser, url, *, viewport=MOBILE):
    """Bytes transferred for a first visit to `url` (empty cache), and the page's CLS."""
    context = browser.new_context(viewport=viewport, locale="da-DK")
    context.add_init_script(OBSERVE_LAYOUT_SHIFTS)
    page = context.new_page()
    responses = []
    page.on("response", lambda each: responses.append(each))
    response = page.goto(url, wait_until="load")
    assert response.status == 200, url
    page.evaluate("document.fonts.ready.then(() => true)")
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(300)
    cls = page.evaluate("window.__cls")
    sizes = {}
    for each in responses:
        measured = each.request.sizes()
        sizes[each.url] = measured["responseHeadersSize"] + measured["responseBodySize"]
    context.close()
    return sizes, cls


@pytest.fixture
def demo_data(transactional_db):
    quiet = io.StringIO()
    call_command("load_reference_data", stdout=quiet)
    call_command("demo", force=True, stdout=quiet)


@pytest.mark.parametrize("path", ["/", "/lokalomraader/tollose/"])
def test_the_first_load_of_a_public_page_is_at_most_150_kb(browser, production, demo_data, path):
    sizes, _ = first_load(browser, production.url + path)
    total = sum(sizes.values())
    listing = "\n".join(f"{size:>8} {url}" for url, size in sorted(sizes.items()))
    assert total <= FIRST_LOAD_LIMIT, f"{total} bytes on the first load of {path}:\n{listing}"
    fonts = [url for url in sizes if ".woff" in url]
    assert fonts, "the page loaded no web font at all"
    assert all("/split/" in url and url.endswith(".woff2") for url in fonts), fonts


@pytest.mark.parametrize("path", CLS_PAGES)
def test_a_public_page_does_not_jump_on_a_phone(browser, production, demo_data, path):
    _, cls = first_load(browser, production.url + path)
    assert cls < CLS_LIMIT, f"cumulative layout shift {cls:.3f} on {path}"
