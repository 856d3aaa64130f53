"""The areas, published news, events and approved grant years in the sitemap (/sitemap.xml)."""

from django.contrib.sitemaps import Sitemap

from lokalfora.models import Event, GrantScheme, LocalArea, NewsPost


class AreaSitemap(Sitemap):
    changefreq = "weekly"
    priority = 0.8

    def items(self):
        return LocalArea.objects.order_by("name")


class NewsSitemap(Sitemap):
    """Published posts only: a draft or a post set to appear later is not public yet."""

    changefreq = "monthly"

    def items(self):
        return NewsPost.objects.published().select_related("forum__area").order_by("-id")

    def lastmod(self, post):
        return post.updated_at


class EventSitemap(Sitemap):
    changefreq = "weekly"

    def items(self):
        return Event.objects.order_by("-starts_at", "-id")


class GrantYearSitemap(Sitemap):
    """Years with an approved version only; a scheme still being drafted is not listed."""

    changefreq = "monthly"

    def items(self):
        return GrantScheme.objects.filter(versions__isnull=False).distinct().order_by("-year")
