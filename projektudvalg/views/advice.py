"""The fælles-skaber's list of applications in their areas that wait for their advice."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import render
from django.views.decorators.http import require_safe

from projektudvalg import permissions, selectors


@login_required
@require_safe
def advice_list(request):
    if not permissions.can_see_advice_list(request.user):
        raise PermissionDenied
    page = Paginator(selectors.awaiting_advice(request.user), 25).get_page(request.GET.get("side"))
    return render(request, "projektudvalg/advice_list.html", {"page": page})
