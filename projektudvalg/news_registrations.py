"""Municipal news registered with lokalfora's extension points: the area page, the area
feeds, the search (and the sitemap). Imported in ProjektudvalgConfig.ready()."""

from django.contrib.postgres.search import SearchVector
from django.utils.translation import gettext_lazy as _

from lokalfora.news_sources import register_news_source
from lokalfora.search import CONFIG, register_searched_kind
from lokalfora.sections import AreaSection, register_area_section
from projektudvalg.models import MunicipalNews
from projektudvalg.selectors import municipal_news as selectors


def _area_context(area, user):
    """The area's newest published items (its own or the whole municipality's): 3 queries.
    An item the area's forum took into its own news shows there instead."""
    news = selectors.latest_for_area(area)
    return {"news": news, "area": area} if news else None


register_area_section(
    AreaSection(
        key="municipal_news",
        order=15,
        template="projektudvalg/news/area_section.html",
        context=_area_context,
    )
)

# The area feeds (and the combined one) carry the municipality's news too.
register_news_source("municipal_news", selectors.feed_entries, selectors.feed_version)


# The search: published items only, on a vector made on the fly (the model has no stored
# one), so a draft can never match.
def _vector():
    return (
        SearchVector("title", weight="A", config=CONFIG)
        + SearchVector("summary", weight="B", config=CONFIG)
        + SearchVector("body", weight="C", config=CONFIG)
        + SearchVector("easy_read", weight="D", config=CONFIG)
    )


def _area_name(item) -> str:
    return ", ".join(selectors.target_names(item))


register_searched_kind(
    "municipal_news",
    MunicipalNews,
    ("title", "summary", "body", "easy_read"),
    "title",
    lambda: MunicipalNews.objects.published(),
    _area_name,
    lambda item: item.get_absolute_url(),
    _("Nyhed fra kommunen"),
    related_fn=lambda queryset: queryset.prefetch_related("areas"),
    vector_fn=_vector,
)
