"""The pools open to applicants in the sitemap (/sitemap.xml)."""

from django.contrib.sitemaps import Sitemap

from projektudvalg.models import GrantPool


class PoolSitemap(Sitemap):
    """Active pools only: the public page of an inactive pool is a 404."""

    changefreq = "weekly"
    priority = 0.7

    def items(self):
        return GrantPool.objects.active().order_by("slug")
