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
)
