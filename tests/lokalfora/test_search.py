"""Search across forums, events and news: Danish stemming and ranking on PostgreSQL."""

import pytest
from django.contrib.postgres.search import SearchQuery
from django.db import connection

from lokalfora.models import NewsPost
from lokalfora.search import full_text_search
from tests.factories import EventFactory, NewsPostFactory

pytestmark = pytest.mark.django_db

postgres_only = pytest.mark.skipif(
    "connection.vendor != 'postgresql'", reason="PostgreSQL full-text search"
)


def titles(query):
    return [hit.title for hit in full_text_search(query)]


def test_drafts_are_never_found(area):
    NewsPostFactory(forum=area.forum, title="Hemmelig kladde om cykelstier", draft=True)
    NewsPostFactory(forum=area.forum, title="Offentlig nyhed om cykelstier")
    found = titles("cykelstier")
    assert "Offentlig nyhed om cykelstier" in found
    assert "Hemmelig kladde om cykelstier" not in found


def test_html_in_content_is_escaped_in_snippets(area):
    NewsPostFactory(
        forum=area.forum, title="Farlig nyhed", body="<script>alert('x')</script> om stier"
    )
    [hit] = full_text_search("stier")
    # PostgreSQL's headline drops tags; the fallback escapes them. Never raw HTML.
    assert "<script>" not in hit.snippet
    assert "alert(" in hit.snippet
    assert "<mark>" in hit.snippet


def test_the_search_page_shows_areas_and_hits(client, area):
    NewsPostFactory(forum=area.forum, title="Nyt fra Tølløse om fællesspisning")
    response = client.get("/soeg/", {"q": "fællesspisning"})
    assert response.status_code == 200
    assert "Nyt fra Tølløse om fællesspisning" in response.text
    assert "<mark>" in response.text


@postgres_only
def test_danish_stemming_finds_other_forms_of_a_word(area):
    NewsPostFactory(
        forum=area.forum, title="Referat fra mødet", body="Vi holdt et godt møde i forsamlingshuset"
    )
    assert "Referat fra mødet" in titles("møder")
    assert "Referat fra mødet" in titles("møde")


@postgres_only
def test_a_title_match_ranks_above_a_passing_mention(area, other_area):
    NewsPostFactory(
        forum=other_area.forum,
        title="Generalforsamling",
        body="Der blev også nævnt en legeplads til sidst",
    )
    NewsPostFactory(
        forum=area.forum,
        title="Ny legeplads ved skolen",
        body="Legepladsen åbner i maj. Legeplads for alle.",
    )
    EventFactory(forum=area.forum, title="Indvielse af ny legeplads", place="Legepladsen")
    found = titles("legeplads")
    assert found.index("Ny legeplads ved skolen") < found.index("Generalforsamling")
    assert "Indvielse af ny legeplads" in found


@postgres_only
def test_the_stored_vectors_have_gin_indexes_and_the_old_expression_indexes_are_gone(area):
    with connection.cursor() as cursor:
        cursor.execute("SELECT indexname FROM pg_indexes WHERE indexname LIKE '%%search%%gin'")
        assert {row[0] for row in cursor.fetchall()} == {
            "lokalfora_newspost_search_vector_gin",
            "lokalfora_event_search_vector_gin",
            "lokalfora_hearing_search_vector_gin",
            "lokalfora_forum_search_vector_gin",
            "projektudvalg_agendaitem_search_vector_gin",  # the committee's agenda items
        }


@postgres_only
def test_the_match_we_run_uses_the_gin_index_of_the_stored_vector(area):
    """The ORM must compile to `search_vector @@ query`, or the index is never used."""
    matches = NewsPost.objects.filter(
        search_vector=SearchQuery("møde", config="danish", search_type="websearch")
    )
    sql, params = matches.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute(f"EXPLAIN {sql}", params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "lokalfora_newspost_search_vector_gin" in plan
