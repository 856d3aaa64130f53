"""{% memo %}: the header, menu, footer and areas list are rendered once per process, and
what they show still follows the page, the language and the areas."""

import re

import pytest
from django.template import Context, Template

from holbaek.templatetags import fragments
from lokalfora.models import LocalArea
from lokalfora.services.areas import area_save
from tests.factories import make_user

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _empty_memo():
    fragments.MEMO.clear()
    yield
    fragments.MEMO.clear()


def current_menu_item(page: str) -> list[str]:
    return re.findall(r'<a href="([^"]+)" class="nav-link" aria-current="page">', page)


def test_the_menu_marks_the_page_the_visitor_is_on_whichever_was_rendered_first(
    client, reference_data
):
    assert set(current_menu_item(client.get("/kalender/").text)) == {"/kalender/"}
    assert set(current_menu_item(client.get("/nyheder/").text)) == {"/nyheder/"}
    assert current_menu_item(client.get("/om-dialogmodellen/").text) == []
    assert set(current_menu_item(client.get("/kalender/").text)) == {"/kalender/"}


def test_each_language_gets_its_own_header_and_footer(client, reference_data, settings):
    danish = client.get("/om-dialogmodellen/").text
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    english = client.get("/om-dialogmodellen/").text
    assert "gå til forsiden" in danish
    assert "gå til forsiden" not in english
    assert "Tilgængelighedserklæring" in danish
    assert "Tilgængelighedserklæring" not in english


def test_a_renamed_area_shows_in_the_areas_list_at_once(client, reference_data):
    assert "Tølløse" in client.get("/").text
    area = LocalArea.objects.get(slug="tollose")
    area_save(area=area, data={"name": "Tølløse og omegn"})
    assert "Tølløse og omegn" in client.get("/").text


def test_the_signed_in_links_are_never_kept(client, reference_data):
    assert "Log ind" in client.get("/om-dialogmodellen/").text
    client.force_login(make_user("borger@example.org"))
    page = client.get("/om-dialogmodellen/").text
    assert "Min konto" in page
    assert "Log ind" not in page


def test_the_memo_is_bounded_and_keyed_by_every_key():
    template = Template('{% load fragments %}{% memo "x" a %}[{{ a }}{{ b }}]{% endmemo %}')
    assert template.render(Context({"a": 1, "b": 2})) == "[12]"
    assert template.render(Context({"a": 1, "b": 3})) == "[12]"  # b is not a key
    assert template.render(Context({"a": 2, "b": 3})) == "[23]"
    for number in range(fragments.MEMO.max_entries + 10):
        template.render(Context({"a": number + 10}))
    assert len(fragments.MEMO) == fragments.MEMO.max_entries


def test_under_debug_nothing_is_kept(settings):
    settings.DEBUG = True
    template = Template('{% load fragments %}{% memo "x" %}{{ a }}{% endmemo %}')
    assert template.render(Context({"a": 1})) == "1"
    assert template.render(Context({"a": 2})) == "2"
