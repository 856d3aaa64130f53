"""Full-text search over forums, events and news.

On PostgreSQL: the Danish text-search configuration (so "møder" finds
"møde"), ranked with ts_rank, snippets from ts_headline, and GIN expression
indexes (migration 0005) on exactly the vectors queried here. On SQLite (the
embedded run command) a plain substring match stands in, unranked.

Snippets are plain text from the database: they are escaped here and only
our own markers become <mark>, so nothing a volunteer typed is ever HTML.
"""

import re
from dataclasses import dataclass

from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank, SearchVector
from django.db import connection
from django.db.models import F, Q, TextField, Value
from django.db.models.functions import Concat
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from lokalfora.models import Event, Forum, NewsPost

CONFIG = "danish"
START, STOP = "\x02", "\x03"

# model -> (fields in the vector, field shown as title); the GIN indexes use the same.
SEARCHED = {
    NewsPost: (("title", "summary", "body"), "title"),
    Event: (("title", "place", "description"), "title"),
    Forum: (("name", "description"), "name"),
}
KIND_LABELS = {NewsPost: _("Nyhed"), Event: _("Arrangement"), Forum: _("Lokalforum")}


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


def _visible(model):
    if model is NewsPost:
        return NewsPost.objects.published().select_related("forum__area")
    if model is Event:
        return Event.objects.select_related("forum__area")
    return Forum.objects.select_related("area")


def _area_name(obj) -> str:
    return obj.area.name if isinstance(obj, Forum) else obj.forum.area.name


def _url(obj) -> str:
    if isinstance(obj, Forum):
        return obj.area.get_absolute_url()
    return obj.get_absolute_url()


def _postgres_hits(model, query: str, limit: int) -> list[SearchHit]:
    fields, title_field = SEARCHED[model]
    vector = SearchVector(*fields, config=CONFIG)
    search = SearchQuery(query, config=CONFIG, search_type="websearch")
    text = Concat(
        *[part for field in fields for part in (F(field), Value(" "))], output_field=TextField()
    )
    rows = (
        _visible(model)
        .annotate(rank=SearchRank(vector, search))
        .annotate(
            snippet=SearchHeadline(
                text,
                search,
                config=CONFIG,
                start_sel=START,
                stop_sel=STOP,
                max_words=30,
                min_words=12,
                max_fragments=2,
            )
        )
        .alias(document=vector)
        .filter(document=search)
        .order_by("-rank", "-id")[:limit]
    )
    return [
        SearchHit(
            kind=str(KIND_LABELS[model]),
            title=getattr(row, title_field),
            url=_url(row),
            area_name=_area_name(row),
            snippet=_mark(row.snippet),
            rank=float(row.rank),
        )
        for row in rows
    ]


def _fallback_hits(model, query: str, limit: int) -> list[SearchHit]:
    fields, title_field = SEARCHED[model]
    condition = Q()
    for field in fields:
        condition |= Q(**{f"{field}__icontains": query})
    pattern = re.compile(re.escape(query), re.IGNORECASE)
    hits = []
    for row in _visible(model).filter(condition).order_by("-id")[:limit]:
        text = " ".join(getattr(row, field) or "" for field in fields)
        match = pattern.search(text)
        start = max(match.start() - 80, 0) if match else 0
        excerpt = Truncator(text[start:]).chars(200)
        snippet = pattern.sub(lambda found: f"{START}{found.group(0)}{STOP}", excerpt)
        hits.append(
            SearchHit(
                kind=str(KIND_LABELS[model]),
                title=getattr(row, title_field),
                url=_url(row),
                area_name=_area_name(row),
                snippet=_mark(snippet),
                rank=0.0,
            )
        )
    return hits


def full_text_search(query: str, *, limit_per_kind: int = 20) -> list[SearchHit]:
    """Published news, events and forums matching the query, best first. One query per kind."""
    query = query.strip()
    if not query:
        return []
    find = _postgres_hits if connection.vendor == "postgresql" else _fallback_hits
    hits = [hit for model in SEARCHED for hit in find(model, query, limit_per_kind)]
    return sorted(hits, key=lambda hit: hit.rank, reverse=True)
