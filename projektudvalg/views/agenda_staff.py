"""Committee staff write a meeting's agenda items, upload their attachments and record
the decisions: on the item, and on each application of a pool item (decision_record)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from holbaek.forms import add_refusal
from projektudvalg import permissions, selectors, services
from projektudvalg.forms.meetings import (
    AgendaItemForm,
    AttachmentForm,
    FromRoundForm,
    ItemDecisionForm,
)
from projektudvalg.forms.review import DecisionForm
from projektudvalg.models import AgendaItem, Meeting
from projektudvalg.views.meetings_staff import meeting_page


def _meeting(request, pk) -> Meeting:
    permissions.require_meeting_staff(request.user)
    meeting = Meeting.objects.select_related("committee").filter(pk=pk).first()
    if meeting is None:
        raise Http404
    return meeting


def _item(request, pk) -> AgendaItem:
    permissions.require_meeting_staff(request.user)
    item = selectors.agenda_item(pk)
    if item is None:
        raise Http404
    return item


def _back(meeting_id):
    return redirect("projektudvalg:meeting-edit", pk=meeting_id)


def _render(request, template, context, status):
    return render(request, f"projektudvalg/meetings/{template}", context, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def item_create(request, pk):
    meeting = _meeting(request, pk)
    form = AgendaItemForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            item = services.agenda_item_create(meeting=meeting, **form.values())
        except ValidationError as error:
            add_refusal(form, error)
        else:
            messages.success(request, _("Punkt %(number)d er oprettet.") % {"number": item.number})
            return _back(meeting.pk)
    context = {"meeting": meeting, "form": form, "item": None}
    return _render(request, "item_form.html", context, 400 if request.method == "POST" else 200)


@login_required
@require_POST
def item_from_round(request, pk):
    """A pool item listing every application of the round under review."""
    meeting = _meeting(request, pk)
    form = FromRoundForm(request.POST)
    if form.is_valid():
        try:
            item = services.agenda_item_from_round(
                meeting=meeting, round=form.cleaned_data["round"]
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Punkt %(number)d lister rundens ansøgninger.")
                             % {"number": item.number})  # fmt: skip
            return _back(meeting.pk)
    else:
        messages.error(request, " ".join(form.errors.get("round", [])))
    return meeting_page(request, selectors.meeting_agenda(meeting.pk), status=400)


@login_required
@require_http_methods(["GET", "POST"])
def item_edit(request, pk):
    item = _item(request, pk)
    form = AgendaItemForm(request.POST or None, instance=item)
    if request.method == "POST" and form.is_valid():
        try:
            services.agenda_item_update(item=item, **form.values())
        except ValidationError as error:
            add_refusal(form, error)
        else:
            messages.success(request, _("Punktet er gemt."))
            return _back(item.meeting_id)
    context = {"meeting": item.meeting, "form": form, "item": item}
    return _render(request, "item_form.html", context, 400 if request.method == "POST" else 200)


@login_required
@require_POST
def item_delete(request, pk):
    item = _item(request, pk)
    try:
        services.agenda_item_delete(item=item)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Punktet er slettet."))
    return _back(item.meeting_id)


@login_required
@require_http_methods(["GET", "POST"])
def item_decide(request, pk):
    """The item's decision, "Beslutning i … den …", and its follow-up."""
    item = _item(request, pk)
    initial = {name: getattr(item, name) for name in ItemDecisionForm.base_fields}
    form = ItemDecisionForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.agenda_item_record_decision(item=item, **form.cleaned_data)
        except ValidationError as error:
            add_refusal(form, error)
        else:
            messages.success(request, _("Beslutningen er registreret."))
            return _back(item.meeting_id)
    context = {"meeting": item.meeting, "item": item, "form": form}
    return _render(request, "item_decide.html", context, 400 if request.method == "POST" else 200)


def _pool_form(data=None):
    form = DecisionForm(data)
    del form.fields["agenda_item"]  # the item is the page's
    return form


@login_required
@require_http_methods(["GET", "POST"])
def item_pool(request, pk):
    """Each application on a pool item, with the committee's decision on it: recorded by
    decision_record, which moves the application and writes to the applicant."""
    item = _item(request, pk)
    lines = list(item.pool_lines.all())
    posted, form = None, None
    if request.method == "POST":
        posted = next((line for line in lines if str(line.application_id) ==
                       request.POST.get("application")), None)  # fmt: skip
        if posted is None:
            raise Http404
        form = _pool_form(request.POST)
        if form.is_valid():
            try:
                services.decision_record(application=posted.application, user=request.user,
                                         agenda_item=item, **form.cleaned_data)  # fmt: skip
            except ValidationError as error:
                add_refusal(form, error)
            else:
                messages.success(request, _("Afgørelsen er registreret, og ansøgeren har fået "
                                            "besked."))  # fmt: skip
                return redirect("projektudvalg:item-pool", pk=item.pk)
    for line in lines:
        line.form = form if line is posted else _pool_form()
    context = {"meeting": item.meeting, "item": item, "lines": lines}
    return _render(request, "item_pool.html", context, 400 if request.method == "POST" else 200)


@login_required
@require_http_methods(["GET", "POST"])
def item_attach(request, pk):
    item = _item(request, pk)
    form = AttachmentForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.agenda_attachment_add(
                item=item, uploaded=form.cleaned_data["file"],
                title=form.cleaned_data["title"], user=request.user,
            )  # fmt: skip
        except ValidationError as error:
            form.add_error("file", error.messages)
        else:
            messages.success(request, _("Bilaget er tilføjet."))
            return redirect("projektudvalg:item-attach", pk=item.pk)
    context = {"meeting": item.meeting, "item": item, "form": form}
    return _render(request, "item_attach.html", context, 400 if request.method == "POST" else 200)
