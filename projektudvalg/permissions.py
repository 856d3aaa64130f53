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

from faelles_skabere.selectors import follows_area
from holbaek import roles
from projektudvalg import workflow
from projektudvalg.models import Status


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


# --- The committee's public record (committee-public) ---------------------------------


def committee_document_is_public(document) -> bool:
    """A committee document is public when its owner is: the committee's and an effort's
    always, a meeting's once its agenda is published, an agenda item's while the item's
    text is public (never a closed item's bilag), a template's (drejebog) never."""
    if document.committee_id or document.effort_id:
        return True
    if document.meeting_id:
        return document.meeting.agenda_is_public
    if document.agenda_item_id:
        return document.agenda_item.text_is_public
    return False


def can_download_committee_document(user, document) -> bool:
    """Anyone a public document; committee staff and administrators every document."""
    return committee_document_is_public(document) or is_committee_staff(user)
