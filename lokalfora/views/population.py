"""Staff import the areas' population figures: upload, every error or a preview, confirm."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods

from lokalfora import population_import
from lokalfora.forms.population import PopulationFileForm
from lokalfora.models import LocalArea
from lokalfora.permissions import can_import_population
from lokalfora.services.population import population_figures_import


@login_required
@require_http_methods(["GET", "POST"])
def population(request):
    """Upload -> every error, or a preview -> confirm. Nothing is imported half-way."""
    if not can_import_population(request.user):
        raise PermissionDenied
    form = PopulationFileForm()
    context = {"form": form, "areas": LocalArea.objects.with_public_details().order_by("name")}
    status = 200
    if request.method == "POST" and "confirm" in request.POST:
        parsed = population_import.from_token(request.POST.get("confirm", ""), request.user)
        if parsed.ok:
            count = population_figures_import(parsed=parsed)
            text = ngettext(
                "%(count)d befolkningstal er importeret.",
                "%(count)d befolkningstal er importeret.",
                count,
            )
            messages.success(request, text % {"count": count})
            return redirect("tilskud:population")
        context["errors"], status = parsed.errors, 400
    elif request.method == "POST":
        form = PopulationFileForm(request.POST, request.FILES)
        context["form"] = form
        if form.is_valid():
            parsed = population_import.parse(form.cleaned_data["file"].read())
            if parsed.ok:
                context["changes"] = population_import.preview(parsed)
                context["token"] = population_import.to_token(parsed, request.user)
            else:
                context["errors"], status = parsed.errors, 400
        else:
            status = 400
    return render(request, "lokalfora/grants/population.html", context, status=status)
