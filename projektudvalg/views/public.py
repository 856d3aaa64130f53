"""The public pool pages: rules, the open round, and the projects granted."""

from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe

from holbaek.dates import query_year
from lokalfora.models import LocalArea
from projektudvalg import selectors
from projektudvalg.models import GrantPool

PROJECTS_PER_PAGE = 50


@require_safe
def pool_list(request):
    return render(request, "projektudvalg/pool_list.html", {"pools": GrantPool.objects.active()})


@require_safe
def pool_detail(request, slug):
    pool = get_object_or_404(GrantPool.objects.active(), slug=slug)
    context = {
        "pool": pool,
        "round": selectors.open_round(pool),
        "criteria": list(pool.criteria_list.filter(is_active=True)),
        "projects": list(selectors.granted_projects(pool=pool)[:50]),
    }
    return render(request, "projektudvalg/pool_detail.html", context)


@require_safe
def granted(request):
    """Granted projects per pool, year and area (title, organisation, area, amount)."""
    pools = list(GrantPool.objects.all())
    areas = list(LocalArea.objects.order_by("name"))
    pool = next((p for p in pools if p.slug == request.GET.get("pulje")), None)
    area = next((a for a in areas if a.slug == request.GET.get("omraade")), None)
    year = query_year(request.GET.get("aar"))
    projects = selectors.granted_projects(pool=pool, year=year, area=area)
    page = Paginator(projects, PROJECTS_PER_PAGE).get_page(request.GET.get("side"))
    summary = selectors.granted_summary(projects)
    filters = {"pulje": pool and pool.slug, "aar": year, "omraade": area and area.slug}
    context = {
        "projects": page.object_list,
        "page_obj": page,
        "query": urlencode({key: value for key, value in filters.items() if value}),
        "pools": pools,
        "areas": areas,
        "selected": {"pool": pool, "area": area, "year": year},
        "count": summary["count"],
        "total": summary["total"] or 0,
    }
    return render(request, "projektudvalg/granted.html", context)
