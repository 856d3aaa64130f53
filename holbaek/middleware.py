from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.http import HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext as _

from holbaek import roles
from holbaek.caching import make_private
from holbaek.errors import error_page
from holbaek.mfa import SecondFactor, second_factor_state


class RequestBodyLimitMiddleware:
    """Refuses a request body larger than any form takes, before a byte of it is read.

    First in MIDDLEWARE. The limit (settings.MAX_REQUEST_BYTES) comes from
    holbaek.limits. A body without Content-Length (Transfer-Encoding: chunked)
    is never read by Django at all (it reads CONTENT_LENGTH bytes, so none), and
    would arrive as an empty form: it is refused with 411 instead of half-working.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        if length > settings.MAX_REQUEST_BYTES:
            return error_page("413.html", status=413)
        if not length and "HTTP_TRANSFER_ENCODING" in request.META:
            return HttpResponse(
                _("Send forespørgslen med Content-Length."),
                status=411,
                content_type="text/plain; charset=utf-8",
            )
        return self.get_response(request)


class PrivateResponseMiddleware:
    """Cache-Control: private, no-store on every response to a signed-in user or to a post.

    A post's answer echoes what was typed (a form with errors), so it is as
    personal as a signed-in page. Pages an anonymous visitor reaches by a
    personal link use holbaek.caching.private_page.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        signed_in = request.user.is_authenticated
        response = self.get_response(request)
        if signed_in or request.user.is_authenticated or request.method not in ("GET", "HEAD"):
            make_private(response)
        return response


class RequireStaffMFAMiddleware:
    """Municipal staff use the portal only in a session that passed a second factor.

    Staff without one are sent to set it up (only the set-up pages, logout
    and the language switch are open to them meanwhile). A staff session
    that never used its second factor (say, one logged in some other way)
    is logged out. The check runs on every request, so removing the last
    authenticator takes effect at once.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.open_paths = (
            reverse("mfa_index"),
            reverse("account_reauthenticate"),
            reverse("account_logout"),
            reverse("account_email"),
            reverse("set_language"),
            *(reverse("holbaek:language", args=[code]) for code, _name in settings.LANGUAGES),
            settings.STATIC_URL,
        )

    def __call__(self, request):
        user = request.user
        if user.is_authenticated and roles.requires_mfa(user):
            state = second_factor_state(request, user)
            if state is SecondFactor.NOT_USED:
                logout(request)
                messages.warning(request, _("Log ind igen, og brug din anden faktor."))
                return redirect_to_login(request.get_full_path())
            if state is SecondFactor.MISSING and not request.path.startswith(self.open_paths):
                messages.warning(
                    request,
                    _(
                        "Som kommunal medarbejder skal du slå totrinslogin til, "
                        "før du kan fortsætte."
                    ),
                )
                return redirect(reverse("mfa_index"))
        return self.get_response(request)


def chosen_language(request) -> str:
    """The language of the visitor's language cookie if it is one of ours, else Danish."""
    chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
    return chosen if chosen in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE


class ChosenLanguageMiddleware:
    """Danish unless the visitor chose another language with the language switch.

    Django's LocaleMiddleware would follow the browser's Accept-Language, and
    many Danes run English-language browsers: a municipal portal should still
    speak Danish to them. The choice is kept in Django's language cookie.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        language = chosen_language(request)
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", language)
        patch_vary_headers(response, ["Cookie"])
        return response
