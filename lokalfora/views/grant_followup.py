"""Staff and forum pages that follow a year's grant: agreement, payments, accounts."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from holbaek.downloads import download
from holbaek.forms import add_refusal
from lokalfora import permissions
from lokalfora.forms.grant_followup import AccountsForm, AgreementForm, PaymentForm, ReviewForm
from lokalfora.models import AccountsStatus, AnnualAccounts, GrantScheme, LocalArea
from lokalfora.selectors.grant_followup import year_status
from lokalfora.services import grant_followup as followup


def _scheme(year) -> GrantScheme:
    return get_object_or_404(GrantScheme, year=year)


def _area(slug) -> LocalArea:
    return get_object_or_404(LocalArea.objects.select_related("forum"), slug=slug)


@login_required
@require_safe
def overview(request, year):
    """Every area's agreement, payments and accounts for the year, for municipal staff."""
    if not permissions.can_see_overview(request.user):
        raise PermissionDenied
    scheme = _scheme(year)
    statuses = year_status(scheme)
    context = {
        "scheme": scheme,
        "statuses": statuses,
        "can_manage": permissions.can_manage_grants(request.user),
        "overdue": sum(status.is_overdue for status in statuses),
        "payable": sum(not status.blockers for status in statuses),
    }
    return render(request, "lokalfora/grants/overview.html", context)


def _area_page(request, scheme, area, *, status=200, **forms):
    (area_status,) = year_status(scheme, area=area)
    can_manage = permissions.can_manage_grants(request.user)
    can_submit = permissions.can_submit_accounts(request.user, area_status.forum)
    current = area_status.current_accounts
    awaiting = current is not None and current.status == AccountsStatus.SUBMITTED
    if can_manage:
        agreement = area_status.agreement
        forms.setdefault(
            "agreement_form",
            AgreementForm(
                initial={"signed_on": agreement.signed_on, "note": agreement.note}
                if agreement
                else None
            ),
        )
        if not area_status.blockers:
            forms.setdefault("payment_form", PaymentForm())
        if awaiting:
            forms.setdefault("review_form", ReviewForm())
    may_upload = area_status.payments and (
        current is None or current.status == AccountsStatus.RETURNED
    )
    if can_submit and may_upload:
        forms.setdefault("accounts_form", AccountsForm())
    context = {"scheme": scheme, "status": area_status, "can_manage": can_manage, **forms}
    return render(request, "lokalfora/grants/area_status.html", context, status=status)


def _allowed_area(request, year, slug):
    scheme, area = _scheme(year), _area(slug)
    if not permissions.can_see_follow_up(request.user, getattr(area, "forum", None)):
        raise PermissionDenied
    return scheme, area


@login_required
@require_safe
def area_status(request, year, slug):
    scheme, area = _allowed_area(request, year, slug)
    return _area_page(request, scheme, area)


def _manage(request, year, slug):
    scheme, area = _allowed_area(request, year, slug)
    if not permissions.can_manage_grants(request.user):
        raise PermissionDenied
    return scheme, area


def _back(scheme, area):
    return redirect("tilskud:area-status", year=scheme.year, slug=area.slug)


@login_required
@require_POST
def agreement(request, year, slug):
    scheme, area = _manage(request, year, slug)
    form = AgreementForm(request.POST)
    if form.is_valid():
        try:
            followup.cooperation_agreement_register(
                scheme=scheme, area=area, user=request.user, **form.cleaned_data
            )
        except ValidationError as error:
            add_refusal(form, error)
        else:
            messages.success(request, _("Samarbejdsaftalen er registreret."))
            return _back(scheme, area)
    return _area_page(request, scheme, area, status=400, agreement_form=form)


@login_required
@require_POST
def payment(request, year, slug):
    scheme, area = _manage(request, year, slug)
    form = PaymentForm(request.POST)
    if form.is_valid():
        try:
            followup.grant_payment_register(
                scheme=scheme, area=area, user=request.user, **form.cleaned_data
            )
        except ValidationError as error:
            add_refusal(form, error)
        else:
            messages.success(request, _("Udbetalingen er registreret."))
            return _back(scheme, area)
    return _area_page(request, scheme, area, status=400, payment_form=form)


@login_required
@require_POST
def accounts(request, year, slug):
    scheme, area = _allowed_area(request, year, slug)
    if not permissions.can_submit_accounts(request.user, getattr(area, "forum", None)):
        raise PermissionDenied
    form = AccountsForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            followup.annual_accounts_submit(
                scheme=scheme,
                area=area,
                uploaded=form.cleaned_data["file"],
                no_wages=form.cleaned_data["no_wages"],
                user=request.user,
            )
        except ValidationError as error:
            add_refusal(form, error)
        else:
            messages.success(request, _("Regnskabet er indsendt. Kommunen giver besked."))
            return _back(scheme, area)
    return _area_page(request, scheme, area, status=400, accounts_form=form)


def _accounts_of(scheme, area, pk) -> AnnualAccounts:
    found = AnnualAccounts.objects.filter(scheme=scheme, area=area, pk=pk).first()
    if found is None:
        raise Http404
    return found


@login_required
@require_POST
def review(request, year, slug, pk):
    scheme, area = _manage(request, year, slug)
    item = _accounts_of(scheme, area, pk)
    form = ReviewForm(request.POST)
    if form.is_valid():
        try:
            followup.annual_accounts_review(
                accounts=item,
                accept=form.cleaned_data["decision"] == "accept",
                note=form.cleaned_data["note"],
                user=request.user,
            )
        except ValidationError as error:
            add_refusal(form, error)
        else:
            messages.success(request, _("Regnskabet er behandlet, og forummet har fået besked."))
            return _back(scheme, area)
    return _area_page(request, scheme, area, status=400, review_form=form)


@login_required
@require_safe
def accounts_file(request, year, slug, pk):
    scheme, area = _allowed_area(request, year, slug)
    return download(_accounts_of(scheme, area, pk))
