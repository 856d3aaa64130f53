"""The areas, published news, events, approved grant years and public hearings in the
sitemap (/sitemap.xml)."""

from django.urls import reverse

from holbaek.sitemaps import BoundedSitemap
from lokalfora.models import Event, GrantScheme, Hearing, LocalArea, NewsPost


class AreaSitemap(BoundedSitemap):
    changefreq = "weekly"
    priority = 0.8

    def items(self):
        return LocalArea.objects.order_by("name")


class NewsSitemap(BoundedSitemap):
    """Published posts only: a draft or a post set to appear later is not public yet."""

    changefreq = "monthly"
    lastmod_field = "updated_at"

    def items(self):
        return (
            NewsPost.objects.published()
            .select_related("forum__area")
            .only("id", "updated_at", "forum__area__slug")
            .order_by("-id")
        )

    def lastmod(self, post):
        return post.updated_at


class EventSitemap(BoundedSitemap):
    changefreq = "weekly"

    def items(self):
        return Event.objects.only("id").order_by("-starts_at", "-id")


class GrantYearSitemap(BoundedSitemap):
    """Years with an approved version only; a scheme still being drafted is not listed."""

    changefreq = "monthly"

    def items(self):
        return GrantScheme.objects.filter(versions__isnull=False).distinct().order_by("-year")


class HearingSitemap(BoundedSitemap):
    """Public hearings only (a draft is a 404 for everyone but staff)."""

    changefreq = "weekly"
    lastmod_field = "updated_at"

    def items(self):
        return Hearing.objects.public().only("id", "updated_at").order_by("-id")

    def location(self, hearing):
        return reverse("lokalfora:hearing-detail", kwargs={"pk": hearing.pk})

    def lastmod(self, hearing):
        return hearing.updated_at
