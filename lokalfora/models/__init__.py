"""The lokalfora app's models, one module per sub-domain; import them from here."""

from lokalfora.models.areas import LocalArea, LocalAreaQuerySet, PopulationBasis, PopulationFigure
from lokalfora.models.content import (
    Event,
    EventKind,
    EventOrigin,
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
from lokalfora.models.grant_followup import (
    AccountsReminder,
    AccountsStatus,
    AnnualAccounts,
    CooperationAgreement,
    GrantPayment,
)
from lokalfora.models.grants import (
    MONEY,
    GrantBand,
    GrantLine,
    GrantScheme,
    GrantVersion,
    SchemeKind,
)
from lokalfora.models.retention import RetentionSettings
from lokalfora.models.subscriptions import Subscription, SubscriptionQuerySet

__all__ = [
    "MONEY",
    "AccountsReminder",
    "AccountsStatus",
    "AnnualAccounts",
    "ContactPerson",
    "ContactPersonQuerySet",
    "CooperationAgreement",
    "EditorInvitation",
    "Event",
    "EventKind",
    "EventOrigin",
    "EventQuerySet",
    "Forum",
    "ForumEditor",
    "GrantBand",
    "GrantLine",
    "GrantPayment",
    "GrantScheme",
    "GrantVersion",
    "LegalForm",
    "LocalArea",
    "LocalAreaQuerySet",
    "NewsPost",
    "NewsPostQuerySet",
    "PopulationBasis",
    "PopulationFigure",
    "RetentionSettings",
    "SchemeKind",
    "Subscription",
    "SubscriptionQuerySet",
    "news_image_path",
]  # fmt: skip
