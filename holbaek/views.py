from allauth.mfa.models import Authenticator
from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_safe

from holbaek import roles
from holbaek.account_links import account_sections


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
