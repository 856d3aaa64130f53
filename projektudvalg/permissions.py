"""Who may do what with pool applications. See docs/roles.md.

| Who                        | view | edit* | assess, decide | advise | files |
|----------------------------|------|-------|----------------|--------|-------|
| Anonymous, other applicant | no   | no    | no             | no     | no    |
| The applicant              | yes  | yes   | no             | no     | yes   |
| The area's fælles-skaber   | yes  | no    | no             | yes    | yes   |
| Process consultant (only a process in the area) | no | no | no     | no     | no    |
| Committee staff, admin     | yes  | no    | yes            | no     | yes   |

*edit: only while a draft or sent back. Assess includes the queue, recommendations,
meetings, payouts and exports.

"The area's fælles-skaber" is its fixed fælles-skaber today or their stand-in
(`faelles_skabere.selectors.follows_area`). Every signed-in person may apply; the
fælles-skabere have a list of the applications that wait for their advisory note.

The applicant never sees assessments, advisory notes or the recommendation.
"""

from django.core.exceptions import PermissionDenied

from faelles_skabere.selectors import areas_followed_by, follows_area
from holbaek import roles
from lokalfora.permissions import is_forum_editor
from projektudvalg import workflow
from projektudvalg.models import CommitmentParty, EffortStatus, Status


def is_committee_staff(user) -> bool:
    return roles.is_administrator(user) or roles.has_role(user, roles.COMMITTEE_STAFF)


def is_applicant(user, application) -> bool:
    return getattr(user, "is_authenticated", False) and application.applicant_id == user.pk


def is_areas_co_creator(user, application) -> bool:
    """The area's fixed fælles-skaber today, or their stand-in (never a process running
    in the area: the process consultant is not the area's fælles-skaber)."""
    if application.area_id is None or not roles.has_role(user, roles.CO_CREATOR):
        return False
    return follows_area(user, application.area_id)


def can_view(user, application) -> bool:
    """Drafts are the applicant's own until submitted; then staff and the area's
    fælles-skaber read them too."""
    if is_applicant(user, application):
        return True
    if application.status == Status.DRAFT:
        return False
    return is_committee_staff(user) or is_areas_co_creator(user, application)


def can_edit(user, application) -> bool:
    return is_applicant(user, application) and application.status in (
        Status.DRAFT,
        Status.RETURNED,
    )


def can_withdraw(user, application) -> bool:
    """The applicant, until the committee has decided (workflow's `withdraw`)."""
    return is_applicant(user, application) and workflow.allowed(application.status, "withdraw")


def can_submit_final_report(user, application) -> bool:
    """The applicant, once the application is granted and until the case is closed."""
    return is_applicant(user, application) and application.status in (
        Status.GRANTED,
        Status.PAID,
    )


def can_view_letter(user, application) -> bool:
    """The decision letter: whoever may read the application (its applicant, committee
    staff, the area's fælles-skaber)."""
    return can_view(user, application)


def can_download(user, application) -> bool:
    return can_view(user, application)


def can_review(user) -> bool:
    """The queue, assessments, recommendations, meetings and exports."""
    return is_committee_staff(user)


def require_reviewer(user) -> None:
    """For the staff-only pages: 403 for everyone but committee staff and administrators."""
    if not can_review(user):
        raise PermissionDenied


def can_advise(user, application) -> bool:
    return application.status != Status.DRAFT and is_areas_co_creator(user, application)


def can_apply(user) -> bool:
    """Every signed-in person applies and follows their own applications."""
    return bool(getattr(user, "is_authenticated", False))


def can_see_advice_list(user) -> bool:
    """The list of applications in one's areas that wait for one's advisory note."""
    return roles.has_role(user, roles.CO_CREATOR)


# The committee's meetings (staff pages under /udvalget/moeder/ and /udvalget/punkter/).
def can_manage_meetings(user) -> bool:
    """Create and edit meetings and items, publish agendas and minutes, record decisions:
    committee staff and administrators."""
    return is_committee_staff(user)


def require_meeting_staff(user) -> None:
    if not can_manage_meetings(user):
        raise PermissionDenied


def can_see_internal_agenda(user) -> bool:
    """The internal agenda and minutes, closed items in full: committee staff."""
    return can_manage_meetings(user)


# --- Special efforts: the public side (working groups, updates, commitment comments) ---
#
# | Who                         | join | answer requests | group update | effort update | comment |
# |-----------------------------|------|-----------------|--------------|---------------|---------|
# | Anonymous                   | login| login           | login        | login         | login   |
# | Citizen                     | open | no              | no           | no            | no      |
# | Contact of this group       | open | yes             | yes          | no            | no      |
# | Contact of another group    | open | no              | no           | no            | no      |
# | Project lead (effort.leads) | open | no              | no           | yes           | no      |
# | Editor of the party's forum | open | no              | no           | no            | yes     |
# | Committee staff, admin      | open | yes             | yes          | yes           | no      |
# ("open": while the group takes new members.)


