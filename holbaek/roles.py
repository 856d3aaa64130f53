"""The portal's roles. Every signed-in person is a citizen; the rest are Groups.

The Groups are created by a data migration (holbaek/migrations/0002_roles.py)
so that development, test and production always have the same ones. Being a
forum editor is object-level: the Group says "edits some forum", the
`lokalfora.ForumEditor` rows say which.
"""

from django.utils.translation import gettext_lazy as _

FORUM_EDITOR = "Forum-redaktør"
CO_CREATOR = "Fælles-skaber"
COMMITTEE_STAFF = "Udvalgssekretariat"
ADMINISTRATOR = "Administrator"

ALL_ROLES = (FORUM_EDITOR, CO_CREATOR, COMMITTEE_STAFF, ADMINISTRATOR)

# Municipal staff: they see personal data that is not public and must use MFA.
STAFF_ROLES = frozenset({CO_CREATOR, COMMITTEE_STAFF, ADMINISTRATOR})

# An Administrator who is not a superuser works in the Django admin with the model
# permissions of the portal's own apps (view, add, change, delete); what the services
# refuse, the admin refuses too. Users, groups and permissions stay with the superusers.
# See docs/roles.md.
ADMINISTRATOR_APP_LABELS = ("lokalfora", "faelles_skabere", "projektudvalg")

# Group names are data and stay Danish; these are the names shown in the UI.
ROLE_LABELS = {
    FORUM_EDITOR: _("Forum-redaktør"),
    CO_CREATOR: _("Fælles-skaber"),
    COMMITTEE_STAFF: _("Udvalgssekretariat"),
    ADMINISTRATOR: _("Administrator"),
}


def role_names(user) -> frozenset[str]:
    """The names of the user's role Groups, cached on the user for the request."""
    if not getattr(user, "is_authenticated", False):
        return frozenset()
    cached = getattr(user, "_role_names", None)
    if cached is None:
        cached = frozenset(user.groups.values_list("name", flat=True))
        user._role_names = cached
    return cached


def has_role(user, role: str) -> bool:
    return role in role_names(user)


def is_administrator(user) -> bool:
    return bool(getattr(user, "is_superuser", False)) or has_role(user, ADMINISTRATOR)


def is_municipal_staff(user) -> bool:
    """Fælles-skabere, committee staff and administrators."""
    return is_administrator(user) or bool(role_names(user) & STAFF_ROLES)


def requires_mfa(user) -> bool:
    return is_municipal_staff(user) or bool(getattr(user, "is_staff", False))
