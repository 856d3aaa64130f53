"""Full-text search over forums, events and news (and what other apps register), ranked
and paginated in the database.

On PostgreSQL: the Danish text-search configuration (so "møder" finds "møde")
against each row's stored `search_vector` (kept by the triggers of migration
0004, titles weighted A), ranked with ts_rank. One UNION ALL of (kind, id, rank)
over the registered kinds, ordered by rank and id, gives the count and the page in
SQL; ts_headline runs only for the rows on the shown page. On SQLite (the
embedded run command) a substring match stands in, unranked, newest first,
paginated the same way.

The apps that build on lokalfora add their kinds with `register_searched_kind` (the
committee's agenda items), each with the queryset the public may find, so the search
stays permission-aware without lokalfora importing them.

Snippets are plain text from the database: they are escaped here and only
our own markers become <mark>, so nothing a volunteer typed is ever HTML.
"""

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank
from django.core.paginator import Page, Paginator
from django.db import connection
from django.db.models import F, FloatField, Q, QuerySet, TextField, Value
from django.db.models.functions import Concat, Replace
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from lokalfora.models import Event, Forum, NewsPost

CONFIG = "danish"
START, STOP = "\x02", "\x03"
PER_PAGE = 20


@dataclass(frozen=True)
class SearchedKind:
    """One kind of content the search finds.

    `visible()` is what the public may find of it (the search is permission-aware: nothing
    outside it can match); `fields` are matched by the substring fallback and make the
    snippet, and should be those the stored `search_vector` is made from, unless `vector()`
    gives the expression to match instead (for rows whose stored vector holds more than
    the public may find). `related(queryset)` adds what `title`, `area_name` and `url` read.
    """

    kind: str
    model: type
    fields: tuple[str, ...]
    title_field: str
    visible: Callable[[], QuerySet]
    area_name: Callable[[Any], str]
    url: Callable[[Any], str]
    label: Any
    related: Callable[[QuerySet], QuerySet] = lambda queryset: queryset
    vector: Callable[[], Any] | None = None


_kinds: dict[str, SearchedKind] = {}


def register_searched_kind(
    kind: str,
    model,
    fields,
    title_field: str,
    visible_queryset_fn,
    area_name_fn,
    url_fn,
    label,
    *,
    related_fn=None,
    vector_fn=None,
) -> None:
    """Adds a kind to the search. The apps that build on lokalfora call this in their
    AppConfig.ready(), so lokalfora never imports them (like sections.py)."""
    _kinds[kind] = SearchedKind(
        kind=kind,
        model=model,
        fields=tuple(fields),
        title_field=title_field,
        visible=visible_queryset_fn,
        area_name=area_name_fn,
        url=url_fn,
        label=label,
        related=related_fn or (lambda queryset: queryset),
        vector=vector_fn,
    )


def searched_kinds() -> dict[str, SearchedKind]:
    return dict(_kinds)


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


def _forum_url(forum) -> str:
    return forum.area.get_absolute_url()


def _forum_area_name(obj) -> str:
    return obj.forum.area.name


# lokalfora's own kinds: published news, every event and forum. Migration 0004 makes their
# vectors from the same fields.
register_searched_kind(
    "news", NewsPost, ("title", "summary", "body"), "title",
    lambda: NewsPost.objects.published(), _forum_area_name, lambda obj: obj.get_absolute_url(),
    _("Nyhed"), related_fn=lambda queryset: queryset.select_related("forum__area"),
)  # fmt: skip
register_searched_kind(
    "event", Event, ("title", "place", "description"), "title",
    lambda: Event.objects.all(), _forum_area_name, lambda obj: obj.get_absolute_url(),
    _("Arrangement"), related_fn=lambda queryset: queryset.select_related("forum__area"),
)  # fmt: skip
register_searched_kind(
    "forum", Forum, ("name", "description"), "name",
    lambda: Forum.objects.all(), lambda obj: obj.area.name, _forum_url,
    _("Lokalforum"), related_fn=lambda queryset: queryset.select_related("area"),
)  # fmt: skip


def _with_related(kind: SearchedKind, queryset):
    queryset = kind.related(queryset)
    # A kind matched on a vector made on the fly (`vector`) may have no stored one.
    stored = any(field.name == "search_vector" for field in kind.model._meta.concrete_fields)
    return queryset.defer("search_vector") if stored else queryset


def _is_postgres() -> bool:
    return connection.vendor == "postgresql"


