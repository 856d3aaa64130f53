"""RSS 2.0 and Atom feeds of the forums' published news, combined and per area."""

from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext_lazy as _

from lokalfora.models import LocalArea
from lokalfora.selectors.news import published_news

FEED_SIZE = 30


class NewsFeed(Feed):
    title = _("Nyheder fra lokalfora i Holbæk Kommune")
    description = _("Nyheder fra de 18 lokalfora i Holbæk Kommune.")

    def link(self):
        return reverse("lokalfora:news-list")

    def items(self):
        return published_news()[:FEED_SIZE]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary

    def item_link(self, item):
        return item.get_absolute_url()

    def item_guid(self, item):
        return f"nyhed-{item.pk}@lokalportal.holbaek.dk"

    item_guid_is_permalink = False

    def item_pubdate(self, item):
        return item.published_at

    def item_author_name(self, item):
        return item.forum.name

    def item_categories(self, item):
        return [item.forum.area.name]


class AtomNewsFeed(NewsFeed):
    feed_type = Atom1Feed
    subtitle = NewsFeed.description


class AreaNewsFeed(NewsFeed):
    def get_object(self, request, slug):
        return get_object_or_404(LocalArea, slug=slug)

    def title(self, area):
        return _("Nyheder fra %(name)s") % {"name": area.name}

    def description(self, area):
        return _("Nyheder fra lokalforummet i %(name)s.") % {"name": area.name}

    def link(self, area):
        return area.get_absolute_url()

    def items(self, area):
        return published_news().filter(forum__area=area)[:FEED_SIZE]


class AtomAreaNewsFeed(AreaNewsFeed):
    feed_type = Atom1Feed

    def subtitle(self, area):
        return self.description(area)
