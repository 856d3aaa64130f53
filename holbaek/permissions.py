"""Who may do what in the core app. See docs/roles.md."""

from holbaek import roles


def can_use_admin(user) -> bool:
    """The Django admin is for municipal staff with the is_staff flag."""
    return bool(getattr(user, "is_staff", False)) and roles.is_municipal_staff(user)


def can_see_private_contact_details(user) -> bool:
    """Contact details without public consent are shown to municipal staff only."""
    return roles.is_municipal_staff(user)
