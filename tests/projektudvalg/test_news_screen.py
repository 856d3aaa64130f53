"""The info-screen page per area and its JSON (TRACKS B1(d) 1 and 2): no login, no cookie,
no script, at most the set number of items, the area's municipal and forum news."""

import datetime
import json
import re

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from lokalfora.models import LocalArea
from projektudvalg.models import NewsStatus, ScreenSettings
from tests.factories import NewsPostFactory
from tests.holbaek.test_admin_services import form_values
from tests.projektudvalg.news_factories import MunicipalNewsFactory
from tests.querycount import assert_constant_queries

pytestmark = pytest.mark.django_db
SCREEN = "/lokalomraader/morkov/skaerm/"


@pytest.fixture
def morkov(reference_data):
    return LocalArea.objects.select_related("forum").get(slug="morkov")


@pytest.fixture
def regstrup(reference_data):
    return LocalArea.objects.get(slug="regstrup")


def assert_no_cookie(response):
    # Django keeps a response's cookies apart from its headers: both are checked.
    assert not response.cookies, response.cookies
    assert "Set-Cookie" not in response.headers
    assert "Set-Cookie" not in response.serialize_headers().decode()


def _items(html: str) -> int:
    return html.count('<li class="screen-item">')


def test_an_item_for_moerkoev_is_on_moerkoevs_screen_and_not_on_regstrups(client, morkov, regstrup):
    MunicipalNewsFactory(title="Vejarbejde på Hovedgaden", areas=[morkov])
    assert "Vejarbejde på Hovedgaden" in client.get(SCREEN).content.decode()
    other = client.get("/lokalomraader/regstrup/skaerm/").content.decode()
    assert "Vejarbejde på Hovedgaden" not in other
    assert (
        "Vejarbejde på Hovedgaden"
        not in client.get("/lokalomraader/tuse-naes/skaerm/").content.decode()
    )


def test_the_screen_answers_without_a_session_and_sets_no_cookie(client, morkov):
    MunicipalNewsFactory(areas=[morkov])
    response = client.get(SCREEN)
    assert response.status_code == 200
    assert_no_cookie(response)
    html = response.content.decode()
    assert "<script" not in html
    assert "csrfmiddlewaretoken" not in html
    assert "<form" not in html
    assert "style=" not in html  # the CSP forbids inline style: the rotation is a CSS file
    assert "http-equiv" not in html  # a person opening the link: nothing reloads or moves
    assert "screen-rotating" not in html
    kiosk = client.get(SCREEN + "?skaerm=1").content.decode()  # the screens' address
    assert re.search(r'<meta http-equiv="refresh" content="600">', kiosk)
    assert "screen-rotating screen-count-1 screen-pace-15" in kiosk
    assert "/static/css/screen.css" in html or "screen." in html


@pytest.mark.parametrize("url", [SCREEN, "/lokalomraader/morkov/skaerm.json"])
def test_no_cookie_either_for_a_signed_in_visitor_or_a_stale_session(client_as, morkov, url):
    client = client_as("committee_staff")
    response = client.get(url)
    assert response.status_code == 200
    assert_no_cookie(response)
    client.cookies["sessionid"] = "forsvundet"
    client.cookies["csrftoken"] = "gammel"
    response = client.get(url)
    assert response.status_code == 200
    assert_no_cookie(response)


def test_the_screen_shows_at_most_the_set_number_of_items_newest_first(client, morkov):
    ScreenSettings.objects.create(items=3, seconds_per_item=20, reload_minutes=5)
    for hours in range(1, 5):
        age = datetime.timedelta(hours=hours * 2)
        MunicipalNewsFactory(title=f"Kommunen {hours}", areas=[morkov], age=age)
        NewsPostFactory(
            forum=morkov.forum,
            title=f"Forum {hours}",
            published_at=timezone.now() - age - datetime.timedelta(hours=1),
        )
    html = client.get(SCREEN + "?skaerm=1").content.decode()
    assert _items(html) == 3
    order = [html.index(title) for title in ("Kommunen 1", "Forum 1", "Kommunen 2")]
    assert order == sorted(order)
    assert "Forum 2" not in html
    assert "screen-count-3" in html
    assert "screen-pace-20" in html
    assert 'content="300"' in html


def test_the_screen_leaves_out_what_is_not_published(client, morkov):
    MunicipalNewsFactory(title="Kladden", status=NewsStatus.DRAFT, publish_at=None, areas=[morkov])
    MunicipalNewsFactory(title="Senere", age=-datetime.timedelta(hours=1), areas=[morkov])
    MunicipalNewsFactory(title="For alle", whole_municipality=True)
    html = client.get(SCREEN).content.decode()
    assert "For alle" in html
    assert "Kladden" not in html
    assert "Senere" not in html


