"""What of projektudvalg the public pages show, for the page cache (holbaek/pagecache/)."""

from holbaek.pagecache import register_model
from holbaek.pagecache.models import never_public
from lokalfora.models import NewsTopic
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


def _areas(row):
    return list(row.areas.all())


def _meeting_areas(row):
    return row.area


def _item_areas(row):
    return list(row.areas.all()) + ([row.meeting.area] if row.meeting.area_id else [])


def _effort_areas(row):
    return list(row.effort.areas.all())


def _commitment_areas(row):
    return list(row.commitment.effort.areas.all())


def _group_effort_areas(row):
    return list(row.group.effort.areas.all())


# The committee's record: its pages, and the decisions on each affected area's page. A
# pool decision item also shows on /puljer/bevillinger/ through its decisions.
register_model(models.Committee, "committee")
register_model(models.CommitteeMember, "committee")
register_model(models.Meeting, "committee", "applications", areas=_meeting_areas)
register_model(models.AgendaItem, "committee", "applications", areas=_item_areas)
register_model(models.AgendaLink, "committee", "news")
register_model(models.AgendaApplication, "committee", "applications")
register_model(models.CommitteeDocument, "committee", "efforts")
# Track 2: an effort shows on its areas' pages.
register_model(models.SpecialEffort, "efforts", areas=_areas)
register_model(models.EffortBudgetLine, "efforts", areas=_effort_areas)
register_model(models.EffortCommitment, "efforts", areas=_effort_areas)
register_model(models.CommitmentComment, "efforts", areas=_commitment_areas)
register_model(models.WorkingGroup, "efforts", areas=_effort_areas)
register_model(models.WorkingGroupMember, "efforts", areas=_group_effort_areas)
register_model(models.EffortUpdate, "efforts", areas=_effort_areas)
register_model(models.Milestone, "efforts", areas=_effort_areas)
register_model(models.EffortAction, "efforts", areas=_effort_areas)
register_model(models.EffortTransition, "efforts", areas=_effort_areas)
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
    "projektudvalg.EffortTemplate",  # the drejebøger are staff's
    "projektudvalg.TemplatePhase",
)


# Track 3: municipal news ("news"; the committee's meeting pages list the news about their
# items). An item for the whole municipality is on every area's page and feed.
def _news_areas(row):
    if row.whole_municipality:
        return list(row.areas.model.objects.values_list("slug", flat=True))  # LocalArea
    return list(row.areas.all())


def _share_area(row):
    return row.forum.area


register_model(models.MunicipalNews, "news", "committee", areas=_news_areas)
# An accepted share takes the item off the forum's area page (its copy shows instead).
register_model(models.NewsForumShare, "news", areas=_share_area)
register_model(models.ScreenSettings, "news")  # every area's screen page
# The topics' names are on the items in every list, page and feed (and the filters): a
# rare change, told to every page ("areas", which the feeds' ETags include too).
register_model(NewsTopic, "news", "areas")
never_public(
    "projektudvalg.NewsComment",  # the thread between a forum and the editors
    "projektudvalg.NewsSharedIn",  # the share kit's record, for staff
    # Newsletters are mails and staff pages: no public page shows them.
    "projektudvalg.Newsletter",
    "projektudvalg.NewsletterRecipient",
    "projektudvalg.NewsletterOptOut",
    "projektudvalg.NewsletterSettings",
)
# Surveys: the archive, a survey's page, its published results (pages, JSON, CSV) and the
# area pages' survey section show the survey, its questions and options, its stored
# counts and its results file. Drafts and proposals are staff's and the forum's alone.
SURVEY_UNSEEN = (models.SurveyStatus.PROPOSED, models.SurveyStatus.REJECTED,
                 models.SurveyStatus.DRAFT)  # fmt: skip
register_model(models.Survey, "surveys", when=lambda row: row.status not in SURVEY_UNSEEN)
register_model(models.SurveyQuestion, "surveys")
register_model(models.SurveyOption, "surveys")
register_model(models.SurveyTally, "surveys")
register_model(models.SurveyExternalFile, "surveys")
# Who answered and what: never on a cached page (the answer pages are the session's).
never_public(
    "projektudvalg.SurveyEvent",
    "projektudvalg.SurveyCondition",
    "projektudvalg.SurveyInvitation",
    "projektudvalg.SurveyParticipation",
    "projektudvalg.SurveyResponse",
    "projektudvalg.SurveyAnswer",
    "projektudvalg.SurveyPseudonymKey",
)
