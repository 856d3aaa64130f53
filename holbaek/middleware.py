from allauth.mfa.models import Authenticator
from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext as _

from holbaek import roles

# While a staff member has no second factor, only these paths are open to them.
MFA_SETUP_PATHS = (
    "/konto/2fa/",
    "/konto/reauthenticate/",
    "/konto/logout/",
    "/konto/email/",
    "/i18n/",
    "/static/",
)


class RequireStaffMFAMiddleware:
    """Municipal staff must set up two-factor login before they can use the portal.

    allauth asks for the second factor at login once one exists; this
    middleware makes sure that staff cannot go on without one.
    """

    session_key = "holbaek_mfa_ok"

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if (
            user.is_authenticated
            and not request.session.get(self.session_key)
            and roles.requires_mfa(user)
            and not request.path.startswith(MFA_SETUP_PATHS)
        ):
            if Authenticator.objects.filter(user=user).exists():
                request.session[self.session_key] = True
            else:
                messages.warning(
                    request,
                    _(
                        "Som kommunal medarbejder skal du slå totrinslogin til, "
                        "før du kan fortsætte."
                    ),
                )
                return redirect(reverse("mfa_index"))
        return self.get_response(request)


class ChosenLanguageMiddleware:
    """Danish unless the visitor chose another language with the language switch.

    Django's LocaleMiddleware would follow the browser's Accept-Language, and
    many Danes run English-language browsers: a municipal portal should still
    speak Danish to them. The choice is kept in Django's language cookie.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        language = chosen if chosen in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", language)
        patch_vary_headers(response, ["Cookie"])
        return response
