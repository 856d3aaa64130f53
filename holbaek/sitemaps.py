"""The sitemap's bounded sections, and the pages with a fixed address in it.

Each app lists its own content, in sections built on BoundedSitemap; they are
put together in holbaek/urls.py, the composition root: /sitemap.xml is an
index naming every page of every section (sitemap-<section>.xml?p=2 ...), so no
response grows with the content.
"""

from django.contrib.sitemaps import Sitemap
from django.db.models import Max
from django.urls import reverse

# Addresses per section page: well under the protocol's 50,000, so a page stays small.
SECTION_LIMIT = 1000


class BoundedSitemap(Sitemap):
    """A section served in pages of SECTION_LIMIT addresses.

    With `lastmod_field`, the index's lastmod comes from one MAX() over `items()`
    instead of Django's default of loading every item to call `lastmod` on it.
    """

    limit = SECTION_LIMIT
    lastmod_field = None

    def get_latest_lastmod(self):
        if self.lastmod_field is None:
            return super().get_latest_lastmod()
        return self.items().aggregate(latest=Max(self.lastmod_field))["latest"]


# Public pages with a fixed address, as URL names. Search results are left out.
STATIC_PAGES = [
    "holbaek:front-page",
    "holbaek:about",
    "holbaek:accessibility",
    "lokalfora:area-list",
    "lokalfora:news-list",
    "lokalfora:calendar",
    "lokalfora:event-archive",
    "faelles_skabere:directory",
    "sparring:request",
    "projektudvalg:pool-list",
    "projektudvalg:granted",
    "tilskud:years",
    "lokalfora:hearing-list",
]


class StaticPagesSitemap(BoundedSitemap):
    changefreq = "weekly"

    def items(self):
        return STATIC_PAGES

    def location(self, item):
        return reverse(item)
