"""The shared page cache for anonymous visitors, invalidated by content versions.

`content_changed(*kinds, areas=())` is the one way to say "what public pages show has
changed"; the model registry (`register_model`) calls it for saves and deletes, the
services that write around the ORM's signals call it (or `row_changed(row)`, which applies
the row's registration) themselves. `pages.PAGES` says what
each page depends on. See holbaek/README.md, "Page cache".
"""

from holbaek.pagecache.models import NEVER_PUBLIC, register_model, registered_models, row_changed
from holbaek.pagecache.versions import ALL_KINDS, content_changed

__all__ = [
    "ALL_KINDS",
    "NEVER_PUBLIC",
    "content_changed",
    "register_model",
    "registered_models",
    "row_changed",
]
