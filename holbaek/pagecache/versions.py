"""Version tokens per kind of content and per area, kept in the pages cache (with the pages).

A stored page carries the tokens of everything it depends on, and is served only while they
are the current ones, so bumping a token retires every page stored under the old one. A
token is random, not a counter: a version evicted from the cache comes back as a new token,
never as an old one that stored pages could still match.
"""

import uuid

from django.core.cache import caches
from django.db import transaction

# Every kind of content a public page can show. A page not in pages.PAGES depends on all.
ALL_KINDS = (
    "areas",  # areas, forums, population: the areas menu and lists on many pages
    "news",
    "events",
    "contacts",
    "grants",  # the annual area grant (tilskud)
    "pools",  # the committee's pools and rounds
    "applications",  # granted projects, decisions and payouts (/puljer/bevillinger/)
    "faelles_skabere",
    "sparring",
    "committee",  # the committee, its members, meetings, agenda items and decisions
    "efforts",  # track 2: the special efforts
    "hearings",  # hearings, their addressees, answers and høringsnotat
    "surveys",  # track 3: surveys, their public questions and published counts
)
KEY_PREFIX = "pagecache:v:"


def kind_key(kind: str) -> str:
    return f"{KEY_PREFIX}kind:{kind}"


def area_key(slug: str) -> str:
    return f"{KEY_PREFIX}area:{slug}"


def _new_token() -> str:
    return uuid.uuid4().hex[:16]


def _bump(keys: list[str]) -> None:
    caches["pages"].set_many({key: _new_token() for key in keys}, timeout=None)


def after_commit(callback) -> None:
    """Runs the bump once the write is committed: a rolled-back write bumps nothing, and a
    reader never stores a page of the old content under the new version."""
    transaction.on_commit(callback)


def content_changed(*kinds: str, areas=()) -> None:
    """What public pages of these kinds (and of these areas: slugs or LocalArea) show changed."""
    unknown = set(kinds) - set(ALL_KINDS)
    if unknown:
        raise ValueError(f"Unknown kinds of content: {sorted(unknown)}")
    slugs = {getattr(area, "slug", area) for area in areas}
    keys = [kind_key(kind) for kind in kinds] + [area_key(slug) for slug in slugs if slug]
    if keys:
        after_commit(lambda: _bump(keys))


def current_versions(keys: list[str], *, found: dict | None = None) -> dict[str, str]:
    """The tokens of these keys, in one cache read (or from `found`, a read that already
    included them); a missing token is made (once, by add)."""
    found = caches["pages"].get_many(keys) if found is None else found
    found = {key: found[key] for key in keys if key in found}
    missing = [key for key in keys if key not in found]
    for key in missing:
        caches["pages"].add(key, _new_token(), timeout=None)
    if missing:
        found.update(caches["pages"].get_many(missing))
    return found
