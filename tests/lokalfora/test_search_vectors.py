"""The stored search vectors follow every write, whichever path: PostgreSQL's triggers."""

import pytest
from django.db import connection  # noqa: F401 - read by the skipif condition

from lokalfora.models import Event, Forum, NewsPost
from lokalfora.search import full_text_search
from tests.factories import EventFactory, NewsPostFactory

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif("connection.vendor != 'postgresql'", reason="PostgreSQL triggers"),
]


def vector(model, pk) -> str:
    return model.objects.values_list("search_vector", flat=True).get(pk=pk)


def titles(query):
    return [hit.title for hit in full_text_search(query)]


def test_a_created_post_has_its_vector_with_the_title_weighted_highest(area):
    post = NewsPostFactory(forum=area.forum, title="Cykelsti", summary="Om", body="Shelter")

    stored = vector(NewsPost, post.pk)

    assert "'cykelsti':1A" in stored
    assert "'shelt':" in stored or "'shelter':" in stored
    assert "Cykelsti" in titles("cykelsti")


def test_queryset_update_recomputes_the_vector(area):
    post = NewsPostFactory(forum=area.forum, title="Gammel legeplads")
    event = EventFactory(forum=area.forum, title="Gammel legeplads", place="Hallen")

    NewsPost.objects.filter(pk=post.pk).update(title="Ny shelterplads")
    Event.objects.filter(pk=event.pk).update(place="Ved shelterplads")
    Forum.objects.filter(pk=area.forum.pk).update(description="Vi bygger en shelterplads")

    assert titles("legeplads") == ["Gammel legeplads"]  # the event's title, unchanged
    assert set(titles("shelterplads")) == {"Ny shelterplads", "Gammel legeplads", area.forum.name}


def test_save_recomputes_the_vector_though_the_instance_carries_the_old_one(area):
    post = NewsPostFactory(forum=area.forum, title="Gammel legeplads")
    post = NewsPost.objects.get(pk=post.pk)  # loads the stored vector into the instance

    post.title = "Ny bålplads"
    post.save()

    assert titles("bålplads") == ["Ny bålplads"]
    assert titles("legeplads") == []


def test_bulk_create_fills_the_vectors(area, clock):
    now = clock.now()
    NewsPost.objects.bulk_create(
        NewsPost(forum=area.forum, title=f"Svampetur {n}", summary="", published_at=now)
        for n in range(3)
    )

    assert NewsPost.objects.filter(search_vector__isnull=True).count() == 0
    assert len(titles("svampetur")) == 3
