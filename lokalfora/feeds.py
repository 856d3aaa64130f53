"""RSS 2.0 and Atom feeds of the forums' published news, combined and per area.

The views the URLs mount (`news_rss`, ...) answer a conditional request (If-None-Match,
If-Modified-Since) with 304 from a few aggregates, before any feed is built."""

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext_lazy as _

from lokalfora.feed_conditions import feed_condition, looked_up_area
from lokalfora.news_sources import FeedEntry, source_entries
from lokalfora.selectors.feeds import news_feed_version
from lokalfora.selectors.news import published_news

# The latest posts a feed carries.
FEED_SIZE = 50


def post_entry(post) -> FeedEntry:
    return FeedEntry(
        title=post.title,
        summary=post.summary,
        url=post.get_absolute_url(),
        guid=f"nyhed-{post.pk}@lokalportal.holbaek.dk",
        published_at=post.published_at,
        author=post.forum.name,
        categories=[post.forum.area.name],
        source="lokalforum",
    )


def feed_entries(posts, area) -> list[FeedEntry]:
    """The forum posts and the registered sources' entries (news_sources.py), newest first,
    at most FEED_SIZE."""
    entries = [post_entry(post) for post in posts] + source_entries(area, FEED_SIZE)
    entries.sort(key=lambda entry: entry.published_at, reverse=True)
    return entries[:FEED_SIZE]


class NewsFeed(Feed):
    title = _("Nyheder fra lokalfora i Holbæk Kommune")
    description = _("Nyheder fra de 18 lokalfora i Holbæk Kommune.")

    def __call__(self, request, *args, **kwargs):
        response = super().__call__(request, *args, **kwargs)
        # The newest post's date, not the feed's: the conditional wrapper below sets the
        # feed's own, which also counts edits and deletions.
        del response["Last-Modified"]
        return response

    def link(self):
        return reverse("lokalfora:news-list")

    def items(self):
        return feed_entries(published_news()[:FEED_SIZE], None)

    # The items are FeedEntry rows (a forum post's, or a registered source's).
    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary

    def item_link(self, item):
        return item.url

    def item_guid(self, item):
        return item.guid

    item_guid_is_permalink = False

    def item_pubdate(self, item):
        return item.published_at

    def item_author_name(self, item):
        return item.author

    def item_categories(self, item):
        return item.categories


class AtomNewsFeed(NewsFeed):
    feed_type = Atom1Feed
    subtitle = NewsFeed.description


class AreaNewsFeed(NewsFeed):
    def get_object(self, request, slug):
        return looked_up_area(request, slug)  # looked up by the conditional check before

    def title(self, area):
        return _("Nyheder fra %(name)s") % {"name": area.name}

    def description(self, area):
        return _("Nyheder fra lokalforummet i %(name)s.") % {"name": area.name}

    def link(self, area):
        return area.get_absolute_url()

    def items(self, area):
        return feed_entries(published_news().filter(forum__area=area)[:FEED_SIZE], area)


class AtomAreaNewsFeed(AreaNewsFeed):
    feed_type = Atom1Feed

    def subtitle(self, area):
        return self.description(area)


_conditional = feed_condition(lambda area: news_feed_version(area=area, size=FEED_SIZE))
news_rss = _conditional(NewsFeed())
news_atom = _conditional(AtomNewsFeed())
area_news_rss = _conditional(AreaNewsFeed())
area_news_atom = _conditional(AtomAreaNewsFeed())
