"""The app's tables, split by sub-domain; import them from here."""

from faelles_skabere.models.assignments import AreaAssignment, AssignmentQuerySet, StandIn
from faelles_skabere.models.co_creators import (
    CONSULTANT_NOT_FIXED,
    AssignmentKind,
    CoCreator,
    CoCreatorKind,
    Expertise,
    RequestTopic,
    photo_path,
)
from faelles_skabere.models.settings import SparringSettings
from faelles_skabere.models.sparring import (
    DESCRIPTION_LIMIT,
    MESSAGE_LIMIT,
    OPEN_STATUSES,
    Attachment,
    Message,
    MessageKind,
    Outcome,
    PreferredContact,
    ReferenceCounter,
    RequesterKind,
    SparringRequest,
    Status,
    attachment_path,
)

__all__ = [
    "CONSULTANT_NOT_FIXED",
    "DESCRIPTION_LIMIT",
    "MESSAGE_LIMIT",
    "OPEN_STATUSES",
    "AreaAssignment",
    "AssignmentKind",
    "AssignmentQuerySet",
    "Attachment",
    "CoCreator",
    "CoCreatorKind",
    "Expertise",
    "Message",
    "MessageKind",
    "Outcome",
    "PreferredContact",
    "ReferenceCounter",
    "RequestTopic",
    "RequesterKind",
    "SparringRequest",
    "SparringSettings",
    "StandIn",
    "Status",
    "attachment_path",
    "photo_path",
]
