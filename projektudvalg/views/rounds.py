"""Committee staff open and adjust application rounds (no admin needed)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from holbaek.forms import add_refusal
from projektudvalg import permissions, selectors, services
from projektudvalg.forms.rounds import RoundForm
from projektudvalg.models import Round


def _page(request, form, round_=None, *, status=200):
    context = {"form": form, "round": round_, "rounds": selectors.round_overview()}
    return render(request, "projektudvalg/rounds.html", context, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def rounds(request, pk=None):
    """Every round with budget and what it has granted; a form to add or change one."""
    permissions.require_reviewer(request.user)
    round_ = get_object_or_404(Round, pk=pk) if pk is not None else None
    form = RoundForm(request.POST or None, instance=round_)
    if request.method == "POST":
        if form.is_valid():
            try:
                if round_ is None:
                    saved = services.round_create(**form.values())
                else:
                    saved = services.round_update(round_=round_, **form.values())
            except ValidationError as error:
                add_refusal(form, error)
            else:
                messages.success(request, _("Runden »%(name)s« er gemt.") % {"name": saved.name})
                return redirect("projektudvalg:rounds")
        return _page(request, form, round_, status=400)
    return _page(request, form, round_)
