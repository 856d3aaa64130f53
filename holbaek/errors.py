"""Error pages that must render when the rest of the portal cannot.

They are rendered without the request, so no context processor runs and nothing
touches the database (base.html copes without a request, as for the 500 page).
"""

import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template import loader
from django.views.defaults import server_error as default_server_error

# How long a client (or a proxy's retry) should wait after a 503, in seconds.
RETRY_AFTER_SECONDS = 30


def error_page(template_name: str, *, status: int) -> HttpResponse:
    return HttpResponse(loader.render_to_string(template_name), status=status)


def service_unavailable() -> HttpResponse:
    response = error_page("503.html", status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response


def _database_unavailable(error: BaseException | None) -> bool:
    while error is not None:
        if isinstance(error, OperationalError | InterfaceError):
            return True
        error = error.__cause__ or error.__context__
    return False


def server_error(request):
    """handler500: a database that cannot be reached is a 503 with Retry-After, not a 500.

    Django calls this while handling the exception, so sys.exception() is the cause.
    """
    if _database_unavailable(sys.exception()):
        return service_unavailable()
    return default_server_error(request)
