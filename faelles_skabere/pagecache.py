"""What of faelles_skabere the public pages show, for the page cache (holbaek/pagecache/)."""

from faelles_skabere import models
from holbaek.pagecache import register_model
from holbaek.pagecache.models import never_public

# A fælles-skaber, a stand-in or an expertise shows on the directory and on the pages of
# every area the person serves: "faelles_skabere" (which the area page depends on).
register_model(models.Expertise, "faelles_skabere")
register_model(models.CoCreator, "faelles_skabere")
register_model(models.StandIn, "faelles_skabere")
register_model(models.AreaAssignment, "faelles_skabere", areas=lambda row: row.area)
register_model(models.SparringSettings, "sparring")
never_public(
    "faelles_skabere.SparringRequest",  # requests, their messages and files are personal
    "faelles_skabere.ReferenceCounter",
    "faelles_skabere.Message",
    "faelles_skabere.Attachment",
)
