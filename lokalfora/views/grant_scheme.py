"""Committee staff set a year's scheme and approve its amounts (no admin needed)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from holbaek.dates import add_months
from holbaek.forms import add_refusal
from lokalfora import permissions
from lokalfora.forms.grants import ApproveForm, BandFormSet, SchemeForm
from lokalfora.models import GrantScheme
from lokalfora.selectors.grants import compute_draft, year_view
from lokalfora.services.grants import grant_scheme_approve, grant_scheme_save


def a_year_later(day):
    """The same date a year later; 29 February becomes 28 February."""
    return add_months(day, 12)


def _require_manager(request):
    if not permissions.can_manage_grants(request.user):
        raise PermissionDenied


def _edit_page(request, scheme, form, formset, *, status=200, approve_form=None):
    if scheme is not None and scheme.pk:
        # The form may have changed the instance's fields (even its year): use the saved one.
        scheme = GrantScheme.objects.get(pk=scheme.pk)
    context = {"scheme": scheme, "form": form, "formset": formset}
    if scheme is not None and scheme.pk:
        view = year_view(scheme.year, user=request.user)
        grants, problems = compute_draft(scheme)
        approved = {line.area_id: line.amount for line in view.grants} if view.version else {}
        context |= {
            "view": view,
            "draft": [(grant, approved.get(grant.area.pk)) for grant in grants],
            "draft_problems": problems,
            "approve_form": approve_form or ApproveForm(),
        }
    return render(request, "lokalfora/grants/scheme_form.html", context, status=status)


def _save(request, scheme, form, formset):
    if form.is_valid() and formset.is_valid():
        try:
            saved = grant_scheme_save(scheme=scheme, **form.scheme_data(), bands=formset.bands())
        except ValidationError as error:
            add_refusal(form, error)
        else:
            messages.success(
                request, _("Tilskudsmodellen for %(year)s er gemt.") % {"year": saved.year}
            )
            return redirect("tilskud:scheme", year=saved.year)
    return _edit_page(request, scheme, form, formset, status=400)


@login_required
@require_http_methods(["GET", "POST"])
def scheme_edit(request, year):
    _require_manager(request)
    scheme = get_object_or_404(GrantScheme, year=year)
    if request.method == "POST":
        form = SchemeForm(request.POST, instance=scheme)
        formset = BandFormSet(request.POST, instance=scheme, prefix="bands")
        return _save(request, scheme, form, formset)
    form = SchemeForm(instance=scheme)
    formset = BandFormSet(instance=scheme, prefix="bands")
    return _edit_page(request, scheme, form, formset)


@login_required
@require_http_methods(["GET", "POST"])
def scheme_new(request):
    """A new year, prefilled from the latest one."""
    _require_manager(request)
    if request.method == "POST":
        form = SchemeForm(request.POST)
        formset = BandFormSet(request.POST, instance=GrantScheme(), prefix="bands")
        return _save(request, None, form, formset)
    latest = GrantScheme.objects.order_by("-year").first()
    initial = {}
    if latest is not None:
        initial = {
            name: getattr(latest, name)
            for name in ("kind", "base", "rate", "floor", "cap", "total_budget")
        } | {
            "year": latest.year + 1,
            "population_date": a_year_later(latest.population_date),
        }
    form = SchemeForm(initial=initial)
    formset = BandFormSet(instance=GrantScheme(), prefix="bands")
    return _edit_page(request, None, form, formset)


@login_required
@require_POST
def approve(request, year):
    _require_manager(request)
    scheme = get_object_or_404(GrantScheme, year=year)
    form = ApproveForm(request.POST)
    if form.is_valid():
        try:
            version = grant_scheme_approve(
                scheme=scheme, user=request.user, reason=form.cleaned_data["reason"]
            )
        except ValidationError as error:
            form.add_error("reason" if error.code == "reason" else None, error.messages)
        else:
            text = _("Tilskuddet for %(year)s er godkendt som version %(number)d.")
            messages.success(request, text % {"year": year, "number": version.number})
            return redirect("tilskud:scheme", year=year)
    form_page = SchemeForm(instance=scheme)
    formset = BandFormSet(instance=scheme, prefix="bands")
    return _edit_page(request, scheme, form_page, formset, status=400, approve_form=form)
