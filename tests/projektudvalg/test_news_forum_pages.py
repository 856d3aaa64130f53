"""A forum's pages about municipal news: the role matrix (the fixture's forum is Tølløse's),
an editor of another forum refused (403, on a POST too), forged ids (404), a proposal
kept on an error, an offer accepted from the thread, and the overview's query count."""

import pytest
from django.urls import resolve, reverse

from lokalfora.models import Forum, NewsPost
from projektudvalg.models import MunicipalNews, NewsStatus
from projektudvalg.services import municipal_news as services
from projektudvalg.services import news_cooperation as cooperation
from tests.matrix import ROLE_NAMES, assert_access
from tests.projektudvalg.news_helpers import (
    TEXT,
    published,
    staff_user,
)
from tests.querycount import assert_constant_queries

pytestmark = pytest.mark.django_db

EDITOR = {"editor_this"}
SEES = EDITOR | {"committee_staff", "staff_admin", "admin"}


@pytest.fixture
def shares(area, reference_data):
    """An offer to Tølløse's forum and a proposal of its own (by a second editor)."""
    from lokalfora.services.forums import forum_editor_add
    from tests.factories import make_user

    staff = staff_user()
    offer = cooperation.news_offer(item=published(staff), forums=[area.forum], by=staff)[0]
    writer = make_user("skriver@example.org")
    forum_editor_add(forum=area.forum, user=writer)
    item = services.news_propose(forum=area.forum, data=TEXT, areas=[area], topics=[], by=writer)
    return offer, item.shares.get()


@pytest.mark.parametrize("role", ROLE_NAMES)
def test_the_forum_pages_matrix(client_as, role, shares, area):
    offer, proposal = shares
    client = client_as(role)
    slug = area.slug
    pages = {
        reverse("projektudvalg:news-forum-list", kwargs={"slug": slug}): SEES,
        reverse("projektudvalg:news-forum-propose", kwargs={"slug": slug}): EDITOR,
        reverse("projektudvalg:news-forum-thread", kwargs={"slug": slug, "pk": offer.pk}): SEES,
        reverse("projektudvalg:news-forum-edit", kwargs={"slug": slug, "pk": proposal.pk}): EDITOR,
    }
    for url, allowed in pages.items():
        response = client.get(url)
        assert_access(response, role, allowed)
        if role in allowed:
            assert "private" in response["Cache-Control"]
    response = client.post(
        reverse("projektudvalg:news-forum-thread", kwargs={"slug": slug, "pk": offer.pk}),
        {"action": "accept"},
    )
    if role == "editor_other":
        assert response.status_code == 403
    offer.refresh_from_db()
    assert (offer.state == "accepted") is (role == "editor_this")


def test_the_paths_are_not_the_forum_news_routes():
    assert (
        resolve("/lokalomraader/tollose/nyheder/kommunen/").view_name
        == "projektudvalg:news-forum-list"
    )
    assert (
        resolve("/lokalomraader/tollose/nyheder/kommunen/3/").view_name
        == "projektudvalg:news-forum-thread"
    )
    assert resolve("/lokalomraader/tollose/nyheder/3/").view_name == "lokalfora:news-detail"
    assert resolve("/lokalomraader/tollose/nyheder/ny/").view_name == "lokalfora:news-add"


def test_forged_ids_are_404(client_as, shares, other_area):
    offer, _proposal = shares
    client = client_as("editor_this")
    assert (
        client.get(f"/lokalomraader/tollose/nyheder/kommunen/{offer.pk + 1000}/").status_code == 404
    )
    assert client.get("/lokalomraader/findes-ikke/nyheder/kommunen/").status_code == 404


def test_a_proposal_with_errors_keeps_the_text(client_as, area):
    client = client_as("editor_this")
    url = reverse("projektudvalg:news-forum-propose", kwargs={"slug": area.slug})
    response = client.post(url, TEXT | {"title": "Vores overskrift", "areas": []})
    assert response.status_code == 400
    assert 'value="Vores overskrift"' in response.text
    assert "Vælg hele kommunen eller mindst ét lokalområde." in response.text
    response = client.post(url, TEXT | {"areas": [area.pk]})
    item = MunicipalNews.objects.get()
    assert item.status == NewsStatus.PENDING
    assert item.origin_forum == area.forum
    assert response.url == reverse(
        "projektudvalg:news-forum-thread", kwargs={"slug": area.slug, "pk": item.shares.get().pk}
    )


def test_the_thread_takes_comments_and_the_offer(client_as, shares, area):
    offer, _proposal = shares
    client = client_as("editor_this")
    url = reverse("projektudvalg:news-forum-thread", kwargs={"slug": area.slug, "pk": offer.pk})
    response = client.post(url, {"action": "comment", "text": ""})
    assert response.status_code == 400
    assert "Skriv en kommentar." in response.text
    client.post(url, {"action": "comment", "text": "Tak, vi tager den."})
    client.post(url, {"action": "accept"})
    client.post(url, {"action": "accept"})  # a double click: still one post
    assert NewsPost.objects.filter(forum=area.forum).count() == 1
    page = client.get(url).text
    assert "Tak, vi tager den." in page
    assert "Taget med" in page


def test_the_manage_page_links_here_for_the_forums_editors(client_as, area):
    page = client_as("editor_this").get(f"/lokalomraader/{area.slug}/nyheder/").text
    assert reverse("projektudvalg:news-forum-list", kwargs={"slug": area.slug}) in page


def test_the_overview_has_constant_queries(client_as, shares, area):
    client = client_as("editor_this")
    from django.contrib.auth import get_user_model

    admin_user = get_user_model().objects.get(email="redaktion@example.org")

    def grow():
        for number in range(6):
            item = published(admin_user, title=f"Tilbud {number}")
            cooperation.news_offer(
                item=item, forums=[Forum.objects.get(pk=area.forum.pk)], by=admin_user
            )

    url = reverse("projektudvalg:news-forum-list", kwargs={"slug": area.slug})
    assert_constant_queries(client, url, grow, limit=20)
