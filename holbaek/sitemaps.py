"""The pages with a fixed address in the sitemap; each app lists its own content.

The sections are put together in holbaek/urls.py, the composition root.
"""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

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
]


class StaticPagesSitemap(Sitemap):
    changefreq = "weekly"

    def items(self):
        return STATIC_PAGES

    def location(self, item):
        return reverse(item)
