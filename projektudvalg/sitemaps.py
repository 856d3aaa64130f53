"""The pools open to applicants and the municipality's news in the sitemap (/sitemap.xml)."""

from django.contrib.sitemaps import Sitemap

from holbaek.sitemaps import BoundedSitemap
from projektudvalg.models import GrantPool, MunicipalNews


class PoolSitemap(Sitemap):
    """Active pools only: the public page of an inactive pool is a 404."""

    changefreq = "weekly"
    priority = 0.7

    def items(self):
        return GrantPool.objects.active().order_by("slug")


class MunicipalNewsSitemap(BoundedSitemap):
    """The municipality's published news (a draft or a scheduled item is not public yet)."""

    changefreq = "monthly"

    def items(self):
        return MunicipalNews.objects.published().only("id", "updated_at").order_by("-id")

    def lastmod(self, item):
        return item.updated_at
