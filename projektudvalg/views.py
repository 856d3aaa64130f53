from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe

from projektudvalg.models import GrantPool


@require_safe
def pool_list(request):
    return render(
        request, "projektudvalg/pool_list.html", {"pools": GrantPool.objects.filter(is_active=True)}
    )


@require_safe
def pool_detail(request, slug):
    pool = get_object_or_404(GrantPool, slug=slug, is_active=True)
    return render(request, "projektudvalg/pool_detail.html", {"pool": pool})
