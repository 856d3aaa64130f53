"""The surveys' archive and their results: the public pages (the archive, a survey's
published results, their JSON and CSV, a survey's results file from elsewhere) and the
staff's (live results, the export of the answers).

Published results are public once `results_are_public` (published or archived) and 404
before; they read the stored counts, so they stay after the raw answers are deleted.
Live results are for `can_see_live_results` (staff, and the fælles-skabere of the
survey's areas), the export for staff only.
"""

from urllib.parse import urlencode

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.views.decorators.http import require_safe

from holbaek.caching import make_private, private_page
from holbaek.downloads import download
from lokalfora.models import LocalArea
from projektudvalg import permissions as perms
from projektudvalg import survey_export as answers
from projektudvalg import survey_open_data
from projektudvalg.models import ReviewState, Survey, SurveyResponse
from projektudvalg.selectors import survey_archive as archive
from projektudvalg.selectors import survey_pages
from projektudvalg.services.survey_exports import survey_export_log

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@require_safe
def survey_list(request):
    """The archive, filtered by area and status: 5 queries, whatever the number."""
    areas = list(LocalArea.objects.order_by("name"))
    filters = archive.read_filters(request.GET, areas=areas)
    now = timezone.now()
    page = Paginator(archive.archive(filters, now), archive.PER_PAGE).get_page(
        request.GET.get("side")
    )
    context = {
        "page_obj": page,
        "entries": [(survey, archive.state(survey, now)) for survey in page.object_list],
        "areas": areas,
        "statuses": archive.STATUSES.items(),
        "filters": filters,
        "query": urlencode(filters.query()),
    }
    return render(request, "projektudvalg/surveys/results/list.html", context)


def _survey(pk) -> Survey:
    return get_object_or_404(
        Survey.objects.select_related(
            "used_in_decision__meeting", "used_in_news", "external_file"
        ).prefetch_related("areas"),
        pk=pk,
    )


def _published(pk, *, portal_only=False) -> Survey:
    survey = _survey(pk)
    if not survey.results_are_public or (portal_only and survey.is_external):
        raise Http404
    return survey


@require_safe
def survey_results(request, pk):
    """A survey's published results: its public questions' charts and tables, the area
    breakdown with small areas suppressed, and what the answers were used for."""
    survey = _published(pk)
    news = survey.used_in_news
    decision = survey.used_in_decision
    context = {
        "survey": survey,
        "results": None if survey.is_external else survey_pages.published_results(survey),
        "used_news": news if news is not None and news.is_public else None,
        "used_decision": decision if decision is not None and decision.text_is_public else None,
        "external_file": getattr(survey, "external_file", None),
    }
    return render(request, "projektudvalg/surveys/results/results.html", context)


@require_safe
def survey_results_json(request, pk):
    survey = _published(pk, portal_only=True)
    data = survey_open_data.as_json(survey_pages.published_results(survey))
    return JsonResponse(data, json_dumps_params={"ensure_ascii": False, "indent": 2})


@require_safe
def survey_results_csv(request, pk):
    survey = _published(pk, portal_only=True)
    text = survey_open_data.as_csv(survey_pages.published_results(survey))
    response = HttpResponse(text, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="undersoegelse-{pk}-resultater.csv"'
    return response


@require_safe
def survey_external_file(request, pk):
    """The results file of a survey run elsewhere, once its results are published."""
    survey = _published(pk)
    if not survey.is_external:
        raise Http404
    return download(getattr(survey, "external_file", None))


@login_required
@private_page
@require_safe
def survey_live_results(request, pk):
    """The counts as they stand (held answers only as their number): staff see every
    question and area; a fælles-skaber the counted questions and the areas they follow."""
    survey = _survey(pk)
    if survey.is_external or not perms.can_see_survey(request.user, survey):
        raise Http404
    if not perms.can_see_live_results(request.user, survey):
        raise PermissionDenied
    areas = perms.live_results_areas(request.user)
    audience = survey_pages.STAFF if areas is None else survey_pages.co_creator_audience(areas)
    counted = survey_pages.live_counts(survey)
    held = SurveyResponse.objects.filter(survey=survey, review=ReviewState.HELD).count()
    context = {
        "survey": survey,
        "results": survey_pages.survey_results(survey, counted, audience),
        "held": held,
        "is_staff": areas is None,
    }
    return render(request, "projektudvalg/surveys/results/live.html", context)


@login_required
@require_safe
def survey_export(request, pk, fmt):
    """The answers, one row per response (CSV or XLSX, logged), or with `?kodebog=1` the
    CSV's codebook (the XLSX has it as its second sheet). Staff only."""
    perms.require_survey_staff(request.user)
    survey = get_object_or_404(Survey, pk=pk)
    if fmt not in ("csv", "xlsx"):
        raise Http404
    if fmt == "csv" and request.GET.get("kodebog") == "1":
        response = HttpResponse(answers.codebook_csv(survey),
                                content_type="text/csv; charset=utf-8")  # fmt: skip
        name = f"undersoegelse-{survey.pk}-kodebog.csv"
    elif fmt == "csv":
        response = HttpResponse(answers.as_csv(survey),
                                content_type="text/csv; charset=utf-8")  # fmt: skip
        name = f"undersoegelse-{survey.pk}-svar.csv"
    else:
        response = HttpResponse(answers.as_xlsx(survey), content_type=XLSX)
        name = f"undersoegelse-{survey.pk}-svar.xlsx"
    if not name.endswith("kodebog.csv"):
        survey_export_log(survey=survey, by=request.user, fmt=fmt)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return make_private(response)
