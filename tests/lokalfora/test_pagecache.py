"""Every lokalfora write that changes a public page shows there at once for an anonymous
visitor, though the page was served from the page cache (holbaek/pagecache/) before."""

import datetime
from decimal import Decimal

import pytest
from django.utils import timezone

from lokalfora.models import PopulationBasis
from lokalfora.population_import import Parsed, Row
from lokalfora.services import areas, contacts, events, forums, grants, news, population
from lokalfora.services.news import NewsAction
from tests.factories import ContactPersonFactory, EventFactory, NewsPostFactory

pytestmark = pytest.mark.django_db

TOLLOSE = "/lokalomraader/tollose/"


def cached(client, urls):
    """Fills the cache, and checks it: a second visit runs no SQL."""
    for url in urls:
        client.get(url)
    return urls


def shows(client, urls, text):
    return {url: text in client.get(url).text for url in urls}


def everywhere(urls, value):
    return dict.fromkeys(urls, value)


def news_data(title):
    return {"title": title, "summary": "Kort fortalt.", "body": "Hele historien."}


def test_news_create_update_publish_and_delete(client, area):
    urls = cached(client, ["/", "/nyheder/", TOLLOSE, "/nyheder/rss/", f"{TOLLOSE}nyheder/rss/"])
    post = news.news_save(forum=area.forum, data=news_data("Ny bænk"), action=NewsAction.DRAFT)
    assert shows(client, urls, "Ny bænk") == everywhere(urls, False)
    news.news_save(forum=area.forum, post=post, data={}, action=NewsAction.PUBLISH)
    assert shows(client, urls, "Ny bænk") == everywhere(urls, True)
    news.news_save(forum=area.forum, post=post, data={"title": "Ny bænk og bord"})
    assert shows(client, urls, "Ny bænk og bord") == everywhere(urls, True)
    detail = f"{TOLLOSE}nyheder/{post.pk}/"
    cached(client, [detail])
    news.news_save(forum=area.forum, post=post, data={}, action=NewsAction.UNPUBLISH)
    assert shows(client, urls, "Ny bænk") == everywhere(urls, False)
    assert client.get(detail).status_code == 404
    news.news_save(forum=area.forum, post=post, data={}, action=NewsAction.PUBLISH)
    assert shows(client, urls, "Ny bænk") == everywhere(urls, True)
    news.news_delete(post=post)
    assert shows(client, urls, "Ny bænk") == everywhere(urls, False)


def test_event_create_update_and_delete(client, area, clock):
    clock.set("2026-12-10 09:00")  # the event, three days on, is in this month's calendar
    when = timezone.now() + datetime.timedelta(days=3)
    urls = cached(client, ["/kalender/", "/lokalomraader/", TOLLOSE, "/kalender/holbaek.ics"])
    data = {
        "title": "Fællesspisning",
        "kind": "event",
        "starts_at": when,
        "ends_at": when + datetime.timedelta(hours=2),
        "place": "Forsamlingshuset",
    }
    event = events.event_save(forum=area.forum, data=data)
    assert shows(client, urls, "Fællesspisning") == everywhere(urls, True)
    detail = cached(client, [f"/kalender/{event.pk}/"])
    events.event_save(forum=area.forum, event=event, data={"title": "Sommerfest"})
    assert shows(client, urls + detail, "Sommerfest") == everywhere(urls + detail, True)
    events.event_delete(event=event)
    assert shows(client, urls, "Sommerfest") == everywhere(urls, False)
    assert client.get(detail[0]).status_code == 404


def test_forum_edit_shows_on_the_area_page(client, area):
    cached(client, [TOLLOSE])
    forums.forum_update(forum=area.forum, data={"description": "Vi mødes hver tirsdag."})
    assert "Vi mødes hver tirsdag." in client.get(TOLLOSE).text


def test_contact_add_consent_edit_and_remove(client, area):
    ContactPersonFactory(forum=area.forum, name="Anden Kontakt")  # the forum keeps one
    cached(client, [TOLLOSE])
    data = {"name": "Karen Synlig", "role": "Formand", "email": "karen@example.org", "phone": ""}
    contact = contacts.contact_create(forum=area.forum, data=data, public_fields=set())
    assert "Karen Synlig" not in client.get(TOLLOSE).text
    contacts.contact_update(contact=contact, data={}, public_fields={"name"})
    assert "Karen Synlig" in client.get(TOLLOSE).text
    contacts.contact_update(contact=contact, data={"name": "Karen Ny"}, public_fields={"name"})
    assert "Karen Ny" in client.get(TOLLOSE).text
    contacts.contact_remove(contact=contact)
    assert "Karen Ny" not in client.get(TOLLOSE).text


def test_area_save_shows_on_every_page_with_the_areas(client, area):
    urls = cached(client, ["/", "/lokalomraader/", TOLLOSE, "/soeg/?q=t%C3%B8ll%C3%B8se"])
    areas.area_save(area=area, data={"name": "Tølløse By"})
    assert shows(client, urls, "Tølløse By") == everywhere(urls, True)


def test_population_figures_show_at_once(client, area):
    urls = cached(client, ["/lokalomraader/", TOLLOSE])
    today = timezone.localdate()
    figure = population.population_figure_save(
        area=area,
        data={
            "count": 98765,
            "reference_date": today,
            "basis": PopulationBasis.AREA,
            "source": "x",
        },
    )
    assert shows(client, urls, "98.765") == everywhere(urls, True)
    row = Row(line=2, area=area, reference_date=today, count=87654, source="Danmarks Statistik")
    population.population_figures_import(parsed=Parsed(rows=[row], errors=[]))
    assert shows(client, urls, "87.654") == everywhere(urls, True)
    figure.refresh_from_db()
    population.population_figure_delete(figure=figure)
    assert shows(client, urls, "87.654") == everywhere(urls, False)


def test_a_news_post_made_in_the_test_body_shows_too(client, area):
    cached(client, ["/nyheder/"])
    NewsPostFactory(forum=area.forum, title="Fra en fabrik")
    EventFactory(forum=area.forum, title="Også fra en fabrik")
    assert "Fra en fabrik" in client.get("/nyheder/").text


@pytest.mark.time_machine("2026-12-10 12:00 +01:00", tick=False)
def test_a_grant_scheme_change_and_its_approval_show_on_every_area_page(client, scheme):
    """The area page shows this year's grant, computed from the scheme every area shares."""
    urls = cached(client, [TOLLOSE, "/lokalomraader/jyderup/"])
    assert shows(client, urls, "Grundbeløb 13.000\xa0kr. + ") == everywhere(urls, True)
    grants.grant_scheme_save(
        scheme=scheme, year=2026, kind="formula", base=Decimal("14000"), rate=Decimal("3.45"),
        population_date=datetime.date(2026, 1, 1), is_illustrative=True,
    )  # fmt: skip
    assert shows(client, urls, "Grundbeløb 14.000\xa0kr. + ") == everywhere(urls, True)
    assert shows(client, urls, "forslag, ikke godkendt") == everywhere(urls, True)
    grants.grant_scheme_approve(scheme=scheme, user=None)
    assert shows(client, urls, "forslag, ikke godkendt") == everywhere(urls, False)
