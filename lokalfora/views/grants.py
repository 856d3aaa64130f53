"""The public transparency pages of the grant per year, with their CSV and JSON."""

import csv

from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from holbaek.charts import bar_chart
from holbaek.csvsafe import cell
from lokalfora.permissions import can_manage_grants, can_see_overview
from lokalfora.selectors import grants as selectors


@require_safe
def grant_years(request):
    """Every year with a scheme, and a comparison of the approved amounts across years."""
    years, table, illustrative = selectors.comparison()
    rows = [(area, [amounts.get(year) for year in years]) for area, amounts in table.items()]
    context = {
        "years": selectors.years(),
        "compared_years": years,
        "rows": rows,
        "illustrative_years": illustrative,
        "can_manage": can_manage_grants(request.user),
    }
    return render(request, "lokalfora/grants/years.html", context)


def _year_or_404(request, year):
    view = selectors.year_view(year, user=request.user)
    if view is None:
        raise Http404
    return view


@require_safe
def grant_year(request, year):
    view = _year_or_404(request, year)
    chart = bar_chart([(grant.area.name, grant.amount or 0) for grant in view.grants])
    context = {
        "view": view,
        "chart": chart,
        "can_manage": can_manage_grants(request.user),
        "can_see_overview": can_see_overview(request.user),
    }
    return render(request, "lokalfora/grants/year.html", context)


def _rows(view):
    for grant in view.grants:
        figure = grant.figure
        yield {
            "omraade": grant.area.name,
            "indbyggere": figure.count if figure else None,
            "befolkningstal_pr": figure.reference_date.isoformat()
            if figure and figure.reference_date
            else None,
            "grundlag": figure.get_basis_display() if figure else None,
            "beloeb_kr": grant.amount,
            "udregning": grant.explanation,
            "status": view.status.value,
            "illustrativ": "ja" if view.is_illustrative else "nej",
        }


@require_safe
def grant_year_csv(request, year):
    view = _year_or_404(request, year)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="tilskud-{year}.csv"'
    response.write("\ufeff")
    writer = csv.DictWriter(
        response,
        fieldnames=[
            "omraade",
            "indbyggere",
            "befolkningstal_pr",
            "grundlag",
            "beloeb_kr",
            "udregning",
            "status",
            "illustrativ",
        ],
        delimiter=";",
    )
    writer.writeheader()
    writer.writerows({key: cell(value) for key, value in row.items()} for row in _rows(view))
    return response


@require_safe
def grant_year_json(request, year):
    view = _year_or_404(request, year)
    data = {
        "aar": view.scheme.year,
        "status": view.status.value,
        "version": view.version.number if view.version else None,
        "illustrativ": view.is_illustrative,
        "problemer": view.problems,
        "formel": view.formula,
        "i_alt_kr": view.total,
        "omraader": list(_rows(view)),
    }
    return JsonResponse(data, json_dumps_params={"ensure_ascii": False, "indent": 2})
