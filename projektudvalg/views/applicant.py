"""The applicant's pages: start, edit and submit a draft, follow it, report at the end."""

import itertools

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from holbaek.downloads import download
from projektudvalg import letters, permissions, selectors, services, versions
from projektudvalg.forms.applying import (
    BudgetFormSet,
    FinalReportForm,
    StartForm,
    budget_lines,
    form_class,
)
from projektudvalg.models import APPLICANT_LABELS, Application, GrantPool, Status


def application_for(request, pk, check=permissions.can_view) -> Application:
    """The application if the user may see it; otherwise 404 (ids are not revealed)."""
    application = selectors.application(pk)
    if application is None or not check(request.user, application):
        raise Http404
    return application


@login_required
@require_http_methods(["GET", "POST"])
def start(request, slug):
    """A draft in the pool's open round. The round id is checked against the pool."""
    if not permissions.can_apply(request.user):
        raise PermissionDenied
    pool = get_object_or_404(GrantPool.objects.active(), slug=slug)
    open_round = selectors.open_round(pool)
    if request.method == "POST":
        form = StartForm(request.POST)
        round_id = form.cleaned_data["round"] if form.is_valid() else None
        try:
            application = services.application_create(
                pool=pool, round_id=round_id, user=request.user
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            return redirect("projektudvalg:application-edit", pk=application.pk)
    context = {"pool": pool, "round": open_round}
    return render(request, "projektudvalg/start.html", context)


@login_required
@require_safe
def my_applications(request):
    applications = selectors.applications_of(request.user)
    return render(request, "projektudvalg/my_applications.html", {"applications": applications})


def _edit_context(application, form, formset, *, result=None):
    return {
        "application": application,
        "form": form,
        "formset": formset,
        "result": result or services.application_check(application=application),
        "files": list(application.files.all()),
        "deadline": application.round.deadline,
        "round_closed": not application.round.is_open() and application.status == Status.DRAFT,
    }


def _initial_lines(application):
    return [{"description": line.description, "amount": line.amount}
            for line in application.budget_lines.all()]  # fmt: skip


def _save_what_is_valid(application, form, formset) -> list[str]:
    """Keeps every field that is valid, so bad input in one field loses nothing else."""
    values = {
        name: value
        for name, value in form.cleaned_data.items()
        if name not in ("files", "criteria") and name not in form.errors
    }
    criteria = form.cleaned_data.get("criteria") if "criteria" in form.fields else None
    lines = budget_lines(formset) if formset.is_valid() else None
    services.application_save_draft(
        application=application, values=values, criteria=criteria, lines=lines
    )
    problems = []
    for uploaded in form.cleaned_data.get("files") or []:
        try:
            services.attachment_add(application=application, uploaded=uploaded)
        except ValidationError as error:
            problems.extend(error.messages)
    return problems


@login_required
@require_http_methods(["GET", "POST"])
def edit(request, pk):
    application = application_for(request, pk)
    if not permissions.can_edit(request.user, application):
        if permissions.is_applicant(request.user, application):
            messages.info(request, _("Ansøgningen er indsendt og kan ikke ændres nu."))
            return redirect("projektudvalg:application", pk=application.pk)
        raise Http404
    Form = form_class(application.pool)
    if request.method == "GET":
        form = Form(instance=application, pool=application.pool)
        formset = BudgetFormSet(prefix="budget", initial=_initial_lines(application))
        return render(request, "projektudvalg/edit.html", _edit_context(application, form, formset))
    form = Form(request.POST, request.FILES, instance=application, pool=application.pool)
    # Bound with the stored lines, so a post that leaves any of them out is refused.
    formset = BudgetFormSet(request.POST, prefix="budget", initial=_initial_lines(application))
    valid = form.is_valid() & formset.is_valid()
    try:
        file_problems = _save_what_is_valid(application, form, formset)
    except ValidationError as error:  # submitted meanwhile, e.g. by a double click
        messages.info(request, " ".join(error.messages))
        return redirect("projektudvalg:application", pk=application.pk)
    for problem in file_problems:
        form.add_error("files", problem)
    application.refresh_from_db()
    if not valid or file_problems:
        messages.warning(request, _("Kladden er gemt, men felterne med fejl er ikke gemt."))
        context = _edit_context(application, form, formset)
        return render(request, "projektudvalg/edit.html", context, status=400)
    if "submit" in request.POST:
        try:
            services.application_submit(application=application, user=request.user)
        except ValidationError as error:
            context = _edit_context(application, form, formset)
            context["submit_errors"] = error.messages
            return render(request, "projektudvalg/edit.html", context, status=400)
        application.refresh_from_db()
        messages.success(
            request,
            _("Ansøgningen er indsendt med journalnummer %(reference)s. Du får en kvittering på "
              "e-mail.") % {"reference": application.reference},
        )  # fmt: skip
        return redirect("projektudvalg:application", pk=application.pk)
    messages.success(request, _("Kladden er gemt."))
    return redirect("projektudvalg:application-edit", pk=application.pk)


@login_required
@require_safe
def detail(request, pk):
    """The applicant's status page (and staff's read of it) with the timeline."""
    return detail_page(request, application_for(request, pk))


def detail_page(request, application, *, status=200, report_form=None):
    may_report = permissions.can_submit_final_report(request.user, application)
    context = {
        "application": application,
        "label": APPLICANT_LABELS[application.status],
        **selectors.application_details(application),
        "can_edit": permissions.can_edit(request.user, application),
        "can_withdraw": permissions.can_withdraw(request.user, application),
        "is_applicant": permissions.is_applicant(request.user, application),
        "report_form": report_form or (FinalReportForm() if may_report else None),
    }
    return render(request, "projektudvalg/detail.html", context, status=status)


@login_required
@require_safe
def attachment(request, pk, file_pk):
    application = application_for(request, pk, permissions.can_download)
    return download(application.files.filter(pk=file_pk).first())


@login_required
@require_POST
def attachment_delete(request, pk, file_pk):
    application = application_for(request, pk, permissions.can_edit)
    found = application.files.filter(pk=file_pk).first()
    if found is None:
        raise Http404
    try:
        services.attachment_remove(attachment=found)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Bilaget er fjernet."))
    return redirect("projektudvalg:application-edit", pk=application.pk)


@login_required
@require_safe
def letter(request, pk):
    application = application_for(request, pk, permissions.can_view_letter)
    decision = selectors.letter_decision(application)
    if decision is None:
        raise Http404
    if request.GET.get("format") == "pdf":
        response = HttpResponse(letters.pdf(decision), content_type="application/pdf")
        response["Content-Disposition"] = f'attachment; filename="{letters.filename(decision)}"'
        return response
    return render(request, "projektudvalg/letter.html", letters.context(decision))


@login_required
@require_POST
def final_report(request, pk):
    application = application_for(request, pk, permissions.is_applicant)
    form = FinalReportForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            services.final_report_submit(
                application=application, user=request.user,
                text=form.cleaned_data["text"], files=form.cleaned_data["files"],
            )  # fmt: skip
        except ValidationError as error:
            form.add_error(None, error.messages)
        else:
            messages.success(request, _("Slutrapporten er indsendt."))
            return redirect("projektudvalg:application", pk=application.pk)
    return detail_page(request, application, status=400, report_form=form)


@login_required
@require_safe
def changes(request, pk):
    """What changed between two submitted versions (for staff and the applicant)."""
    application = application_for(request, pk)
    snapshots = list(application.versions.all())
    pairs = [
        (newer, versions.changes(older.data, newer.data))
        for older, newer in itertools.pairwise(snapshots)
    ]
    context = {"application": application, "pairs": pairs}
    return render(request, "projektudvalg/changes.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def withdraw(request, pk):
    """The applicant withdraws the application, after confirming it on this page."""
    application = application_for(request, pk, permissions.is_applicant)
    if request.method == "POST":
        try:
            services.application_withdraw(application=application, user=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Ansøgningen er trukket tilbage."))
        return redirect("projektudvalg:application", pk=application.pk)
    return render(request, "projektudvalg/withdraw.html", {"application": application})
