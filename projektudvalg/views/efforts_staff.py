"""Committee staff run the special efforts: the overview (with the area-bounds warning),
a new effort (from a drejebog), its status. Staff and the effort's project leads edit
the effort and its documents. The public pages are views/efforts_public.py's."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from holbaek.forms import add_refusal
from projektudvalg import permissions, services
from projektudvalg.forms.effort_content import DocumentForm
from projektudvalg.forms.efforts import EffortCreateForm, EffortForm, StatusForm
from projektudvalg.models import Committee
from projektudvalg.selectors import efforts_staff as selectors

STAFF = "projektudvalg/efforts/staff/"


def _effort_page(request, effort, template, context, *, status=200):
    context = {
        "effort": effort,
        "can_manage": permissions.can_manage_efforts(request.user),
        **context,
    }
    return render(request, STAFF + template, context, status=status)


@login_required
def admin(request):
    """Every effort with status and areas, the drejebøger and the bounds' warnings."""
    permissions.require_effort_manager(request.user)
    return render(request, STAFF + "admin.html", {"overview": selectors.effort_overview()})


@login_required
@require_http_methods(["GET", "POST"])
def create(request):
    permissions.require_effort_manager(request.user)
    committee = Committee.objects.current()
    form = EffortCreateForm(request.POST or None)
    if request.method == "POST":
        if committee is None:
            form.add_error(None, _("Der er intet udvalg endnu. Opret udvalget først."))
        elif form.is_valid():
            cleaned = form.cleaned_data
            try:
                effort = services.effort_create(
                    committee=committee,
                    areas=cleaned["areas"],
                    leads=cleaned["leads"],
                    template=cleaned["template"],
                    start=cleaned["start"] or cleaned["period_start"],
                    **form.data_values(),
                )
            except ValidationError as error:
                add_refusal(form, error)
            else:
                messages.success(request, _("Indsatsen »%(title)s« er oprettet.") % {
                    "title": effort.title})  # fmt: skip
                return redirect("projektudvalg:effort-edit", slug=effort.slug)
        context = {"form": form, "committee": committee}
        return render(request, STAFF + "create.html", context, status=400)
    return render(request, STAFF + "create.html", {"form": form, "committee": committee})


@login_required
@require_http_methods(["GET", "POST"])
def edit(request, slug):
    effort = selectors.staff_effort(slug)
    permissions.require_effort_lead(request.user, effort)
    manage = permissions.can_manage_efforts(request.user)
    form = EffortForm(request.POST or None, instance=effort, manage=manage)
    if request.method == "POST":
        if form.is_valid():
            cleaned = form.cleaned_data
            try:
                effort = services.effort_update(
                    effort=effort,
                    data=form.data_values(),
                    areas=cleaned["areas"] if manage else None,
                    leads=cleaned["leads"] if manage else None,
                )
            except ValidationError as error:
                add_refusal(form, error)
            else:
                messages.success(request, _("Indsatsen er gemt."))
                return redirect("projektudvalg:effort-edit", slug=effort.slug)
        return _effort_page(request, effort, "edit.html", {"form": form}, status=400)
    return _effort_page(request, effort, "edit.html", {"form": form})


@login_required
@require_http_methods(["GET", "POST"])
def status(request, slug):
    """The next status from the table, the committee decision behind it, a note."""
    permissions.require_effort_manager(request.user)
    effort = selectors.staff_effort(slug)
    form = StatusForm(
        request.POST or None,
        choices=selectors.status_choices(effort),
        decisions=selectors.decision_choices(
            effort, internal=permissions.can_see_internal_agenda(request.user)
        ),
    )
    if request.method == "POST":
        if form.is_valid():
            try:
                services.effort_transition(
                    effort=effort, by=request.user, **form.cleaned_data
                )  # fmt: skip
            except ValidationError as error:
                add_refusal(form, error)
            else:
                messages.success(request, _("Indsatsens status er ændret."))
                return redirect("projektudvalg:effort-status", slug=effort.slug)
        context = {"form": form, "transitions": selectors.transitions(effort)}
        return _effort_page(request, effort, "status.html", context, status=400)
    context = {"form": form, "transitions": selectors.transitions(effort)}
    return _effort_page(request, effort, "status.html", context)


def _documents_page(request, effort, form, *, status=200):
    documents = effort.documents.select_related("uploaded_by").order_by("-uploaded_at", "-id")
    context = {"form": form, "documents": documents}
    return _effort_page(request, effort, "documents.html", context, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def documents(request, slug):
    """The selection basis, the cooperation agreement and other documents of the effort."""
    effort = selectors.staff_effort(slug)
    permissions.require_effort_lead(request.user, effort)
    form = DocumentForm(request.POST or None, request.FILES or None)
    if request.method == "POST":
        if form.is_valid():
            try:
                services.document_add(
                    effort=effort,
                    uploaded=form.cleaned_data["file"],
                    title=form.cleaned_data["title"],
                    kind=form.cleaned_data["kind"],
                    by=request.user,
                )
            except ValidationError as error:
                if hasattr(error, "error_dict"):
                    add_refusal(form, error)
                else:
                    form.add_error("file", error)
            else:
                messages.success(request, _("Dokumentet er gemt."))
                return redirect("projektudvalg:effort-documents", slug=effort.slug)
        return _documents_page(request, effort, form, status=400)
    return _documents_page(request, effort, form)


@login_required
@require_POST
def document_delete(request, slug, pk):
    effort = selectors.staff_effort(slug)
    permissions.require_effort_lead(request.user, effort)
    services.document_remove(document=get_object_or_404(effort.documents, pk=pk))
    messages.success(request, _("Dokumentet er slettet."))
    return redirect("projektudvalg:effort-documents", slug=effort.slug)
