"""Who may change who follows which area, and who may see and handle sparring requests.

See docs/roles.md. Sparring requests are personal data: only municipal staff see them.
Fælles-skabere and administrators handle them (reply, note, status, transfer); committee
staff may read them. The requester reaches their own request only through the signed
link mailed to them.
"""

from holbaek import roles


def can_manage_assignments(user) -> bool:
    """Municipal staff hand areas over and set stand-ins."""
    return roles.is_municipal_staff(user)


def can_see_requests(user) -> bool:
    return roles.is_municipal_staff(user)


def can_handle_requests(user) -> bool:
    return roles.is_administrator(user) or roles.has_role(user, roles.CO_CREATOR)