def _search_query(query: str) -> SearchQuery:
    return SearchQuery(query, config=CONFIG, search_type="websearch")


def _postgres_match(kind: SearchedKind, queryset, query: str):
    search = _search_query(query)
    if kind.vector is None:
        return queryset.filter(search_vector=search).annotate(
            rank=SearchRank(F("search_vector"), search)
        )
    queryset = queryset.annotate(found_vector=kind.vector()).filter(found_vector=search)
    return queryset.annotate(rank=SearchRank(F("found_vector"), search))


def _matches(kind: SearchedKind, query: str):
    """(kind, id, rank) of every visible match of one kind, as a queryset to combine."""
    queryset = kind.visible().order_by()
    if _is_postgres():
        queryset = _postgres_match(kind, queryset, query)
    else:
        condition = Q()
        for field in kind.fields:
            condition |= Q(**{f"{field}__icontains": query})
        queryset = queryset.filter(condition).annotate(rank=Value(0.0, output_field=FloatField()))
    return queryset.annotate(hit_kind=Value(kind.kind, output_field=TextField())).values_list(
        "hit_kind", "id", "rank"
    )


def ranked_matches(query: str):
    """Every match of every kind, best first: a lazy UNION ALL queryset of (kind, id, rank).

    Counting and slicing it (what a Paginator does) each run one query in the database.
    """
    first, *others = (_matches(kind, query) for kind in _kinds.values())
    return first.union(*others, all=True).order_by("-rank", "-id", "hit_kind")


def _unmarked(field):
    """The field without our marker characters: only ts_headline's become <mark>."""
    text = Replace(field, Value(START), Value(""), output_field=TextField())
    return Replace(text, Value(STOP), Value(""), output_field=TextField())


def _postgres_snippets(kind: SearchedKind, ids, query: str) -> dict:
    text = Concat(
        *[part for field in kind.fields for part in (_unmarked(F(field)), Value(" "))],
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
    rows = _with_related(kind, kind.visible()).filter(pk__in=ids).annotate(snippet=headline)
    return {row.pk: (row, row.snippet) for row in rows}


def _fallback_snippets(kind: SearchedKind, ids, query: str) -> dict:
    pattern = re.compile(re.escape(query), re.IGNORECASE)
    found = {}
    for row in _with_related(kind, kind.visible()).filter(pk__in=ids):
        text = " ".join(getattr(row, field) or "" for field in kind.fields)
        text = text.replace(START, "").replace(STOP, "")  # only our markers become <mark>
        match = pattern.search(text)
        start = max(match.start() - 80, 0) if match else 0
        excerpt = Truncator(text[start:]).chars(200)
        found[row.pk] = (row, pattern.sub(lambda hit: f"{START}{hit.group(0)}{STOP}", excerpt))
    return found


def hits_for(rows, query: str) -> list[SearchHit]:
    """The shown page's (kind, id, rank) rows as hits: one query per kind on the page (and
    what a kind's `related` prefetches)."""
    snippets = _postgres_snippets if _is_postgres() else _fallback_snippets
    on_page = {row_kind for row_kind, _pk, _rank in rows}
    by_kind = {
        name: snippets(kind, [pk for row_kind, pk, _rank in rows if row_kind == name], query)
        for name, kind in _kinds.items()
        if name in on_page
    }
    hits = []
    for name, pk, rank in rows:
        if pk not in by_kind[name]:  # unpublished or deleted between the two queries
            continue
        obj, snippet = by_kind[name][pk]
        kind = _kinds[name]
        hits.append(
            SearchHit(
                kind=str(kind.label),
                title=getattr(obj, kind.title_field),
                url=kind.url(obj),
                area_name=kind.area_name(obj),
                snippet=_mark(snippet),
                rank=float(rank),
            )
        )
    return hits


def search_page(query: str, page_number) -> tuple[Page, list[SearchHit]]:
    """The page asked for (a bad number gives the first, too high the last) and its hits.

    A fixed number of queries, however many rows match: the count, the page, and one per
    kind on the page for its titles, links and snippets (plus a kind's prefetches).
    """
    query = query.strip()
    page = Paginator(ranked_matches(query), PER_PAGE).get_page(page_number)
    return page, hits_for(list(page.object_list), query)


def full_text_search(query: str, *, limit: int = PER_PAGE) -> list[SearchHit]:
    """The best `limit` visible matches of every registered kind."""
    query = query.strip()
    if not query:
        return []
    return hits_for(list(ranked_matches(query)[:limit]), query)
