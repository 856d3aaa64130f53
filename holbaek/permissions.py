"""Who may do what in the core app. See docs/roles.md."""

from holbaek import roles


def can_use_admin(user) -> bool:
    """The Django admin: municipal staff whom an administrator gave admin access.

    Both are needed: a staff role (so MFA applies) and Django's is_staff flag.
    What they may change there is then up to their model permissions.
    """
    return bool(getattr(user, "is_staff", False)) and roles.is_municipal_staff(user)
