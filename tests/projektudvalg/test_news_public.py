"""The municipality's news where it shows: the list and its filters, an item's page, its
easy-Danish page and picture, the area pages and the meeting page (TRACKS B1(d) 1, 6, 7)."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from lokalfora.models import LocalArea, NewsTopic
from projektudvalg.models import (
    MeetingStatus,
    MunicipalNews,
    NewsForumShare,
    NewsOrigin,
    NewsStatus,
    ShareDirection,
    ShareState,
)
from tests.factories import NewsPostFactory
from tests.factories.committee import AgendaItemFactory, MeetingFactory
from tests.matrix import ROLE_NAMES
from tests.projektudvalg.news_factories import MunicipalNewsFactory
from tests.querycount import assert_constant_queries

pytestmark = pytest.mark.django_db
LIST = "/nyheder/kommunen/"
PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"
    b"\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\xcf\xc0\xf0\x1f\x00\x05\x00\x01\xff\x89\x99"
    b"=\x1d\x00\x00\x00\x00IEND\xaeB`\x82"
)


@pytest.fixture
def places(reference_data):
    return {area.slug: area for area in LocalArea.objects.select_related("forum")}


@pytest.fixture
def trafik(reference_data):
    return NewsTopic.objects.get(slug="trafik")


def test_an_item_for_moerkoev_shows_on_moerkoevs_page_and_not_on_regstrups(client, places):
    MunicipalNewsFactory(title="Ny cykelsti i Mørkøv", areas=[places["morkov"]])
    assert "Ny cykelsti i Mørkøv" in client.get("/lokalomraader/morkov/").content.decode()
    assert "Ny cykelsti i Mørkøv" not in client.get("/lokalomraader/regstrup/").content.decode()


def test_an_item_for_the_whole_municipality_shows_on_all_18_area_pages(client, places):
    MunicipalNewsFactory(title="Nyt om affald", whole_municipality=True)
    assert len(places) == 18
    for slug in places:
        page = client.get(f"/lokalomraader/{slug}/").content.decode()
        assert "Nyt fra kommunen" in page, slug
        assert "Nyt om affald" in page, slug


def test_the_area_section_leaves_out_what_the_forum_took_into_its_own_news(client, area):
    item = MunicipalNewsFactory(title="Delt nyhed", whole_municipality=True)
    copy = NewsPostFactory(forum=area.forum, title="Lokalforummets kopi")
    NewsForumShare.objects.create(
        news=item, forum=area.forum, direction=ShareDirection.OFFERED,
        state=ShareState.ACCEPTED, post=copy, decided_at=timezone.now(),
    )  # fmt: skip
    page = client.get("/lokalomraader/tollose/").content.decode()
    assert "Lokalforummets kopi" in page
    assert "Delt nyhed" not in page
    assert "Delt nyhed" in client.get("/lokalomraader/jyderup/").content.decode()


def test_the_list_shows_published_items_only(client, reference_data):
    MunicipalNewsFactory(title="Offentlig", whole_municipality=True)
    MunicipalNewsFactory(title="Kladden", status=NewsStatus.DRAFT, publish_at=None)
    MunicipalNewsFactory(title="Senere", age=-datetime.timedelta(days=1))
    MunicipalNewsFactory(title="Arkiveret", status=NewsStatus.ARCHIVED)
    page = client.get(LIST).content.decode()
    assert "Offentlig" in page
    assert "Kladden" not in page
    assert "Senere" not in page
    assert "Arkiveret" not in page


def test_the_filters_by_area_topic_and_origin(client, places, trafik):
    MunicipalNewsFactory(title="Til Mørkøv om trafik", areas=[places["morkov"]], topics=[trafik])
    MunicipalNewsFactory(title="Til hele kommunen", whole_municipality=True)
    MunicipalNewsFactory(
        title="Fra Regstrups forum", areas=[places["regstrup"]],
        origin=NewsOrigin.FORUM, origin_forum=places["regstrup"].forum,
    )  # fmt: skip

    def titles(query):
        page = client.get(f"{LIST}?{query}").content.decode()
        found = ["Til Mørkøv om trafik", "Til hele kommunen", "Fra Regstrups forum"]
        return {title for title in found if title in page}

    assert titles("omraade=morkov") == {"Til Mørkøv om trafik", "Til hele kommunen"}
    assert titles("emne=trafik") == {"Til Mørkøv om trafik"}
    assert titles("afsender=lokalforum") == {"Fra Regstrups forum"}
    assert titles("omraade=regstrup&afsender=kommunen") == {"Til hele kommunen"}
    # Unknown values are no filter, never an error.
    assert len(titles("omraade=findes-ikke&emne=%00&afsender=x&side=abc")) == 3


def test_the_list_runs_a_constant_number_of_queries(client, places, trafik):
    def grow():
        for _n in range(25):
            MunicipalNewsFactory(areas=[places["morkov"], places["tuse"]], topics=[trafik])

    grow()
    assert_constant_queries(client, f"{LIST}?omraade=morkov&emne=trafik", grow, limit=8)
    assert_constant_queries(client, "/lokalomraader/morkov/", grow, limit=60)


def test_an_items_page(client, places, trafik):
    item = MunicipalNewsFactory(
        title="Ny busrute", body="Bussen kører **oftere**.", easy_read="Bussen kører tit.",
        areas=[places["morkov"], places["regstrup"]], topics=[trafik],
    )  # fmt: skip
    page = client.get(f"/nyheder/kommunen/{item.pk}/").content.decode()
    assert page.count("<h1") == 1
    assert "<strong>oftere</strong>" in page
    assert f'href="/nyheder/kommunen/{item.pk}/let-dansk/"' in page
    assert "Læs på let dansk" in page
    assert 'href="/lokalomraader/morkov/"' in page
    assert 'href="/lokalomraader/regstrup/"' in page
    assert "?emne=trafik" in page
    assert "Holbæk Kommune" in page
    easy = client.get(f"/nyheder/kommunen/{item.pk}/let-dansk/").content.decode()
    assert "Bussen kører tit." in easy
    assert easy.count("<h1") == 1


def test_an_item_without_easy_danish_has_no_such_page(client, reference_data):
    item = MunicipalNewsFactory(whole_municipality=True)
    assert "let-dansk" not in client.get(f"/nyheder/kommunen/{item.pk}/").content.decode()
    assert client.get(f"/nyheder/kommunen/{item.pk}/let-dansk/").status_code == 404
    assert client.get("/nyheder/kommunen/999999/").status_code == 404


def test_the_origin_forum_is_linked(client, places):
    forum = places["morkov"].forum
    item = MunicipalNewsFactory(areas=[places["morkov"]], origin=NewsOrigin.FORUM,
                                origin_forum=forum)  # fmt: skip
    page = client.get(f"/nyheder/kommunen/{item.pk}/").content.decode()
    assert f'<a href="/lokalomraader/morkov/">{forum.name}</a>' in page


def test_read_the_decision_and_the_meeting_lists_the_news(client, area):
    meeting = MeetingFactory(status=MeetingStatus.MINUTES_PUBLISHED)
    decided = AgendaItemFactory(meeting=meeting, decision_text="Udvalget godkendte stien.")
    other = AgendaItemFactory(meeting=meeting)
    item = MunicipalNewsFactory(title="Stien er godkendt", source_decision=decided,
                                whole_municipality=True)  # fmt: skip
    MunicipalNewsFactory(title="Ikke endnu", source_decision=other, status=NewsStatus.DRAFT,
                         publish_at=None)  # fmt: skip
    page = client.get(item.get_absolute_url()).content.decode()
    assert "Læs beslutningen" in page
    assert f'href="{decided.get_absolute_url()}"' in page
    meeting_page = client.get(meeting.get_absolute_url()).content.decode()
    assert "Nyheder om punktet" in meeting_page
    assert f'href="/nyheder/kommunen/{item.pk}/"' in meeting_page
    assert "Ikke endnu" not in meeting_page
    assert meeting_page.count("Nyheder om punktet") == 1


def test_no_decision_link_before_the_minutes_are_public(client, area):
    meeting = MeetingFactory(status=MeetingStatus.AGENDA_PUBLISHED)
    decided = AgendaItemFactory(meeting=meeting, decision_text="Udkast til beslutning.")
    item = MunicipalNewsFactory(source_decision=decided, whole_municipality=True)
    assert "Læs beslutningen" not in client.get(item.get_absolute_url()).content.decode()


def test_the_meeting_page_runs_a_constant_number_of_queries(client, area):
    meeting = MeetingFactory(status=MeetingStatus.MINUTES_PUBLISHED)

    def grow():
        for _n in range(3):
            agenda_item = AgendaItemFactory(meeting=meeting, decision_text="Godkendt.")
            MunicipalNewsFactory(source_decision=agenda_item, whole_municipality=True)

    grow()
    assert_constant_queries(client, meeting.get_absolute_url(), grow, limit=30)


def test_a_scheduled_item_shows_once_its_time_comes(client, clock, places):
    clock.set("2026-12-10 08:00")
    item = MunicipalNewsFactory(
        title="Planlagt nyhed", areas=[places["morkov"]],
        publish_at=datetime.datetime.fromisoformat("2026-12-10 09:00+01:00"),
    )  # fmt: skip
    url = item.get_absolute_url()
    assert client.get(url).status_code == 404
    assert "Planlagt nyhed" not in client.get(LIST).content.decode()
    assert "Planlagt nyhed" not in client.get("/lokalomraader/morkov/").content.decode()
    clock.set("2026-12-10 08:59")
    assert client.get(url).status_code == 404
    clock.set("2026-12-10 09:01")
    assert client.get(url).status_code == 200
    assert "Planlagt nyhed" in client.get(f"{LIST}?omraade=morkov").content.decode()


@pytest.mark.parametrize("role", ROLE_NAMES)
def test_a_draft_is_for_its_editors_only(client_as, role, area):
    item = MunicipalNewsFactory(title="Hemmelig kladde", status=NewsStatus.DRAFT, publish_at=None,
                                areas=[area])  # fmt: skip
    NewsForumShare.objects.create(news=item, forum=area.forum, direction=ShareDirection.OFFERED)
    client = client_as(role)
    response = client.get(f"/nyheder/kommunen/{item.pk}/")
    allowed = {"editor_this", "committee_staff", "staff_admin", "admin"}
    if role in allowed:
        assert response.status_code == 200, role
        assert "Kladde." in response.content.decode()
        assert "no-store" in response["Cache-Control"]
    else:
        assert response.status_code == 404, role


def test_a_scheduled_item_tells_its_editors_when(client_as, area):
    item = MunicipalNewsFactory(age=-datetime.timedelta(days=2), areas=[area])
    response = client_as("committee_staff").get(item.get_absolute_url())
    assert "Planlagt til" in response.content.decode()
    assert "no-store" in response["Cache-Control"]


def test_the_picture_follows_the_items_visibility(client, area):
    image = SimpleUploadedFile("b.png", PNG, content_type="image/png")
    item = MunicipalNewsFactory(image=image, image_alt="En cykelsti", areas=[area])
    response = client.get(f"/nyheder/kommunen/{item.pk}/billede/")
    assert response.status_code == 200
    assert response["Cache-Control"] == "public, max-age=86400"
    assert 'alt="En cykelsti"' in client.get(item.get_absolute_url()).content.decode()
    MunicipalNews.objects.filter(pk=item.pk).update(status=NewsStatus.DRAFT)
    assert client.get(f"/nyheder/kommunen/{item.pk}/billede/").status_code == 404
    plain = MunicipalNewsFactory(areas=[area])
    assert client.get(f"/nyheder/kommunen/{plain.pk}/billede/").status_code == 404


def test_the_search_finds_published_items_only(client, reference_data):
    MunicipalNewsFactory(title="Vandværket får nyt filter", whole_municipality=True)
    MunicipalNewsFactory(title="Vandværket kladde", status=NewsStatus.DRAFT, publish_at=None)
    page = client.get("/soeg/?q=vandværket").content.decode()
    assert "Vandværket får nyt filter" in page
    assert "Nyhed fra kommunen" in page
    assert "Vandværket kladde" not in page


def test_the_sitemap_lists_published_items(client, reference_data):
    item = MunicipalNewsFactory(whole_municipality=True)
    draft = MunicipalNewsFactory(status=NewsStatus.DRAFT, publish_at=None)
    sitemap = client.get("/sitemap-kommunenyheder.xml").content.decode()
    assert f"/nyheder/kommunen/{item.pk}/" in sitemap
    assert f"/nyheder/kommunen/{draft.pk}/" not in sitemap


def test_the_forum_news_list_links_to_the_municipal_news(client, reference_data):
    assert f'href="{LIST}"' in client.get("/nyheder/").content.decode()
