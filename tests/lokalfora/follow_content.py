"""One of each kind of content a follow mail tells of, for the digest tests."""

from django.utils import timezone

from projektudvalg.models import MunicipalNews, NewsStatus
from tests.factories import EventFactory, NewsPostFactory
from tests.lokalfora.hearings import make_hearing
from tests.projektudvalg.test_committee_digest import DAY, decided, effort_news

# Per Subscription kind field, a text the mail has when the follower wants that kind.
TEXTS = {
    "wants_forum_news": ["Ny bænk ved søen"],
    "wants_events": ["Fællesspisning"],
    "wants_municipal_news": ["Vejarbejde på Hovedgaden"],
    "wants_hearings": ["Ny høring om stier"],
    "wants_decisions": ["Ny legeplads i Tølløse", "Arbejdsgrupperne er gået i gang."],
    "wants_surveys": [],  # no surveys yet: the choice is kept for when they come
}


def municipal_news(title, *, areas=(), whole=False, at=None, status=NewsStatus.PUBLISHED):
    item = MunicipalNews.objects.create(
        title=title,
        summary="Kort fortalt",
        whole_municipality=whole,
        status=status,
        publish_at=at or timezone.now(),
    )
    item.areas.set(areas)
    return item


def one_of_each(area):
    """Tølløse's news post, event, municipal news, hearing, decision and effort update."""
    NewsPostFactory(forum=area.forum, title="Ny bænk ved søen")
    EventFactory(forum=area.forum, title="Fællesspisning")
    municipal_news("Vejarbejde på Hovedgaden", areas=[area])
    make_hearing([area.slug], title="Ny høring om stier")
    decided(area, "Ny legeplads i Tølløse", published_ago=DAY / 24)
    effort_news([area])
