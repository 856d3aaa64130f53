"""Full-text search over forums, events and news, ranked and paginated in the database.

On PostgreSQL: the Danish text-search configuration (so "møder" finds "møde")
against each row's stored `search_vector` (kept by the triggers of migration
0003, titles weighted A), ranked with ts_rank. One UNION ALL of (kind, id, rank)
over the three kinds, ordered by rank and id, gives the count and the page in
SQL; ts_headline runs only for the rows on the shown page. On SQLite (the
embedded run command) a substring match stands in, unranked, newest first,
paginated the same way.

Snippets are plain text from the database: they are escaped here and only
our own markers become <mark>, so nothing a volunteer typed is ever HTML.
"""

import re
from dataclasses import dataclass

from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank
from django.core.paginator import Page, Paginator
from django.db import connection
from django.db.models import F, FloatField, Q, TextField, Value
from django.db.models.functions import Concat, Replace
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from lokalfora.models import Event, Forum, NewsPost

CONFIG = "danish"
START, STOP = "\x02", "\x03"
PER_PAGE = 20

# kind -> (model, fields in the vector, field shown as title); migration 0004 uses the same.
SEARCHED = {
    "news": (NewsPost, ("title", "summary", "body"), "title"),
    "event": (Event, ("title", "place", "description"), "title"),
    "forum": (Forum, ("name", "description"), "name"),
}
KIND_LABELS = {"news": _("Nyhed"), "event": _("Arrangement"), "forum": _("Lokalforum")}


@dataclass(frozen=True)
class SearchHit:
    kind: str
    title: str
    url: str
    area_name: str
    snippet: SafeString
    rank: float


def _mark(text: str) -> SafeString:
    """Escapes the text, then turns our markers into <mark> elements."""
    html = escape(text).replace(START, "<mark>").replace(STOP, "</mark>")
    return mark_safe(html)  # noqa: S308 - escaped above; only our own tags added


def _visible(kind: str):
    """What the public may find of a kind: published news, every event and forum."""
    if kind == "news":
        return NewsPost.objects.published()
    if kind == "event":
        return Event.objects.all()
    return Forum.objects.all()


def _with_area(kind: str, queryset):
    related = "area" if kind == "forum" else "forum__area"
    return queryset.select_related(related).defer("search_vector")


def _area_name(obj) -> str:
    return obj.area.name if isinstance(obj, Forum) else obj.forum.area.name


def _url(obj) -> str:
    if isinstance(obj, Forum):
        return obj.area.get_absolute_url()
    return obj.get_absolute_url()


def _is_postgres() -> bool:
    return connection.vendor == "postgresql"


def _search_query(query: str) -> SearchQuery:
    return SearchQuery(query, config=CONFIG, search_type="websearch")


def _matches(kind: str, query: str):
    """(kind, id, rank) of every visible match of one kind, as a queryset to combine."""
    _model, fields, _title = SEARCHED[kind]
    queryset = _visible(kind).order_by()
    if _is_postgres():
        search = _search_query(query)
        queryset = queryset.filter(search_vector=search).annotate(
            rank=SearchRank(F("search_vector"), search)
        )
    else:
        condition = Q()
        for field in fields:
            condition |= Q(**{f"{field}__icontains": query})
        queryset = queryset.filter(condition).annotate(rank=Value(0.0, output_field=FloatField()))
    return queryset.annotate(hit_kind=Value(kind, output_field=TextField())).values_list(
        "hit_kind", "id", "rank"
    )


def ranked_matches(query: str):
    """Every match of every kind, best first: a lazy UNION ALL queryset of (kind, id, rank).

    Counting and slicing it (what a Paginator does) each run one query in the database.
    """
    first, *others = (_matches(kind, query) for kind in SEARCHED)
    return first.union(*others, all=True).order_by("-rank", "-id", "hit_kind")


def _unmarked(field):
    """The field without our marker characters: only ts_headline's become <mark>."""
    text = Replace(field, Value(START), Value(""), output_field=TextField())
    return Replace(text, Value(STOP), Value(""), output_field=TextField())


def _postgres_snippets(kind: str, ids, query: str) -> dict:
    _model, fields, _title = SEARCHED[kind]
    text = Concat(
        *[part for field in fields for part in (_unmarked(F(field)), Value(" "))],
        output_field=TextField(),
    )
    headline = SearchHeadline(
        text,
        _search_query(query),
        config=CONFIG,
        start_sel=START,
        stop_sel=STOP,
        max_words=30,
        min_words=12,
        max_fragments=2,
    )
    rows = _with_area(kind, _visible(kind)).filter(pk__in=ids).annotate(snippet=headline)
    return {row.pk: (row, row.snippet) for row in rows}


def _fallback_snippets(kind: str, ids, query: str) -> dict:
    _model, fields, _title = SEARCHED[kind]
    pattern = re.compile(re.escape(query), re.IGNORECASE)
    found = {}
    for row in _with_area(kind, _visible(kind)).filter(pk__in=ids):
        text = " ".join(getattr(row, field) or "" for field in fields)
        text = text.replace(START, "").replace(STOP, "")  # only our markers become <mark>
        match = pattern.search(text)
        start = max(match.start() - 80, 0) if match else 0
        excerpt = Truncator(text[start:]).chars(200)
        found[row.pk] = (row, pattern.sub(lambda hit: f"{START}{hit.group(0)}{STOP}", excerpt))
    return found


def hits_for(rows, query: str) -> list[SearchHit]:
    """The shown page's (kind, id, rank) rows as hits: one query per kind on the page."""
    snippets = _postgres_snippets if _is_postgres() else _fallback_snippets
    by_kind = {
        kind: snippets(kind, [pk for row_kind, pk, _rank in rows if row_kind == kind], query)
        for kind in SEARCHED
        if any(row_kind == kind for row_kind, _pk, _rank in rows)
    }
    hits = []
    for kind, pk, rank in rows:
        if pk not in by_kind[kind]:  # unpublished or deleted between the two queries
            continue
        obj, snippet = by_kind[kind][pk]
        hits.append(
            SearchHit(
                kind=str(KIND_LABELS[kind]),
                title=getattr(obj, SEARCHED[kind][2]),
                url=_url(obj),
                area_name=_area_name(obj),
                snippet=_mark(snippet),
                rank=float(rank),
            )
        )
    return hits


def search_page(query: str, page_number) -> tuple[Page, list[SearchHit]]:
    """The page asked for (a bad number gives the first, too high the last) and its hits.

    At most five queries, however many rows match: the count, the page, and one
    per kind on the page for its titles, links and snippets.
    """
    query = query.strip()
    page = Paginator(ranked_matches(query), PER_PAGE).get_page(page_number)
    return page, hits_for(list(page.object_list), query)


def full_text_search(query: str, *, limit: int = PER_PAGE) -> list[SearchHit]:
    """The best `limit` published news, events and forums matching the query."""
    query = query.strip()
    if not query:
        return []
    return hits_for(list(ranked_matches(query)[:limit]), query)
