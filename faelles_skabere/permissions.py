"""Who may change who follows which area. See docs/roles.md."""

from holbaek import roles


def can_manage_assignments(user) -> bool:
    """Municipal staff hand areas over and set stand-ins."""
    return roles.is_municipal_staff(user)
