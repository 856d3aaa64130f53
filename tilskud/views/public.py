"""The grant pages: public transparency per year, and the staff import of population figures."""

import csv

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods, require_safe

from holbaek.charts import bar_chart
from holbaek.csvsafe import cell
from lokalfora import population_import
from lokalfora.models import LocalArea
from tilskud import selectors
from tilskud.forms import PopulationFileForm
from tilskud.permissions import can_import_population, can_manage_grants, can_see_overview


@login_required
@require_http_methods(["GET", "POST"])
def population(request):
    """Upload -> every error, or a preview -> confirm. Nothing is imported half-way."""
    if not can_import_population(request.user):
        raise PermissionDenied
    form = PopulationFileForm()
    context = {"form": form, "areas": LocalArea.objects.with_public_details().order_by("name")}
    status = 200
    if request.method == "POST" and "confirm" in request.POST:
        parsed = population_import.from_token(request.POST.get("confirm", ""), request.user)
        if parsed.ok:
            count = population_import.apply(parsed)
            text = ngettext(
                "%(count)d befolkningstal er importeret.",
                "%(count)d befolkningstal er importeret.",
                count,
            )
            messages.success(request, text % {"count": count})
            return redirect("tilskud:population")
        context["errors"], status = parsed.errors, 400
    elif request.method == "POST":
        form = PopulationFileForm(request.POST, request.FILES)
        context["form"] = form
        if form.is_valid():
            parsed = population_import.parse(form.cleaned_data["file"].read())
            if parsed.ok:
                context["changes"] = population_import.preview(parsed)
                context["token"] = population_import.to_token(parsed, request.user)
            else:
                context["errors"], status = parsed.errors, 400
        else:
            status = 400
    return render(request, "tilskud/population.html", context, status=status)


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
    return render(request, "tilskud/years.html", context)


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
    return render(request, "tilskud/year.html", context)


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
