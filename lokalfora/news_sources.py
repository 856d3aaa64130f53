"""Extension point for the news feeds: other apps' news in the forums' RSS and Atom feeds.

lokalfora must not import the apps that build on it, yet an area's feed (the one apps and
screen software read) should carry the municipality's news for the area too. Those apps
register a source here in their AppConfig.ready():

- `items(area, size)`: at most `size` FeedEntry rows, newest first (`area` None: the
  combined feed), in a fixed number of queries;
- `version(area, size)`: a tuple of cheap aggregates that changes whenever those entries
  do (published, edited, archived); its datetimes also move the feed's Last-Modified.
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class FeedEntry:
    """One item of a news feed, whatever its model."""

    title: str
    summary: str
    url: str
    guid: str
    published_at: datetime.datetime
    author: str
    categories: list = field(default_factory=list)
    image_url: str = ""
    image_alt: str = ""
    source: str = ""


@dataclass(frozen=True)
class NewsSource:
    key: str
    items: Callable[[Any, int], list]
    version: Callable[[Any, int], tuple]


_sources: dict[str, NewsSource] = {}


def register_news_source(key: str, items, version) -> None:
    _sources[key] = NewsSource(key=key, items=items, version=version)


def source_entries(area, size: int) -> list[FeedEntry]:
    """Every registered source's entries for the scope (not merged, not cut)."""
    return [entry for key in sorted(_sources) for entry in _sources[key].items(area, size)]


def source_versions(area, size: int) -> tuple:
    return tuple(part for key in sorted(_sources) for part in _sources[key].version(area, size))
