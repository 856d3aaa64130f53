"""Reads of forum news: published for everyone, every post for the forum's editors."""

from django.db.models import F

from lokalfora.models import NewsPost


def published_news():
    return NewsPost.objects.published().select_related("forum__area")


def latest_news(*, forum=None, limit=5):
    news = NewsPost.objects.published().select_related("forum__area")
    if forum is not None:
        news = news.filter(forum=forum)
    return list(news[:limit])


def forum_news(forum):
    """Every post of the forum, drafts first, for its editors (a queryset, to paginate)."""
    return (
        NewsPost.objects.filter(forum=forum)
        .select_related("forum__area")
        .order_by(F("published_at").desc(nulls_first=True), "-id")
    )


def news_post(*, slug: str, pk: int):
    """The post, with its forum and area, or None."""
    return (
        NewsPost.objects.select_related("forum__area").filter(forum__area__slug=slug, pk=pk).first()
    )