def _signed_in(user) -> bool:
    return bool(getattr(user, "is_authenticated", False))


def is_group_contact(user, group) -> bool:
    return _signed_in(user) and group.contact_id == user.pk


def can_join_group(user, group) -> bool:
    """Every signed-in person may ask to join an open group."""
    return _signed_in(user) and group.open_for_new_members


def can_answer_group_requests(user, group) -> bool:
    """The group's contact, and committee staff."""
    return is_group_contact(user, group) or is_committee_staff(user)


def can_post_group_update(user, group) -> bool:
    """The group's own contact (never another group's), and committee staff."""
    return is_group_contact(user, group) or is_committee_staff(user)


def can_post_effort_update(user, effort) -> bool:
    """The effort's project leads, and committee staff."""
    return is_committee_staff(user) or is_effort_lead(user, effort)


def can_comment_commitment(user, commitment) -> bool:
    """The editors (the contact persons with accounts) of the forum the commitment is for."""
    if commitment.party != CommitmentParty.FORUM or commitment.forum_id is None:
        return False
    return is_forum_editor(user, commitment.forum)


# Track 2: special efforts. Committee staff and administrators create efforts and move
# their status; a project lead (a user in `effort.leads`) edits the content, milestones,
# actions, commitments, budget, groups and documents of their own effort; nobody else.


def can_manage_efforts(user) -> bool:
    """The staff overview, creating efforts, changing status and areas, naming the leads."""
    return is_committee_staff(user)


def led_effort_ids(user) -> frozenset[int]:
    """The efforts the user is a project lead of, read once per request (cached on the user)."""
    if not getattr(user, "is_authenticated", False):
        return frozenset()
    cached = getattr(user, "_led_effort_ids", None)
    if cached is None:
        cached = frozenset(user.led_efforts.values_list("pk", flat=True))
        user._led_effort_ids = cached
    return cached


def is_effort_lead(user, effort) -> bool:
    return effort.pk in led_effort_ids(user)


def can_lead_effort(user, effort) -> bool:
    """Editing one effort's content: committee staff, administrators and its project leads."""
    return can_manage_efforts(user) or is_effort_lead(user, effort)


def require_effort_manager(user) -> None:
    if not can_manage_efforts(user):
        raise PermissionDenied


def require_effort_lead(user, effort) -> None:
    if not can_lead_effort(user, effort):
        raise PermissionDenied


# --- The committee's public record (committee-public) ---------------------------------


def committee_document_is_public(document) -> bool:
    """A committee document is public when its owner is: the committee's always, an
    effort's once it is past "foreslået", a meeting's once its agenda is published, an
    agenda item's while the item's text is public (never a closed item's bilag), a
    template's (drejebog) never."""
    if document.committee_id:
        return True
    if document.effort_id:  # a proposed effort is not public yet (selectors.efforts)
        return document.effort.status != EffortStatus.PROPOSED
    if document.meeting_id:
        return document.meeting.agenda_is_public
    if document.agenda_item_id:
        return document.agenda_item.text_is_public
    return False


def can_download_committee_document(user, document) -> bool:
    """Anyone a public document; committee staff and administrators every document; an
    effort's project leads their effort's."""
    if committee_document_is_public(document) or is_committee_staff(user):
        return True
    return bool(document.effort_id) and can_lead_effort(user, document.effort)


# --- Track 3: municipal news (who writes, proposes, publishes; who sees drafts) -------
# | Who                          | write, publish | propose for F | F's drafts | take an offer |
# |------------------------------|----------------|---------------|------------|---------------|
# | Anonymous, citizen           | no             | no            | no         | no            |
# | Editor of forum F            | no             | yes           | yes        | yes (to F)    |
# | Editor of another forum      | no             | no            | no         | no            |
# | Fælles-skaber, process cons. | no             | no            | no         | no            |
# | Committee staff, admin       | yes            | no            | yes        | no            |
# ("The municipality's editors" are committee staff and administrators.)
# [news permissions]


def can_edit_municipal_news(user) -> bool:
    """Write, publish, schedule, reject and archive municipal news, offer it to forums,
    record where it was shared: the municipality's editors (committee staff, admins)."""
    return is_committee_staff(user)


