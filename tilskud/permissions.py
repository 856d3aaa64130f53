"""Who may see and change grants, agreements, payments and accounts. See docs/roles.md.

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

from holbaek import roles
from lokalfora.permissions import is_forum_editor


def can_manage_grants(user) -> bool:
    return roles.is_administrator(user) or roles.has_role(user, roles.COMMITTEE_STAFF)


def can_import_population(user) -> bool:
    """Committee staff and administrators keep the population figures up to date."""
    return can_manage_grants(user)


def can_see_overview(user) -> bool:
    return roles.is_municipal_staff(user)


def can_see_follow_up(user, forum) -> bool:
    return roles.is_municipal_staff(user) or (forum is not None and is_forum_editor(user, forum))


def can_submit_accounts(user, forum) -> bool:
    return can_manage_grants(user) or (forum is not None and is_forum_editor(user, forum))
