"""The public hearing pages: the archive, a hearing, one answer, the downloads, the
høringsnotat and an area's hearings. What shows is decided by the models' rules
(`Hearing.answers_are_public`, `HearingResponse.is_public`) and lokalfora.permissions."""

from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from holbaek.dates import query_year
from holbaek.downloads import download
from holbaek.pdf import pdf_from_template
from lokalfora.hearing_area_section import area_hearing_rows
from lokalfora.hearing_sections import hearing_sections
from lokalfora.models import (
    Hearing,
    HearingAttachment,
    HearingDocument,
    HearingKind,
    HearingNoteLine,
    HearingStatus,
    LocalArea,
    ResponseStatus,
    ResponseVisibility,
)
from lokalfora.permissions import (
    can_manage_hearings,
    can_see_hearing,
    can_see_response,
    can_see_response_author_details,
    forums_user_can_answer_for,
)
from lokalfora.selectors import hearings as selectors

PER_PAGE = 20
EXCERPT_WORDS = 40
TABS = {"aabne": "open", "lukkede": "closed"}


def _archive_filters(request, areas) -> dict:
    """The filters asked for; a value that is not understood is left out."""
    get = request.GET
    status = get.get("status", "")
    return {
        "tab": status if status in TABS else "",
        "status": status if status in HearingStatus.values and status != "draft" else "",
        "kind": get.get("type", "") if get.get("type", "") in HearingKind.values else "",
        "area": next((a for a in areas if a.slug == get.get("omraade")), None),
        "year": query_year(get.get("aar")),
    }


@require_safe
def hearing_list(request):
    areas = list(LocalArea.objects.order_by("name"))
    selected = _archive_filters(request, areas)
    hearings = selectors.hearing_archive(
        tab=TABS.get(selected["tab"], ""),
        status=selected["status"],
        kind=selected["kind"],
        area=selected["area"],
        year=selected["year"],
    )
    page = Paginator(hearings, PER_PAGE).get_page(request.GET.get("side"))
    query = {
        "status": selected["tab"] or selected["status"],
        "type": selected["kind"],
        "omraade": selected["area"] and selected["area"].slug,
        "aar": selected["year"],
    }
    tab_query = {key: value for key, value in query.items() if value and key != "status"}
    context = {
        "page_obj": page,
        "hearings": page.object_list,
        "areas": areas,
        "kinds": HearingKind.choices,
        "statuses": [(value, label) for value, label in HearingStatus.choices if value != "draft"],
        "years": selectors.archive_years(),
        "selected": selected,
        "query": urlencode({key: value for key, value in query.items() if value}),
        "tabs": [
            (tab, label, urlencode({**tab_query, **({"status": tab} if tab else {})}))
            for tab, label in (("", _("Alle")), ("aabne", _("Åbne")), ("lukkede", _("Lukkede")))
        ],
        "can_manage": can_manage_hearings(request.user),
    }
    return render(request, "lokalfora/hearings/public/hearing_list.html", context)


def _visible_hearing(request, pk):
    hearing = selectors.hearing_for_page(pk)
    if hearing is None or not can_see_hearing(request.user, hearing):
        raise Http404
    return hearing


def _why_not_public(hearing, now) -> str:
    if hearing.answers_are_public(now):
        return ""
    if hearing.response_visibility == ResponseVisibility.NEVER:
        return "never"
    if hearing.response_visibility == ResponseVisibility.AFTER_DEADLINE:
        return "after_deadline"
    return "not_public"


@require_safe
def hearing_detail(request, pk):
    hearing = _visible_hearing(request, pk)
    now = timezone.now()
    invitations = list(hearing.invitations.all())
    page = Paginator(selectors.public_response_rows(hearing, now), PER_PAGE).get_page(
        request.GET.get("side")
    )
    for response in page.object_list:
        response.hearing = hearing
    context = {
        "hearing": hearing,
        "invitations": invitations,
        "page_obj": page,
        "responses": page.object_list,
        "excerpt_words": EXCERPT_WORDS,
        "counts": selectors.response_counts(hearing, now),
        "why_not_public": _why_not_public(hearing, now),
        "accepts_answers": hearing.accepts_answers(now),
        "answer_forums": forums_user_can_answer_for(
            request.user, [invitation.forum for invitation in invitations]
        ),
        "is_withdrawn": hearing.status == HearingStatus.WITHDRAWN,
        "can_manage": can_manage_hearings(request.user),
        "sections": hearing_sections(hearing, request.user),
    }
    return render(request, "lokalfora/hearings/public/hearing_detail.html", context)


def _visible_response(request, pk, number):
    response = selectors.response_for_page(pk, number)
    if response is None or not can_see_hearing(request.user, response.hearing):
        raise Http404
    staff = can_see_response_author_details(request.user)
    if response.status == ResponseStatus.WITHDRAWN and not staff:
        raise Http404
    if not can_see_response(request.user, response):
        raise Http404
    return response, staff


@require_safe
def response_detail(request, pk, number):
    response, staff = _visible_response(request, pk, number)
    attachments = [a for a in response.attachments.all() if staff or not a.withheld]
    context = {
        "hearing": response.hearing,
        "response": response,
        "attachments": attachments,
        "staff": staff,
        "is_public": response.is_public(),
    }
    return render(request, "lokalfora/hearings/public/response_detail.html", context)


@require_safe
def response_attachment(request, pk, number, attachment):
    response, staff = _visible_response(request, pk, number)
    found = HearingAttachment.objects.filter(pk=attachment, response=response).first()
    if found is None or (found.withheld and not staff):
        raise Http404
    return download(found)


@require_safe
def hearing_document(request, pk, document):
    hearing = get_object_or_404(Hearing, pk=pk)
    if not can_see_hearing(request.user, hearing):
        raise Http404
    return download(HearingDocument.objects.filter(pk=document, hearing=hearing).first())


@require_safe
def hearing_note(request, pk):
    hearing = _visible_hearing(request, pk)
    staff = can_manage_hearings(request.user)
    if not hearing.note_is_public and not staff:
        raise Http404
    now = timezone.now()
    responses = selectors.note_responses(hearing)
    lines = [{"response": r, "public": r.is_public(now), "line": _line(r)} for r in responses]
    context = {
        "hearing": hearing,
        "lines": lines,
        "preview": not hearing.note_is_public,
        "sections": hearing_sections(hearing, request.user),
    }
    if request.GET.get("format") == "pdf":
        pdf = pdf_from_template("lokalfora/hearings/public/note_pdf.html", context)
        reply = HttpResponse(pdf, content_type="application/pdf")
        reply["Content-Disposition"] = f'inline; filename="hoeringsnotat-{hearing.pk}.pdf"'
        return reply
    return render(request, "lokalfora/hearings/public/hearing_note.html", context)


def _line(response):
    try:
        return response.note_line
    except HearingNoteLine.DoesNotExist:
        return None


@require_safe
def area_hearings(request, slug):
    area = get_object_or_404(LocalArea, slug=slug)
    page = Paginator(selectors.hearings_for_area(area), PER_PAGE).get_page(request.GET.get("side"))
    context = {"area": area, "page_obj": page, "hearings": area_hearing_rows(page.object_list)}
    return render(request, "lokalfora/hearings/public/area_hearings.html", context)
