"""The fælles-skabere's inbox and a request's page."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from faelles_skabere.forms.sparring import StaffMessageForm, StatusForm, TransferForm
from faelles_skabere.models import Attachment, RequestTopic, SparringRequest, Status
from faelles_skabere.permissions import can_handle_requests, can_see_requests
from faelles_skabere.selectors import sparring as selectors
from faelles_skabere.services.sparring_threads import (
    sparring_note_create,
    sparring_request_set_status,
    sparring_request_transfer,
    sparring_staff_reply_create,
)
from holbaek.downloads import download
from lokalfora.models import LocalArea

TAB_LABELS = {
    "mine": gettext_lazy("Mine"),
    "mine-omraader": gettext_lazy("Mine områder"),
    "alle": gettext_lazy("Alle åbne"),
}


def _require_staff(request):
    if not can_see_requests(request.user):
        raise PermissionDenied


@login_required
@require_safe
def inbox(request):
    _require_staff(request)
    tab = request.GET.get("fane", "mine")
    if tab not in selectors.TABS:
        tab = "mine"
    filters = {key: request.GET.get(key, "") for key in ("omraade", "emne", "status")}
    statuses = {value for value, _label in Status.choices if value != Status.UNCONFIRMED}
    requests = selectors.inbox(
        user=request.user,
        tab=tab,
        area=filters["omraade"],
        topic=filters["emne"] if filters["emne"] in RequestTopic.values else "",
        status=filters["status"] if filters["status"] in statuses else "",
    )
    page = Paginator(requests, 50).get_page(request.GET.get("side"))
    query = request.GET.copy()
    query.pop("side", None)
    context = {
        "rows": selectors.mark_overdue(page.object_list),
        "page_obj": page,
        "query": query.urlencode(),
        "tab": tab,
        "tabs": [(key, label) for key, label in TAB_LABELS.items()],
        "filters": filters,
        "areas": LocalArea.objects.order_by("name").only("slug", "name"),
        "topics": RequestTopic.choices,
        "statuses": [(v, label) for v, label in Status.choices if v != Status.UNCONFIRMED],
    }
    return render(request, "faelles_skabere/sparring/inbox.html", context)


def _sparring(pk):
    return get_object_or_404(
        SparringRequest.objects.exclude(status=Status.UNCONFIRMED).select_related(
            "area", "assigned_to"
        ),
        pk=pk,
    )


def _detail_context(request, sparring, **forms):
    return {
        "sparring": sparring,
        "entries": selectors.thread(sparring, for_requester=False),
        "can_handle": can_handle_requests(request.user),
        "message_form": forms.get("message_form") or StaffMessageForm(),
        "status_form": forms.get("status_form")
        or StatusForm(initial={"status": sparring.status, "outcome": sparring.outcome}),
        "transfer_form": forms.get("transfer_form")
        or TransferForm(co_creators=selectors.colleagues()),
    }


@login_required
@require_safe
def detail(request, pk):
    _require_staff(request)
    sparring = _sparring(pk)
    return render(
        request, "faelles_skabere/sparring/detail.html", _detail_context(request, sparring)
    )


def _handle(request, pk):
    _require_staff(request)
    if not can_handle_requests(request.user):
        raise PermissionDenied
    return _sparring(pk)


def _refused(request, sparring, error, **forms):
    form = next(iter(forms.values()))
    form.add_error(None, error)
    context = _detail_context(request, sparring, **forms)
    return render(request, "faelles_skabere/sparring/detail.html", context, status=400)


@login_required
@require_POST
def message(request, pk):
    sparring = _handle(request, pk)
    form = StaffMessageForm(request.POST)
    if not form.is_valid():
        return render(
            request,
            "faelles_skabere/sparring/detail.html",
            _detail_context(request, sparring, message_form=form),
            status=400,
        )
    body = form.cleaned_data["body"]
    try:
        if form.cleaned_data["kind"] == StaffMessageForm.INTERNAL:
            sparring_note_create(sparring_request=sparring, author=request.user, body=body)
            messages.success(request, _("Noten er gemt."))
        else:
            sparring_staff_reply_create(sparring_request=sparring, author=request.user, body=body)
            messages.success(request, _("Svaret er sendt til anmoderen."))
    except ValidationError as error:
        return _refused(request, sparring, error, message_form=form)
    return redirect(sparring)


@login_required
@require_POST
def status(request, pk):
    sparring = _handle(request, pk)
    form = StatusForm(request.POST)
    if not form.is_valid():
        context = _detail_context(request, sparring, status_form=form)
        return render(request, "faelles_skabere/sparring/detail.html", context, status=400)
    try:
        sparring_request_set_status(
            sparring_request=sparring,
            author=request.user,
            status=form.cleaned_data["status"],
            outcome=form.cleaned_data["outcome"],
        )
    except ValidationError as error:
        return _refused(request, sparring, error, status_form=form)
    messages.success(request, _("Status er opdateret."))
    return redirect(sparring)


@login_required
@require_http_methods(["POST"])
def transfer(request, pk):
    sparring = _handle(request, pk)
    form = TransferForm(request.POST, co_creators=selectors.colleagues())
    if not form.is_valid():
        context = _detail_context(request, sparring, transfer_form=form)
        return render(request, "faelles_skabere/sparring/detail.html", context, status=400)
    try:
        sparring_request_transfer(
            sparring_request=sparring,
            author=request.user,
            to=form.cleaned_data["to"],
            reason=form.cleaned_data["reason"],
        )
    except ValidationError as error:
        return _refused(request, sparring, error, transfer_form=form)
    messages.success(request, _("Anmodningen er overdraget."))
    return redirect(sparring)


@login_required
@require_safe
def attachment(request, pk, attachment_pk):
    _require_staff(request)
    return download(get_object_or_404(Attachment, message__request_id=pk, pk=attachment_pk))
