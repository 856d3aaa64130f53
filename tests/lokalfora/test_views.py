import datetime

import pytest
from django.utils import timezone

from lokalfora.models import ContactPerson, Forum, NewsPost
from tests.factories import ContactPersonFactory, NewsPostFactory
from tests.querycount import assert_constant_queries

pytestmark = pytest.mark.django_db


def add_content(per_forum):
    now = timezone.now()
    contacts, news = [], []
    for forum in Forum.objects.all():
        for number in range(per_forum):
            contacts.append(
                ContactPerson(
                    forum=forum,
                    name=f"Person {number}",
                    email=f"p{number}@example.org",
                    name_public_since=datetime.date(2026, 1, 1),
                )
            )
            news.append(
                NewsPost(
                    forum=forum,
                    title=f"Nyhed {number} fra {forum.name}",
                    summary="Kort fortalt",
                    published_at=now - datetime.timedelta(hours=number + 1),
                )
            )
    ContactPerson.objects.bulk_create(contacts)
    NewsPost.objects.bulk_create(news)


def test_area_list_shows_all_18_areas_with_danish_numbers(client, reference_data):
    from lokalfora.models import LocalArea

    response = client.get("/lokalomraader/")
    assert response.status_code == 200
    for slug in LocalArea.objects.values_list("slug", flat=True):
        assert f'href="/lokalomraader/{slug}/"' in response.text
    assert "4.924" in response.text  # Jyderup
    assert "Lokalforum Tølløse" in response.text


def test_area_page_shows_facts_population_source_forum_and_co_creator(client, reference_data):
    response = client.get("/lokalomraader/jyderup/")
    assert response.status_code == 200
    text = response.text
    assert "<h1" in text
    assert "Jyderup" in text
    assert "4.924" in text
    assert "kommuneplan.holbaek.dk" in text
    assert "Lokalforum Jyderup" in text
    assert "Fælles-skaber for Jyderup, Mørkøv og Knabstrup" in text
    assert "Holmstrup Sogn" in text


@pytest.mark.parametrize(
    ("alias", "slug"),
    [
        ("kr-eskilstrup", "stestrup"),
        ("st-merlose", "store-merlose"),
        ("dialog-holbaek", "holbaek-by"),
    ],
)
def test_an_alias_redirects_permanently_to_the_area(client, reference_data, alias, slug):
    response = client.get(f"/lokalomraader/{alias}/")
    assert response.status_code == 301
    assert response.url == f"/lokalomraader/{slug}/"


def test_every_area_address_is_its_danish_name(reference_data):
    from holbaek.text import danish_slugify
    from lokalfora.models import LocalArea

    for area in LocalArea.objects.all():
        assert area.slug == danish_slugify(area.name)


@pytest.mark.parametrize(
    "path", ["/lokalomraader/findes-ikke/", "/lokalomraader/æøå/", "/ukendt/side/"]
)
def test_unknown_addresses_give_the_danish_404_page(client, reference_data, path):
    response = client.get(path)
    assert response.status_code == 404
    assert "Siden findes ikke" in response.text


def test_search_results_and_bad_input(client, reference_data):
    response = client.get("/soeg/", {"q": "Soderup"})
    assert response.status_code == 200
    assert "/lokalomraader/tollose/" in response.text
    assert "/lokalomraader/stestrup/" in response.text

    too_long = "x" * 101
    response = client.get("/soeg/", {"q": too_long})
    assert response.status_code == 200
    assert "Skriv højst 100 tegn." in response.text
    assert f'value="{too_long}"' in response.text


def test_drafts_and_future_news_are_never_shown(client, area):
    NewsPostFactory(forum=area.forum, title="Hemmelig kladde", draft=True)
    NewsPostFactory(
        forum=area.forum,
        title="Fremtidig nyhed",
        published_at=timezone.now() + datetime.timedelta(days=1),
    )
    for url in ["/nyheder/", "/lokalomraader/tollose/", "/soeg/?q=nyhed", "/soeg/?q=kladde", "/"]:
        text = client.get(url).text
        assert "Hemmelig kladde" not in text
        assert "Fremtidig nyhed" not in text


def test_news_list_pages_and_tolerates_a_bad_page_number(client, reference_data):
    add_content(2)
    assert client.get("/nyheder/").status_code == 200
    assert client.get("/nyheder/?side=999").status_code == 200
    assert client.get("/nyheder/?side=abc").status_code == 200


def test_post_to_a_read_only_page_is_refused(client, reference_data):
    assert client.post("/lokalomraader/").status_code == 405


@pytest.mark.parametrize(
    ("url", "limit"),
    [
        ("/", 6),
        ("/lokalomraader/", 4),
        # with the grant, pool-project, committee-decision (1) and special-effort (1 without an
        # effort, 3 with one) sections, the municipal news's (1 without items) and the
        # surveys' (1)
        ("/lokalomraader/tollose/", 18),
        ("/nyheder/", 5),
        ("/soeg/?q=Nyhed", 5),
        ("/faelles-skabere/", 4),
        ("/puljer/", 4),
    ],
)
def test_public_pages_run_a_constant_number_of_queries(client, reference_data, url, limit):
    add_content(2)
    assert_constant_queries(client, url, lambda: add_content(40), limit=limit)


def test_area_page_says_what_is_not_public_but_not_what_is_missing(client, area):
    ContactPersonFactory(
        forum=area.forum,
        name="Bo Opdigtet",
        role="Kasserer",
        email="bo@example.org",
        name_public_since=datetime.date(2026, 1, 1),
    )
    text = client.get("/lokalomraader/tollose/").text
    assert "Bo Opdigtet" in text
    assert "bo@example.org" not in text
    assert "E-mail: <em>ikke offentlig</em>" in text
    # No phone number was given: nothing to hide, so nothing is said.
    assert "Telefon: <em>" not in text
