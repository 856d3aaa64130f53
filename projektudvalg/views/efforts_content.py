"""An effort's rows, edited by committee staff and the effort's project leads: milestones,
actions, commitments and working groups (a list with a form to add one, and a page per
row), and the budget (one formset). Another effort's row is a 404."""

from collections.abc import Callable
from dataclasses import dataclass

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from holbaek.forms import add_refusal
from projektudvalg import permissions, services
from projektudvalg.forms.effort_content import (
    ActionForm,
    BudgetFormSet,
    CommitmentForm,
    GroupForm,
    budget_initial,
    budget_values,
)
from projektudvalg.forms.efforts import MilestoneForm
from projektudvalg.selectors import efforts_staff as selectors
from projektudvalg.services.effort_content import action_applications

STAFF = "projektudvalg/efforts/staff/"


@dataclass(frozen=True)
class Rows:
    """One kind of row: where it lives, its form, and the service that saves it."""

    url_name: str
    template: str
    rows: Callable  # effort -> the effort's rows, as the page lists them
    form: type
    form_kwargs: Callable  # (effort, user, row) -> the form's extra arguments
    save: Callable  # (effort, form, row) -> the saved row
    saved: str
    delete: Callable | None = None


def _decisions(effort, user, keep):
    """The items a row may point to: a project lead sees only public ones (and the row's)."""
    internal = permissions.can_see_internal_agenda(user)
    return selectors.decision_choices(effort, internal=internal, keep=keep)


def _page(request, effort, spec: Rows, form, row, *, status=200):
    context = {
        "effort": effort,
        "form": form,
        "row": row,
        "rows": spec.rows(effort),
        "can_manage": permissions.can_manage_efforts(request.user),
        "list_url_name": spec.url_name,
    }
    return render(request, STAFF + spec.template, context, status=status)


def rows_page(request, slug, pk=None, *, spec: Rows):
    """The list and a new row's form, or (with `pk`) one row's form."""
    effort = selectors.staff_effort(slug)
    permissions.require_effort_lead(request.user, effort)
    row = get_object_or_404(spec.rows(effort), pk=pk) if pk is not None else None
    form_kwargs = spec.form_kwargs(effort, request.user, row)
    form = spec.form(request.POST or None, instance=row, **form_kwargs)
    if request.method == "POST":
        if form.is_valid():
            try:
                spec.save(effort, form, row)
            except ValidationError as error:
                add_refusal(form, error)
            else:
                messages.success(request, str(spec.saved))
                return redirect(spec.url_name, slug=effort.slug)
        return _page(request, effort, spec, form, row, status=400)
    return _page(request, effort, spec, form, row)


def rows_delete(request, slug, pk, *, spec: Rows):
    effort = selectors.staff_effort(slug)
    permissions.require_effort_lead(request.user, effort)
    spec.delete(get_object_or_404(spec.rows(effort), pk=pk))
    messages.success(request, _("Det er slettet."))
    return redirect(spec.url_name, slug=effort.slug)


MILESTONES = Rows(
    url_name="projektudvalg:effort-milestones",
    template="milestones.html",
    rows=lambda effort: effort.milestones.select_related("agenda_item").annotate(
        event_count=Count("events")
    ),
    form=MilestoneForm,
    form_kwargs=lambda effort, user, row: {
        "decisions": _decisions(effort, user, row.agenda_item_id if row else None)
    },
    save=lambda effort, form, row: services.milestone_save(
        effort=effort, data=form.values(), milestone=row
    ),
    saved=gettext_lazy("Milepælen er gemt, også i lokalområdernes kalendere."),
    delete=lambda row: services.milestone_delete(milestone=row),
)
ACTIONS = Rows(
    url_name="projektudvalg:effort-actions",
    template="actions.html",
    rows=lambda effort: effort.actions.annotate(application_count=Count("applications")),
    form=ActionForm,
    form_kwargs=lambda effort, user, row: {
        "decisions": _decisions(effort, user, row.decision_id if row else None),
        "applications": action_applications(effort),
    },
    save=lambda effort, form, row: services.action_save(
        effort=effort,
        data=form.values(),
        applications=form.cleaned_data["applications"],
        action=row,
    ),
    saved=gettext_lazy("Handlingen er gemt."),
    delete=lambda row: services.action_delete(action=row),
)
COMMITMENTS = Rows(
    url_name="projektudvalg:effort-commitments",
    template="commitments.html",
    rows=lambda effort: effort.commitments.select_related("forum", "group"),
    form=CommitmentForm,
    form_kwargs=lambda effort, user, row: {"effort": effort},
    save=lambda effort, form, row: services.commitment_save(
        effort=effort, data=form.values(), commitment=row
    ),
    saved=gettext_lazy("Forpligtelsen er gemt."),
    delete=lambda row: services.commitment_delete(commitment=row),
)
GROUPS = Rows(
    url_name="projektudvalg:effort-groups",
    template="groups.html",
    rows=lambda effort: effort.working_groups.select_related("contact").annotate(
        member_count=Count("members")
    ),
    form=GroupForm,
    form_kwargs=lambda effort, user, row: {},
    save=lambda effort, form, row: services.group_save(
        effort=effort, data=form.values(), group=row
    ),
    saved=gettext_lazy("Arbejdsgruppen er gemt."),
)


def _view(spec: Rows, *, delete: bool = False):
    if delete:
        view = require_POST(lambda request, slug, pk: rows_delete(request, slug, pk, spec=spec))
    else:
        view = require_http_methods(["GET", "POST"])(
            lambda request, slug, pk=None: rows_page(request, slug, pk, spec=spec)
        )
    return login_required(view)


milestones = _view(MILESTONES)
milestone_delete = _view(MILESTONES, delete=True)
actions = _view(ACTIONS)
action_delete = _view(ACTIONS, delete=True)
commitments = _view(COMMITMENTS)
commitment_delete = _view(COMMITMENTS, delete=True)
groups = _view(GROUPS)


def _budget_page(request, effort, formset, *, refusal=(), status=200):
    context = {
        "effort": effort,
        "formset": formset,
        "refusal": refusal,
        "lines": list(effort.budget_lines.all()),
        "can_manage": permissions.can_manage_efforts(request.user),
    }
    return render(request, STAFF + "budget.html", context, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def budget(request, slug):
    """The budget lines by source and year, with what is spent to date: one formset whose
    rows replace the stored ones (a forged form count saves nothing)."""
    effort = selectors.staff_effort(slug)
    permissions.require_effort_lead(request.user, effort)
    initial = budget_initial(effort)
    formset = BudgetFormSet(request.POST or None, prefix="budget", initial=initial)
    if request.method == "POST":
        if formset.is_valid():
            try:
                services.budget_lines_save(effort=effort, lines=budget_values(formset))
            except ValidationError as error:
                return _budget_page(request, effort, formset, refusal=error.messages, status=400)
            messages.success(request, _("Budgettet er gemt."))
            return redirect("projektudvalg:effort-budget", slug=effort.slug)
        return _budget_page(request, effort, formset, status=400)
    return _budget_page(request, effort, formset)
