"""The municipality's editors (committee staff, administrators) run municipal news: the
list, an item's form (save, publish now or at a time), its status, the offer to forums and
the share kit. Each page is private (holbaek.caching.private_page)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from holbaek.caching import private_page
from holbaek.links import absolute_url
from lokalfora.models import LocalArea, NewsTopic
from projektudvalg.forms.news import OfferForm, RejectForm, SharedInForm, StaffNewsForm
from projektudvalg.models import MunicipalNews, NewsStatus
from projektudvalg.permissions import require_news_editor
from projektudvalg.selectors import news_staff as selectors
from projektudvalg.services import municipal_news as services
from projektudvalg.services import news_cooperation as cooperation

PER_PAGE = 25
ACTIONS = {"draft", "publish", "schedule"}


def _item(pk) -> MunicipalNews:
    item = selectors.staff_item(pk)
    if item is None:
        raise Http404
    return item


@private_page
@login_required
@require_safe
def news_staff_list(request):
    """Every item with status tabs and filters by area and topic."""
    require_news_editor(request.user)
    status = request.GET.get("status", "")
    status = status if status in NewsStatus.values else ""
    area = LocalArea.objects.filter(slug=request.GET.get("omraade") or "").first()
    topic = NewsTopic.objects.filter(slug=request.GET.get("emne") or "").first()
    items = selectors.news_for_staff(status=status, area=area, topic=topic)
    page = Paginator(items, PER_PAGE).get_page(request.GET.get("side"))
    query = {
        "status": status,
        "omraade": area.slug if area else "",
        "emne": topic.slug if topic else "",
    }
    context = {
        "page_obj": page,
        "status": status,
        "counts": selectors.status_counts(),
        "statuses": NewsStatus.choices,
        "areas": LocalArea.objects.order_by("name"),
        "topics": NewsTopic.objects.all(),
        "area": area,
        "topic": topic,
        "query": urlencode({key: value for key, value in query.items() if value}),
    }
    return render(request, "projektudvalg/news/staff/list.html", context)


@private_page
@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def news_staff_form(request, pk=None):
    """A new item or changes to one; then saved as a draft, published now or planned."""
    require_news_editor(request.user)
    item = _item(pk) if pk is not None else None
    if item is not None and item.status not in services.STAFF_EDITABLE:
        messages.error(request, _("En arkiveret eller afvist nyhed kan ikke ændres."))
        return redirect("projektudvalg:news-staff-status", pk=item.pk)
    bound = request.method == "POST"
    asks = request.POST.get("asked") == "1"  # the form showed the personal-data checkbox
    form = StaffNewsForm(
        request.POST if bound else None,
        request.FILES if bound else None,
        instance=item or MunicipalNews(),
        ask_confirmation=asks,
    )
    action = request.POST.get("action", "draft")
    if bound and action not in ACTIONS:
        form.add_error(None, _("Vælg, om nyheden skal gemmes, offentliggøres eller planlægges."))
    elif bound and form.is_valid() and (action != "schedule" or form.check_schedule()):
        done = _save_and_publish(request, form, item, action)
        if done is not None:
            return done
    status = 400 if bound else 200
    context = {"form": form, "item": form.instance if form.instance.pk else None}
    return render(request, "projektudvalg/news/staff/form.html", context, status=status)


def _save_and_publish(request, form, item, action):
    try:
        item = services.news_save(item=item, by=request.user, **form.values())
    except ValidationError as error:
        form.refuse(error)
        return None
    form.instance = item
    if action == "draft":
        messages.success(request, _("Nyheden er gemt."))
        return redirect("projektudvalg:news-staff-edit", pk=item.pk)
    publish_at = form.publish_at() if action == "schedule" else None
    confirmed = bool(form.cleaned_data.get("confirmed_checked"))
    try:
        item = services.news_publish(
            item=item, publish_at=publish_at, by=request.user, confirmed_checked=confirmed
        )
    except services.PersonalDataFound as found:
        form.refuse(found)
        form.ask_to_confirm()
        return None
    except ValidationError as error:
        form.refuse(error)
        return None
    if item.is_scheduled:
        when = timezone.localtime(item.publish_at).strftime("%d.%m.%Y kl. %H.%M")
        messages.success(request, _("Nyheden er planlagt til %(when)s.") % {"when": when})
    else:
        messages.success(request, _("Nyheden er offentliggjort."))
    return redirect("projektudvalg:news-staff-status", pk=item.pk)


@private_page
@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def news_staff_status(request, pk):
    """Reject a proposal (with a reason), archive, take a planned item back, delete a draft."""
    require_news_editor(request.user)
    item = _item(pk)
    reject_form = RejectForm(request.POST if request.POST.get("action") == "reject" else None)
    if request.method == "POST":
        done = _status_action(request, item, reject_form)
        if done is not None:
            return done
    context = {"item": item, "reject_form": reject_form, "shares": selectors.item_shares(item)}
    status = 400 if request.method == "POST" else 200
    return render(request, "projektudvalg/news/staff/status.html", context, status=status)


STATUS_STEPS = {
    "archive": (services.news_archive, _("Nyheden er arkiveret.")),
    "unpublish": (services.news_unpublish, _("Nyheden er trukket tilbage og er ikke planlagt.")),
    "delete": (services.news_delete, _("Kladden er slettet.")),
}


def _status_action(request, item, reject_form):
    action = request.POST.get("action")
    try:
        if action == "reject":
            if not reject_form.is_valid():
                return None
            services.news_reject(
                item=item, reason=reject_form.cleaned_data["reason"], by=request.user
            )
            messages.success(request, _("Forslaget er afvist. Lokalforummet får besked."))
        elif action in STATUS_STEPS:
            step, message = STATUS_STEPS[action]
            step(item=item, by=request.user)
            messages.success(request, message)
            if action == "delete":
                return redirect("projektudvalg:news-staff-list")
        else:
            reject_form.add_error(None, _("Vælg en handling."))
            return None
    except ValidationError as error:
        if action == "reject":
            reject_form.refuse(error)
            return None
        messages.error(request, " ".join(error.messages))
    return redirect("projektudvalg:news-staff-status", pk=item.pk)


@private_page
@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def news_staff_offer(request, pk):
    """Offer the item to forums it is not shared with yet."""
    require_news_editor(request.user)
    item = _item(pk)
    shares = selectors.item_shares(item)
    bound = request.method == "POST"
    form = OfferForm(request.POST if bound else None, taken=[share.forum_id for share in shares])
    if request.method == "POST" and form.is_valid():
        try:
            created = cooperation.news_offer(
                item=item, forums=form.cleaned_data["forums"], by=request.user
            )
        except ValidationError as error:
            form.add_error(None, error.messages)
        else:
            messages.success(
                request, _("Nyheden er tilbudt %(count)s lokalfora.") % {"count": len(created)}
            )
            return redirect("projektudvalg:news-staff-offer", pk=item.pk)
    status = 400 if request.method == "POST" else 200
    context = {"item": item, "form": form, "shares": shares}
    return render(request, "projektudvalg/news/staff/offer.html", context, status=status)


def picture_url(item) -> str:
    """The item's public picture (the public pages' view), absolute; "" without one."""
    if not item.image or not item.is_public:
        return ""
    return absolute_url(reverse("projektudvalg:municipal-news-image", kwargs={"pk": item.pk}))


@private_page
@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def news_staff_share(request, pk):
    """The share kit: ready text for a Facebook group, and the record of where it was shared."""
    require_news_editor(request.user)
    item = _item(pk)
    form = SharedInForm(
        request.POST if request.POST.get("action") == "record" else None,
        initial={"shared_on": timezone.localdate()},
    )
    if request.method == "POST" and request.POST.get("action") == "delete":
        record = get_object_or_404(item.shared_in, pk=_int(request.POST.get("record")))
        cooperation.shared_in_delete(record=record, by=request.user)
        messages.success(request, _("Delingen er fjernet fra loggen."))
        return redirect("projektudvalg:news-staff-share", pk=item.pk)
    if request.method == "POST" and form.is_valid():
        try:
            cooperation.shared_in_record(item=item, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            form.refuse(error)
        else:
            messages.success(request, _("Delingen er skrevet i loggen."))
            return redirect("projektudvalg:news-staff-share", pk=item.pk)
    link = absolute_url(item.get_absolute_url()) if item.is_public else ""
    picture = picture_url(item)
    text = "\n\n".join(part for part in (item.title, item.summary, link, picture) if part)
    context = {
        "item": item,
        "form": form,
        "kit": text,
        "link": link,
        "picture": picture,
        "log": selectors.shared_in_log(item),
    }
    status = 400 if request.method == "POST" else 200
    return render(request, "projektudvalg/news/staff/share.html", context, status=status)


def _int(value) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        raise Http404 from None
