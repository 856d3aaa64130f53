from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe

from projektudvalg.models import GrantPool


@require_safe
def pool_list(request):
    return render(request, "projektudvalg/pool_list.html", {"pools": GrantPool.objects.active()})


@require_safe
def pool_detail(request, slug):
    pool = get_object_or_404(GrantPool.objects.active(), slug=slug)
    return render(request, "projektudvalg/pool_detail.html", {"pool": pool})
