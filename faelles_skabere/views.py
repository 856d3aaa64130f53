from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from faelles_skabere import selectors, services
from faelles_skabere.forms import ReassignForm, StandInForm
from faelles_skabere.models import CoCreator
from faelles_skabere.permissions import can_manage_assignments
from holbaek.images import content_type


@require_safe
def directory(request):
    return render(request, "faelles_skabere/directory.html", {"co_creators": selectors.directory()})


@require_safe
def photo(request, pk):
    """Profile photos are public, like the profiles; they are served from private storage."""
    co_creator = get_object_or_404(CoCreator.objects.only("photo"), pk=pk)
    if not co_creator.photo:
        raise Http404
    try:
        file = co_creator.photo.open("rb")
    except FileNotFoundError as missing:
        raise Http404 from missing
    response = FileResponse(file, content_type=content_type(co_creator.photo.name))
    response["Cache-Control"] = "public, max-age=300"
    return response


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
            services.reassign_area(**reassign_form.cleaned_data)
        except ValidationError as error:
            reassign_form.add_error(None, error)
        else:
            messages.success(request, _("Området har fået en ny fast fælles-skaber."))
            return redirect("faelles_skabere:assignments")
    elif action == "stand_in" and stand_in_form.is_valid():
        try:
            services.add_stand_in(**stand_in_form.cleaned_data)
        except ValidationError as error:
            stand_in_form.add_error(None, error)
        else:
            messages.success(request, _("Stedfortræderen er sat."))
            return redirect("faelles_skabere:assignments")
    if request.method == "POST":
        status = 400
    context = selectors.assignment_overview(timezone.localdate()) | {
        "reassign_form": reassign_form,
        "stand_in_form": stand_in_form,
        # The page title says "Fejl" when the posted form has errors.
        "form": {"reassign": reassign_form, "stand_in": stand_in_form}.get(action),
    }
    return render(request, "faelles_skabere/assignments.html", context, status=status)
