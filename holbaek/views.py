from allauth.mfa.models import Authenticator
from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_safe

from holbaek import roles
from holbaek.account_links import account_sections
from holbaek.caching import make_private


@require_safe
@login_required
def account(request):
    user = request.user
    context = {
        "roles": [roles.ROLE_LABELS.get(name, name) for name in sorted(roles.role_names(user))],
        "requires_mfa": roles.requires_mfa(user),
        "has_mfa": Authenticator.objects.filter(user=user).exists(),
        "editorships": list(user.forum_editorships.select_related("forum__area")),
        "sections": account_sections(user),
    }
    return render(request, "holbaek/account.html", context)


@require_safe
def accessibility_statement(request):
    return render(request, "holbaek/accessibility.html")


@require_safe
def about(request):
    return render(request, "holbaek/about.html")


@require_safe
def robots_txt(request):
    """Crawlers may read the public pages; the sitemap lists them. Private parts are off limits."""
    context = {"sitemap_url": request.build_absolute_uri(reverse("sitemap"))}
    return render(request, "robots.txt", context, content_type="text/plain; charset=utf-8")


@require_safe
def language(request, code):
    """The language switch: a plain link (no form, so no CSRF cookie on every page).

    Sets Django's language cookie and goes back to `next` if it is one of ours."""
    if code not in dict(settings.LANGUAGES):
        raise Http404
    next_url = request.GET.get("next", "")
    if not url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        next_url = "/"
    response = HttpResponseRedirect(next_url)
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        code,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        path=settings.LANGUAGE_COOKIE_PATH,
        domain=settings.LANGUAGE_COOKIE_DOMAIN,
        secure=settings.LANGUAGE_COOKIE_SECURE,
        httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
        samesite=settings.LANGUAGE_COOKIE_SAMESITE,
    )
    return make_private(response)
