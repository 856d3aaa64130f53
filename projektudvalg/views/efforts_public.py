"""The public pages of the special efforts: the list with filters, an effort's page, and
following an effort (its areas, through the follow-an-area mail)."""

from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from holbaek.ratelimit import allow_public_form
from lokalfora.follow_tokens import CONFIRM_DAYS
from lokalfora.models import ForumEditor, LocalArea
from lokalfora.services.subscriptions import SendFailed, subscription_create
from projektudvalg import permissions
from projektudvalg.forms.efforts_public import EffortFollowForm, parse_status, parse_year
from projektudvalg.models import EffortStatus
from projektudvalg.selectors import efforts as selectors

EFFORTS_PER_PAGE = 20
# Sign-ups per client address and per e-mail address, per hour (as following an area).
FOLLOW_LIMIT_PER_IP = 20
FOLLOW_LIMIT_PER_EMAIL = 5


@require_safe
def effort_list(request):
    areas = list(LocalArea.objects.order_by("name"))
    area = next((a for a in areas if a.slug == request.GET.get("omraade")), None)
    status = parse_status(request.GET.get("status"))
    year = parse_year(request.GET.get("aar"))
    efforts = selectors.public_efforts(status=status, area=area, year=year)
    page = Paginator(efforts, EFFORTS_PER_PAGE).get_page(request.GET.get("side"))
    filters = {"status": status, "omraade": area and area.slug, "aar": year}
    context = {
        "efforts": selectors.with_progress(page.object_list),
        "page_obj": page,
        "query": urlencode({key: value for key, value in filters.items() if value}),
        "areas": areas,
        "statuses": [c for c in EffortStatus.choices if c[0] in selectors.PUBLIC_STATUSES],
        "selected": {"status": status, "area": area, "year": year},
    }
    return render(request, "projektudvalg/efforts/list.html", context)


def _viewer(user, page) -> dict:
    """What the signed-in visitor may do on the page, so a link shows only where the view
    allows it. No queries for the anonymous; at most 3 for the signed-in."""
    if not getattr(user, "is_authenticated", False):
        return {}
    forum_ids = set(ForumEditor.objects.filter(user=user).values_list("forum_id", flat=True))
    commitments = [c for group in page.commitment_groups for c in group.commitments]
    return {
        "edit": permissions.can_lead_effort(user, page.effort),
        "status": permissions.can_manage_efforts(user),
        "effort_update": permissions.can_post_effort_update(user, page.effort),
        "group_ids": {g.pk for g in page.groups if permissions.can_answer_group_requests(user, g)},
        "comment_ids": {
            c.pk for c in commitments if c.party == "forum" and c.forum_id in forum_ids
        },
    }


@require_safe
def effort_detail(request, slug):
    page = selectors.effort_page(slug)
    if page is None:
        raise Http404
    context = {"page": page, "effort": page.effort, "viewer": _viewer(request.user, page)}
    return render(request, "projektudvalg/efforts/detail.html", context)


@require_http_methods(["GET", "POST"])
def effort_follow(request, slug):
    """One form for all the effort's areas (preselected); each is an area subscription with
    lokalfora's double opt-in, so its followers get the effort's news in the weekly mail."""
    effort = selectors.public_effort(slug)
    if effort is None:
        raise Http404
    areas = list(effort.areas.all())
    form = EffortFollowForm(request.POST if request.method == "POST" else None, areas=areas)
    status = 200
    if request.method == "POST" and form.is_valid():
        email = form.cleaned_data["email"]
        chosen = [area for area in areas if area.slug in form.cleaned_data["areas"]]
        if not allow_public_form(
            request,
            "follow",
            email,
            per_ip=FOLLOW_LIMIT_PER_IP,
            per_email=FOLLOW_LIMIT_PER_EMAIL,
        ):
            form.add_error(None, _("Der er prøvet for mange gange. Prøv igen om en time."))
            status = 429
        else:
            try:
                for area in chosen:
                    subscription_create(area=area, email=email)
            except SendFailed:
                form.add_error(None, _("Vi kunne ikke sende e-mailen lige nu. Prøv igen om lidt."))
                status = 503
            else:
                context = {"effort": effort, "areas": chosen, "email": email, "days": CONFIRM_DAYS}
                return render(request, "projektudvalg/efforts/follow_sent.html", context)
    elif request.method == "POST":
        status = 400
    context = {"effort": effort, "form": form}
    return render(request, "projektudvalg/efforts/follow.html", context, status=status)
