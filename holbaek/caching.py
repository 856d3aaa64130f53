"""Responses with personal data are never stored by browsers or proxies.

holbaek.middleware.PrivateResponseMiddleware marks every response to a signed-in
user and to a form post; `private_page` marks the pages an anonymous visitor
reaches through a personal link (a sparring thread, a follow confirmation).
"""

from functools import wraps


def make_private(response):
    """Cache-Control: private, no-store, replacing anything that would allow storing."""
    response.headers["Cache-Control"] = "private, no-store"
    response.headers.pop("Expires", None)
    return response


def private_page(view):
    """For a view whose page shows personal data to whoever holds its link."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        return make_private(view(request, *args, **kwargs))

    return wrapped
