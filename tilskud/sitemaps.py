"""The grant years in the sitemap (/sitemap.xml)."""

from django.contrib.sitemaps import Sitemap

from tilskud.models import GrantScheme


class GrantYearSitemap(Sitemap):
    """Years with an approved version only; a scheme still being drafted is not listed."""

    changefreq = "monthly"

    def items(self):
        return GrantScheme.objects.filter(versions__isnull=False).distinct().order_by("-year")
