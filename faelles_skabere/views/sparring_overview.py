"""Statistics for staff, with SVG charts, data tables and a CSV export."""

import csv

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_safe

from faelles_skabere.permissions import can_see_requests
from faelles_skabere.selectors import sparring_stats as stats
from holbaek.charts import bar_chart
from holbaek.csvsafe import cell


def _year(request) -> int:
    this_year = timezone.localdate().year
    try:
        year = int(request.GET.get("aar", this_year))
    except ValueError:
        return this_year
    return year if 2020 <= year <= this_year else this_year


@login_required
@require_safe
def overview(request):
    if not can_see_requests(request.user):
        raise PermissionDenied
    year = _year(request)
    data = stats.overview(year)
    context = {
        "data": data,
        "years": range(timezone.localdate().year, 2019, -1),
        "area_chart": bar_chart(data.per_area),
        "topic_chart": bar_chart(data.per_topic),
        "month_chart": bar_chart(data.per_month),
    }
    return render(request, "faelles_skabere/sparring/overview.html", context)


@login_required
@require_safe
def overview_csv(request):
    if not can_see_requests(request.user):
        raise PermissionDenied
    year = _year(request)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="sparring-{year}.csv"'
    response.write("\ufeff")  # so spreadsheet programs read the Danish letters right
    writer = csv.writer(response, delimiter=";")
    writer.writerows([cell(value) for value in row] for row in stats.csv_rows(year))
    return response
