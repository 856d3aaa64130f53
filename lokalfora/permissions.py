"""Who may do what with areas, forums and their grants. See docs/roles.md.

The grant (scheme, approval and follow-up):

| Who                      | Follow-up of a forum | Overview | Submit accounts | Manage* |
|--------------------------|----------------------|----------|-----------------|---------|
| Anonymous, citizen       | no                   | no       | no              | no      |
| Editor of this forum     | yes                  | no       | yes             | no      |
| Editor of another forum  | no                   | no       | no              | no      |
| Fælles-skaber            | yes (read)           | yes      | no              | no      |
| Committee staff, admin   | yes                  | yes      | yes             | yes     |

*Manage: the scheme, approval, agreements, payments, accepting accounts, and
the population figures.
"""

from django.core.exceptions import PermissionDenied

from holbaek import roles
from lokalfora.models import ContactPerson


def is_forum_editor(user, forum) -> bool:
    if not getattr(user, "is_authenticated", False):
        return False
    return forum.editors.filter(user=user).exists()


def can_edit_forum(user, forum) -> bool:
    """Editors of this forum and administrators."""
    return roles.is_administrator(user) or is_forum_editor(user, forum)


def can_see_private_contact_details(user) -> bool:
    """Municipal staff see every contact field; the public only what has consent."""
    return roles.is_municipal_staff(user)


def can_see_history(user) -> bool:
    """Who changed what is for municipal staff (it names volunteers and contacts)."""
    return roles.is_municipal_staff(user)


def can_see_contact_overview(user) -> bool:
    """The overview of forums missing contacts or editors is for municipal staff."""
    return roles.is_municipal_staff(user)


def can_invite_editor(user, forum) -> bool:
    """The forum's editors invite new ones; so do municipal staff."""
    return can_edit_forum(user, forum) or roles.is_municipal_staff(user)


def can_remove_editor(user, editor_user) -> bool:
    """Staff remove editors; an editor may always leave."""
    return roles.is_municipal_staff(user) or (
        getattr(user, "is_authenticated", False) and user.pk == editor_user.pk
    )


def can_see_news_post(user, post) -> bool:
    """Published posts are public; drafts only for the forum's editors and municipal staff."""
    return post.is_published or can_edit_forum(user, post.forum) or roles.is_municipal_staff(user)


def can_manage_grants(user) -> bool:
    return roles.is_administrator(user) or roles.has_role(user, roles.COMMITTEE_STAFF)


def can_import_population(user) -> bool:
    """Committee staff and administrators keep the population figures up to date."""
    return can_manage_grants(user)


def can_see_overview(user) -> bool:
    """The grant follow-up of every area in a year is for municipal staff."""
    return roles.is_municipal_staff(user)


def can_see_follow_up(user, forum) -> bool:
    return roles.is_municipal_staff(user) or (forum is not None and is_forum_editor(user, forum))


def can_submit_accounts(user, forum) -> bool:
    return can_manage_grants(user) or (forum is not None and is_forum_editor(user, forum))


# Hearings (høringer). See docs/roles.md.
#
# | Who                                  | Public pages | Answer for a forum | Manage* |
# |--------------------------------------|--------------|--------------------|---------|
# | Anonymous, citizen                   | yes          | no                 | no      |
# | Contact person of an addressed forum | yes          | that forum         | no      |
# | Contact person of another forum      | yes          | its own, if asked  | no      |
# | Forum editor (not a contact person)  | yes          | no                 | no      |
# | Fælles-skaber, process consultant    | yes          | no                 | no      |
# | Committee staff, administrators      | yes, drafts  | no                 | yes     |
#
# *Manage: create, send, extend, review held answers, the høringsnotat, the export.
#
# Answering for a forum is for its active contact persons: the people the forum has named
# to the municipality, and those the invitation is mailed to. A signed-in user is one when
# the account's (verified) e-mail address is an active contact person's address.


def can_manage_hearings(user) -> bool:
    """Creating, sending, extending, reviewing answers, the høringsnotat and the export."""
    return can_manage_grants(user)


def is_forum_contact(user, forum) -> bool:
    if not getattr(user, "is_authenticated", False) or not user.email:
        return False
    return forum.contacts.active().filter(email__iexact=user.email).exists()


def can_answer_for_forum(user, forum) -> bool:
    """See, draft, submit and set the status of the forum's answer."""
    return is_forum_contact(user, forum)


def can_see_hearing(user, hearing) -> bool:
    return hearing.is_public or can_manage_hearings(user)


def can_see_response(user, response, now=None) -> bool:
    """The public sees checked answers when the hearing's rule allows; staff see every
    answer; a forum's contact persons see their forum's."""
    if can_manage_hearings(user):
        return True
    if response.forum_id and response.status != "draft" and is_forum_contact(user, response.forum):
        return True
    return response.is_public(now)


def can_see_response_author_details(user) -> bool:
    """E-mail, address and the original of a redacted text: staff only, never public."""
    return can_manage_hearings(user)


# The public hearing pages.
def forums_user_can_answer_for(user, forums) -> list:
    """Of these forums, those the user may answer for (`can_answer_for_forum` for many at
    once, in one query): the forums whose active contact person has the user's address."""
    forums = list(forums)
    if not forums or not getattr(user, "is_authenticated", False) or not user.email:
        return []
    found = set(
        ContactPerson.objects.active()
        .filter(forum__in=forums, email__iexact=user.email)
        .values_list("forum_id", flat=True)
    )
    return [forum for forum in forums if forum.pk in found]


def require_hearing_staff(user) -> None:
    """The hearings' staff pages: 403 for everyone but committee staff and administrators
    (staff have passed their second factor: holbaek.middleware.RequireStaffMFAMiddleware)."""
    if not can_manage_hearings(user):
        raise PermissionDenied
