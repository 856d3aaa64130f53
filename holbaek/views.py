from allauth.mfa.models import Authenticator
from django.contrib.auth.decorators import login_required
from django.shortcuts import render
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
