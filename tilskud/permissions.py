"""Who may change the data grants are computed from. See docs/roles.md."""

from holbaek import roles


def can_import_population(user) -> bool:
    """Committee staff and administrators keep the population figures up to date."""
    return roles.is_administrator(user) or roles.has_role(user, roles.COMMITTEE_STAFF)
