"""What of projektudvalg the public pages show, for the page cache (holbaek/pagecache/)."""

from holbaek.pagecache import register_model
from holbaek.pagecache.models import never_public
from projektudvalg import models


def _application_area(row):
    return row.application.area


register_model(models.GrantPool, "pools")
register_model(models.PoolCriterion, "pools")
register_model(models.Round, "pools")
# A granted project shows on /puljer/bevillinger/, its pool's page and its area's page.
# A draft, or one returned for changes, is the applicant's alone: saving one (they are
# saved as they are typed) evicts nothing. No public state leads back to either, and every
# status change goes through projektudvalg.workflow.transition, which tells the page cache.
UNSEEN = (models.Status.DRAFT, models.Status.RETURNED)
register_model(
    models.Application,
    "applications",
    areas=lambda row: row.area,
    when=lambda row: row.status not in UNSEEN,
)
register_model(models.Decision, "applications", areas=_application_area)
register_model(models.Payout, "applications", areas=_application_area)
register_model(models.FinalReport, "applications", areas=_application_area)
register_model(models.Meeting, "applications")
never_public(
    "projektudvalg.BudgetLine",  # an application's content is for the applicant and staff
    "projektudvalg.ApplicationFile",
    "projektudvalg.SubmittedVersion",
    "projektudvalg.StatusEvent",
    "projektudvalg.StatusMail",
    "projektudvalg.Assessment",
    "projektudvalg.CriterionScore",
    "projektudvalg.AdvisoryNote",
    "projektudvalg.Recommendation",
    "projektudvalg.AgendaItem",
)