def can_see_municipal_news(user, item, *, forum_ids=None) -> bool:
    """A published item is public (an archived one too, at its address); before, only the
    municipality's editors and the editors of a forum the item is shared with (the forum
    that proposed it, or one it was offered to). `forum_ids`: the item's share forums, when
    the caller has them (a list page), to save a query."""
    if item.is_public:
        return True
    if can_edit_municipal_news(user):
        return True
    if not getattr(user, "is_authenticated", False):
        return False
    if forum_ids is None:
        forum_ids = set(item.shares.values_list("forum_id", flat=True))
    return user.forum_editorships.filter(forum_id__in=forum_ids).exists() if forum_ids else False


from projektudvalg.models.news import NewsStatus, ShareDirection, ShareState  # noqa: E402


def can_propose_news(user, forum) -> bool:
    """Propose an item to the municipality's editors: an editor of that forum."""
    return is_forum_editor(user, forum)


def can_edit_proposal(user, item) -> bool:
    """Change a forum's proposal while it waits: the forum's editors (staff edit it anyway)."""
    return (
        item.status == NewsStatus.PENDING
        and item.origin_forum_id is not None
        and is_forum_editor(user, item.origin_forum)
    )


def can_answer_offer(user, share) -> bool:
    """Take an offered item into the forum's news or let it pass: that forum's editors."""
    return (
        share.direction == ShareDirection.OFFERED
        and share.state == ShareState.OPEN
        and is_forum_editor(user, share.forum)
    )


def can_see_news_thread(user, share) -> bool:
    """The item, its state and the comments about one forum: the forum's editors, staff."""
    return can_edit_municipal_news(user) or is_forum_editor(user, share.forum)


def can_comment(user, share) -> bool:
    return can_see_news_thread(user, share)


def require_news_editor(user) -> None:
    if not can_edit_municipal_news(user):
        raise PermissionDenied


# --- Track 3: newsletters (committee staff and administrators) -------------------------
# [newsletter permissions]


def can_manage_newsletters(user) -> bool:
    """Write, preview, test, send and stop newsletters, and read their send logs (the
    recipients' addresses): committee staff and administrators."""
    return is_committee_staff(user)


def require_newsletter_staff(user) -> None:
    if not can_manage_newsletters(user):
        raise PermissionDenied


# --- Track 3: surveys -----------------------------------------------------------------
# | Who                    | run surveys | propose for F | live results | answer as F |
# |------------------------|-------------|---------------|--------------|-------------|
# | Anonymous, citizen     | no          | no            | no           | no          |
# | Editor of forum F      | no          | yes           | no           | yes*        |
# | Fælles-skaber          | no          | no            | their areas  | no          |
# | Process consultant     | no          | no            | no           | no          |
# | Committee staff, admin | yes         | no            | yes          | no          |
# (*when the survey asks the forums and F's area is in it.) Answering otherwise follows the
# survey's ways (models/surveys.py); published results are public, small areas suppressed.
# [survey permissions]


def can_manage_surveys(user) -> bool:
    """Build, open, close, publish, archive and export surveys, invite, enter paper answers,
    review held answers, look up a pseudonym (logged): committee staff and administrators."""
    return is_committee_staff(user)


def require_survey_staff(user) -> None:
    if not can_manage_surveys(user):
        raise PermissionDenied


def can_see_survey(user, survey) -> bool:
    """Its public page from planned on; before, staff, and the proposing forum's editors."""
    if survey.is_public or can_manage_surveys(user):
        return True
    forum = survey.proposed_by_forum
    return forum is not None and is_forum_editor(user, forum)


def can_see_live_results(user, survey) -> bool:
    """The counts before publishing: staff, and the fælles-skaber of one of its areas (of any
    area, for a survey of the whole municipality)."""
    if can_manage_surveys(user):
        return True
    if not roles.has_role(user, roles.CO_CREATOR):
        return False
    followed = areas_followed_by(user)
    if survey.whole_municipality:
        return followed.exists()
    return survey.areas.filter(pk__in=followed).exists()


def can_propose_survey(user, forum) -> bool:
    """Propose a survey for the forum's area: that forum's editors."""
    return is_forum_editor(user, forum)


def can_answer_for_forum(user, forum) -> bool:
    """The forum's one answer is given by one of its editors (its contact persons)."""
    return is_forum_editor(user, forum)


# [survey: results]
def live_results_areas(user) -> frozenset | None:
    """What of the live results a viewer sees: staff everything (None); a fælles-skaber the
    counted questions (no free text) and the breakdown of the areas they follow (these)."""
    if can_manage_surveys(user):
        return None
    return frozenset(row["area_id"] for row in areas_followed_by(user))
