"""The lokalfora app's models, one module per sub-domain; import them from here."""

from lokalfora.models.areas import LocalArea, LocalAreaQuerySet, PopulationBasis, PopulationFigure
from lokalfora.models.content import (
    Event,
    EventKind,
    EventQuerySet,
    NewsPost,
    NewsPostQuerySet,
    news_image_path,
)
from lokalfora.models.forums import (
    ContactPerson,
    ContactPersonQuerySet,
    EditorInvitation,
    Forum,
    ForumEditor,
    LegalForm,
)
from lokalfora.models.retention import RetentionSettings
from lokalfora.models.subscriptions import Subscription, SubscriptionQuerySet

__all__ = [
    "ContactPerson", "ContactPersonQuerySet", "EditorInvitation", "Event", "EventKind",
    "EventQuerySet", "Forum", "ForumEditor", "LegalForm", "LocalArea", "LocalAreaQuerySet",
    "NewsPost", "NewsPostQuerySet", "PopulationBasis", "PopulationFigure", "RetentionSettings",
    "Subscription", "SubscriptionQuerySet", "news_image_path",
]  # fmt: skip
