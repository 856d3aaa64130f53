"""Staff hand an area to another fælles-skaber and set stand-ins."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from faelles_skabere.forms.assignments import ReassignForm, StandInForm
from faelles_skabere.permissions import can_manage_assignments
from faelles_skabere.selectors.assignments import assignment_overview
from faelles_skabere.services.assignments import assignment_create, stand_in_create
from holbaek.forms import add_refusal


@login_required
@require_http_methods(["GET", "POST"])
def assignments(request):
    """Staff hand an area to another fælles-skaber in one step, and set stand-ins."""
    if not can_manage_assignments(request.user):
        raise PermissionDenied
    action = request.POST.get("action")
    reassign_form = ReassignForm(request.POST if action == "reassign" else None, prefix="skift")
    stand_in_form = StandInForm(request.POST if action == "stand_in" else None, prefix="vikar")
    status = 200
    if action == "reassign" and reassign_form.is_valid():
        try:
            assignment_create(**reassign_form.cleaned_data)
        except ValidationError as error:
            add_refusal(reassign_form, error)
        else:
            messages.success(request, _("Området har fået en ny fast fælles-skaber."))
            return redirect("faelles_skabere:assignments")
    elif action == "stand_in" and stand_in_form.is_valid():
        try:
            stand_in_create(**stand_in_form.cleaned_data)
        except ValidationError as error:
            add_refusal(stand_in_form, error)
        else:
            messages.success(request, _("Stedfortræderen er sat."))
            return redirect("faelles_skabere:assignments")
    if request.method == "POST":
        status = 400
    context = assignment_overview(timezone.localdate()) | {
        "reassign_form": reassign_form,
        "stand_in_form": stand_in_form,
        # The page title says "Fejl" when the posted form has errors.
        "form": {"reassign": reassign_form, "stand_in": stand_in_form}.get(action),
    }
    return render(request, "faelles_skabere/assignments.html", context, status=status)