def test_a_picture_has_its_alt_text_and_the_short_address_is_shown(client, morkov, settings):
    item = MunicipalNewsFactory(areas=[morkov], image="kommunenyheder/x.png", image_alt="Et kort")
    html = client.get(SCREEN).content.decode()
    assert f'src="/nyheder/kommunen/{item.pk}/billede/" alt="Et kort"' in html
    assert f"testserver/nyheder/kommunen/{item.pk}/" in html


def test_the_json_has_the_same_items(client, morkov):
    ScreenSettings.objects.create(items=2)
    newest = MunicipalNewsFactory(title="Nyest", areas=[morkov], age=datetime.timedelta(minutes=5))
    NewsPostFactory(forum=morkov.forum, title="Fra forummet")
    MunicipalNewsFactory(title="Ældst", areas=[morkov], age=datetime.timedelta(days=3))
    response = client.get("/lokalomraader/morkov/skaerm.json")
    assert response.status_code == 200
    assert_no_cookie(response)
    data = json.loads(response.content)
    assert [item["title"] for item in data["items"]] == ["Nyest", "Fra forummet"]
    first = data["items"][0]
    assert first["url"] == f"http://testserver/nyheder/kommunen/{newest.pk}/"
    assert first["source"] == "kommunen"
    assert data["items"][1]["source"] == "lokalforum"
    assert first["image"] is None
    assert data["rss"] == "http://testserver/lokalomraader/morkov/nyheder/rss/"


def test_an_unknown_area_is_404(client, reference_data):
    assert client.get("/lokalomraader/findes-ikke/skaerm/").status_code == 404
    assert client.get("/lokalomraader/findes-ikke/skaerm.json").status_code == 404


def test_an_empty_screen_says_so(client, morkov):
    html = client.get(SCREEN).content.decode()
    assert "Der er ingen nyheder lige nu." in html


@pytest.mark.parametrize("url", [SCREEN, "/lokalomraader/morkov/skaerm.json"])
def test_the_screen_runs_a_constant_number_of_queries(client, morkov, url):
    ScreenSettings.objects.create(items=12)

    def grow():
        for _n in range(15):
            MunicipalNewsFactory(areas=[morkov])
            NewsPostFactory(forum=morkov.forum)

    grow()
    assert_constant_queries(client, url, grow, limit=8)


def test_the_screen_is_stored_by_the_page_cache_and_a_new_item_shows(client, morkov, settings):
    settings.PAGE_CACHE_SECONDS = 300
    client.get(SCREEN)
    MunicipalNewsFactory(title="Lige udkommet", areas=[morkov])
    assert "Lige udkommet" in client.get(SCREEN).content.decode()


def test_staff_set_the_screens_in_the_admin_through_the_service(client_as, morkov, monkeypatch):
    client = client_as("admin")
    url = "/admin/projektudvalg/screensettings/add/"
    data = form_values(client, url, items="2", seconds_per_item="30", reload_minutes="3")

    def refuse(**kwargs):
        raise ValidationError("Tjenesten siger nej.")

    monkeypatch.setattr("projektudvalg.services.screen_settings.screen_settings_update", refuse)
    assert "Tjenesten siger nej." in client.post(url, data).text
    assert not ScreenSettings.objects.exists()
    monkeypatch.undo()
    assert client.post(url, data).status_code == 302
    settings = ScreenSettings.current()
    change = f"/admin/projektudvalg/screensettings/{settings.pk}/change/"
    response = client.post(change, form_values(client, change, items="13"))
    assert response.status_code == 200  # 13 is out of range: the form again, nothing saved
    assert client.get(url).status_code == 403  # one row: no second
    assert ScreenSettings.current().items == 2
    for n in range(3):
        MunicipalNewsFactory(title=f"Nyhed {n}", areas=[morkov])
    html = client.get(SCREEN + "?skaerm=1").content.decode()
    assert _items(html) == 2
    assert 'content="180"' in html
    assert "screen-pace-30" in html


def test_a_scheduled_item_reaches_the_stored_screen_page_when_its_time_comes(
    client, clock, morkov, settings
):
    from projektudvalg.news_schedule import due_news_announce

    settings.PAGE_CACHE_SECONDS = 3600
    clock.set("2026-12-10 08:55")
    MunicipalNewsFactory(title="Klokken ni", areas=[morkov],
                         publish_at=clock.now() + datetime.timedelta(minutes=5))  # fmt: skip
    assert "Klokken ni" not in client.get(SCREEN).content.decode()  # stored now
    clock.set("2026-12-10 09:02")
    assert "Klokken ni" not in client.get(SCREEN).content.decode()  # the stored page
    assert due_news_announce() == 1
    assert "Klokken ni" in client.get(SCREEN).content.decode()
