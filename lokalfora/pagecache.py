"""What of lokalfora the public pages show, for the page cache (holbaek/pagecache/)."""

from holbaek.pagecache import register_model
from holbaek.pagecache.models import never_public
from lokalfora import models


def _forum_area(row):
    return row.forum.area


def _area(row):
    return row.area


register_model(models.LocalArea, "areas", areas=lambda area: area)
register_model(models.Forum, "areas", areas=_area)
register_model(models.PopulationFigure, "areas", "grants", areas=_area)
register_model(models.NewsPost, "news", areas=_forum_area)
register_model(models.Event, "events", areas=_forum_area)
register_model(models.ContactPerson, "contacts", areas=_forum_area)
register_model(models.GrantScheme, "grants")
register_model(models.GrantBand, "grants")
register_model(models.GrantVersion, "grants")
register_model(models.GrantLine, "grants", areas=_area)
register_model(models.CooperationAgreement, "grants", areas=_area)
register_model(models.GrantPayment, "grants", areas=_area)
register_model(models.AnnualAccounts, "grants", areas=_area)


# Hearings: the archive, the hearing's pages and its areas' pages (the hearing's areas hold
# every addressed forum's area). A draft is for staff only: saving one evicts nothing.
def _hearing_areas(row):
    return list(row.areas.all())


def _of_hearing(row):
    return list(row.hearing.areas.all())


def _response_areas(row):
    return list(row.response.hearing.areas.all())


def _hearing_public(row):
    return row.status != models.HearingStatus.DRAFT


register_model(models.Hearing, "hearings", areas=_hearing_areas, when=_hearing_public)
register_model(models.HearingInvitation, "hearings", areas=_of_hearing)
register_model(models.HearingParty, "hearings", areas=_of_hearing)
register_model(models.HearingDocument, "hearings", areas=_of_hearing)
register_model(models.HearingDeadlineChange, "hearings", areas=_of_hearing)
# An answer shows when it is public; a draft too changes nothing public, but an answer's
# screening, redaction or withdrawal does (they are saves of the row).
register_model(
    models.HearingResponse,
    "hearings",
    areas=_of_hearing,
    when=lambda row: row.status != models.ResponseStatus.DRAFT,
)
register_model(models.HearingAttachment, "hearings", areas=_response_areas)
register_model(models.HearingNoteLine, "hearings", areas=_response_areas)
never_public(
    "lokalfora.HistoricalForum",  # the forum's history is for staff
    "lokalfora.HistoricalContactPerson",
    "lokalfora.HistoricalNewsPost",
    "lokalfora.HistoricalEvent",
    "lokalfora.ForumEditor",  # who edits is shown to signed-in users only
    "lokalfora.EditorInvitation",
    "lokalfora.AccountsReminder",
    "lokalfora.RetentionSettings",
    "lokalfora.Subscription",  # followers' addresses
    "lokalfora.HearingSettings",  # the reminders' timing, for staff
    "lokalfora.HearingKindRule",  # the shortest periods, checked by the staff's form
    "lokalfora.HearingReminder",  # the reminder job's memory
    "lokalfora.HearingResponseReview",  # the review log is for staff
)
