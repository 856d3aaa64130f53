"""The committee's public record: the committee, its meetings and agendas, its decisions
(searched, and by area), its iCal feed and its documents. Every page is public; what of an
agenda item shows is decided by the selectors (selectors.committee.public_item)."""

from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from holbaek.dates import query_year
from holbaek.downloads import download
from lokalfora.feed_conditions import feed_condition
from lokalfora.ical import calendar_for
from lokalfora.models import LocalArea
from projektudvalg import meeting_ical, permissions
from projektudvalg.models import CaseType, CommitteeDocument
from projektudvalg.selectors import committee as committee_selectors
from projektudvalg.selectors import decisions as decision_selectors

MEETINGS_PER_PAGE = 50
DECISIONS_PER_PAGE = 20
EFFORTS_PATH = "/saerlige-indsatser/"  # track 2's pages (projektudvalg:effort-list)


def _committee_response(request, committee, *, is_current: bool):
    page = committee_selectors.committee_page(committee, day=timezone.localdate())
    context = {"page": page, "committee": committee, "is_current": is_current}
    context["efforts_url"] = EFFORTS_PATH
    return render(request, "projektudvalg/committee/committee.html", context)


@require_safe
def committee(request):
    found = committee_selectors.current_committee()
    if found is None:
        raise Http404
    return _committee_response(request, found, is_current=True)


@require_safe
def committee_period(request, slug):
    found = committee_selectors.committee_by_slug(slug)
    if found is None:
        raise Http404
    return _committee_response(
        request, found, is_current=committee_selectors.successor(found) is None
    )


@require_safe
def meeting_list(request):
    years = committee_selectors.meeting_years()
    year = query_year(request.GET.get("aar"))
    if year is None:
        today = timezone.localdate().year
        year = today if today in years or not years else years[0]
    meetings = committee_selectors.meetings_in_year(year)
    page = Paginator(meetings, MEETINGS_PER_PAGE).get_page(request.GET.get("side"))
    context = {
        "years": years,
        "year": year,
        "page_obj": page,
        "meetings": page.object_list,
        "query": urlencode({"aar": year}),
        "bad_year": bool(request.GET.get("aar")) and query_year(request.GET.get("aar")) is None,
    }
    return render(request, "projektudvalg/committee/meeting_list.html", context)


@require_safe
def meeting_detail(request, pk):
    page = committee_selectors.meeting_page(pk)
    if page is None:
        raise Http404
    year = timezone.localdate(page.meeting.starts_at).year
    list_url = f"{reverse('projektudvalg:meeting-list')}?{urlencode({'aar': year})}"
    context = {"page": page, "meeting": page.meeting, "list_url": list_url}
    return render(request, "projektudvalg/committee/meeting_detail.html", context)


@require_safe
@feed_condition(meeting_ical.feed_version)
def meeting_ical_feed(request):
    entries = [meeting_ical.meeting_entry(m) for m in meeting_ical.feed_meetings()]
    body = calendar_for(entries, name=_("Udvalgets møder"))
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="udvalgets-moeder.ics"'
    return response


def _decision_filters(request, areas):
    """The filters asked for; a value that is not understood is left out and reported."""
    get = request.GET
    text = " ".join("".join(c for c in get.get("q", "") if c.isprintable()).split())[:100]
    area = next((a for a in areas if a.slug == get.get("omraade")), None)
    case_type = get.get("sagstype", "") if get.get("sagstype", "") in CaseType.values else ""
    year = query_year(get.get("aar"))
    not_understood = (
        (get.get("omraade") and area is None)
        or (get.get("sagstype") and not case_type)
        or (get.get("aar") and year is None)
    )
    return {"text": text, "area": area, "case_type": case_type, "year": year}, not_understood


@require_safe
def decision_list(request):
    areas = list(LocalArea.objects.order_by("name"))
    filters, not_understood = _decision_filters(request, areas)
    items = decision_selectors.search_decisions(**filters)
    page = Paginator(items, DECISIONS_PER_PAGE).get_page(request.GET.get("side"))
    query = {
        "q": filters["text"],
        "omraade": filters["area"] and filters["area"].slug,
        "sagstype": filters["case_type"],
        "aar": filters["year"],
    }
    context = {
        "page_obj": page,
        "decisions": decision_selectors.public_items(page.object_list),
        "areas": areas,
        "case_types": CaseType.choices,
        "selected": filters,
        "not_understood": not_understood,
        "query": urlencode({key: value for key, value in query.items() if value}),
    }
    return render(request, "projektudvalg/committee/decision_list.html", context)


@require_safe
def area_decisions(request, slug):
    area = get_object_or_404(LocalArea, slug=slug)
    items = decision_selectors.decisions_about(area)
    page = Paginator(items, DECISIONS_PER_PAGE).get_page(request.GET.get("side"))
    context = {
        "area": area,
        "page_obj": page,
        "decisions": decision_selectors.public_items(page.object_list),
    }
    return render(request, "projektudvalg/committee/area_decisions.html", context)


@require_safe
def committee_document(request, pk):
    """A committee document, as a download: 404 unless it is public or the user is staff
    (a closed item's bilag is not revealed to exist)."""
    document = get_object_or_404(
        CommitteeDocument.objects.select_related("meeting", "agenda_item__meeting"), pk=pk
    )
    if not permissions.can_download_committee_document(request.user, document):
        raise Http404
    return download(document)
