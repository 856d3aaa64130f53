"""Committee staff's queue and case page; the area's fælles-skaber's advisory note."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from holbaek.forms import add_refusal
from projektudvalg import permissions, selectors, services
from projektudvalg.forms.review import (
    AdvisoryNoteForm,
    AgendaForm,
    AssessmentForm,
    DecisionForm,
    PayoutForm,
    QueueFilterForm,
    RecommendationForm,
)
from projektudvalg.models import APPLICANT_LABELS, FinalReport
from projektudvalg.views.applicant import application_for
from projektudvalg.workflow import actions_from


@login_required
@require_safe
def queue(request):
    permissions.require_reviewer(request.user)
    form = QueueFilterForm(request.GET or None)
    valid = form.is_valid() if request.GET else True
    applications = selectors.queue(form.cleaned_data if request.GET and valid else {})
    if not valid:  # a forged or mistyped filter shows its error, not everything
        applications = applications.none()
    page = Paginator(applications, 50).get_page(request.GET.get("side"))
    rounds = selectors.round_overview({a.round_id for a in page.object_list})
    query = request.GET.copy()
    query.pop("side", None)
    context = {
        "form": form,
        "page": page,
        "rounds": rounds,
        "query": query.urlencode(),
        "filter_invalid": not valid,
        "export_kinds": [
            ("ansoegninger", _("ansøgninger")),
            ("vurderinger", _("vurderinger")),
            ("afgoerelser", _("afgørelser")),
        ],
    }
    return render(request, "projektudvalg/queue.html", context)


def _case(request, pk):
    application = application_for(request, pk)
    if not (
        permissions.can_review(request.user) or permissions.can_advise(request.user, application)
    ):
        raise Http404
    return application


def _default_forms(user, application, case: dict) -> dict:
    """The case page's empty forms, filled with what the user saved before, by role."""
    forms = {}
    if permissions.can_review(user):
        mine = next((a for a in case["assessments"] if a.assessor_id == user.pk), None)
        initial = {"notes": mine.notes if mine else ""}
        if mine:
            initial |= {f"score_{s.criterion_id}": s.score for s in mine.scores.all()}
        recommendation = case["recommendation"]
        forms["assessment_form"] = AssessmentForm(initial=initial, criteria=case["criteria"])
        forms["recommendation_form"] = RecommendationForm(
            initial={"outcome": recommendation.outcome, "amount": recommendation.amount,
                     "text": recommendation.text} if recommendation else None
        )  # fmt: skip
        forms["decision_form"] = DecisionForm(application=application)
        forms["payout_form"] = PayoutForm()
        forms["agenda_form"] = AgendaForm()
    if permissions.can_advise(user, application):
        forms["advisory_form"] = AdvisoryNoteForm()
    return forms


def _case_page(request, application, *, status=200, **forms):
    """The case page; `forms` are the ones posted (with their errors), the rest are empty."""
    case = selectors.case_details(application)
    context = {
        "application": application,
        "reviewer": permissions.can_review(request.user),
        "label": APPLICANT_LABELS[application.status],
        "actions": actions_from(application.status),
        "letter": permissions.can_view_letter(request.user, application)
        and selectors.letter_decision(application) is not None,
        "result": services.application_check(application=application),
        **case,
        **(_default_forms(request.user, application, case) | forms),
    }
    return render(request, "projektudvalg/case.html", context, status=status)


@login_required
@require_safe
def case(request, pk):
    return _case_page(request, _case(request, pk))


def _back(application):
    return redirect("projektudvalg:case", pk=application.pk)


def _reviewer_case(request, pk):
    application = _case(request, pk)
    permissions.require_reviewer(request.user)
    return application


@login_required
@require_POST
def assess(request, pk):
    application = _reviewer_case(request, pk)
    criteria = list(application.pool.criteria_list.filter(is_active=True))
    form = AssessmentForm(request.POST, criteria=criteria)
    if form.is_valid():
        try:
            services.assessment_save(
                application=application, user=request.user, scores=form.scores(),
                notes=form.cleaned_data["notes"],
            )  # fmt: skip
        except ValidationError as error:
            add_refusal(form, error)
        else:
            messages.success(request, _("Din vurdering er gemt."))
            return _back(application)
    return _case_page(request, application, status=400, assessment_form=form)


@login_required
@require_POST
def advise(request, pk):
    application = _case(request, pk)
    if not permissions.can_advise(request.user, application):
        raise PermissionDenied
    form = AdvisoryNoteForm(request.POST)
    if form.is_valid():
        try:
            services.advisory_note_create(
                application=application, user=request.user, text=form.cleaned_data["text"]
            )
        except ValidationError as error:
            add_refusal(form, error)
        else:
            messages.success(request, _("Din bemærkning er gemt."))
            return _back(application)
    return _case_page(request, application, status=400, advisory_form=form)


@login_required
@require_POST
def recommend(request, pk):
    application = _reviewer_case(request, pk)
    form = RecommendationForm(request.POST)
    if form.is_valid():
        try:
            services.recommendation_save(
                application=application, user=request.user, **form.cleaned_data
            )
        except ValidationError as error:
            add_refusal(form, error)
        else:
            messages.success(request, _("Indstillingen er gemt."))
            return _back(application)
    return _case_page(request, application, status=400, recommendation_form=form)


@login_required
@require_POST
def change_status(request, pk):
    """Start the review, or close the case: the buttons without their own form."""
    application = _reviewer_case(request, pk)
    action = request.POST.get("action")
    try:
        if action == "start_review":
            services.review_start(application=application, user=request.user)
        elif action == "close":
            services.application_close(application=application, user=request.user)
        elif action == "lapse":
            services.application_lapse(
                application=application, user=request.user, reason=request.POST.get("reason", "")
            )
        else:
            raise ValidationError(_("Ukendt handling."))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Status er ændret."))
    return _back(application)


@login_required
@require_POST
def decide(request, pk):
    application = _reviewer_case(request, pk)
    form = DecisionForm(request.POST, application=application)
    if form.is_valid():
        try:
            services.decision_record(
                application=application, user=request.user, **form.cleaned_data
            )
        except ValidationError as error:
            add_refusal(form, error)
        else:
            messages.success(request, _("Afgørelsen er registreret, og ansøgeren har fået besked."))
            return _back(application)
    return _case_page(request, application, status=400, decision_form=form)


@login_required
@require_POST
def payout(request, pk):
    application = _reviewer_case(request, pk)
    form = PayoutForm(request.POST)
    if form.is_valid():
        try:
            services.payout_record(application=application, user=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_refusal(form, error)
        else:
            messages.success(request, _("Udbetalingen er registreret."))
            return _back(application)
    return _case_page(request, application, status=400, payout_form=form)


@login_required
@require_POST
def accept_report(request, pk, report_pk):
    application = _reviewer_case(request, pk)
    report = FinalReport.objects.filter(application=application, pk=report_pk).first()
    if report is None:
        raise Http404
    services.final_report_accept(report=report, user=request.user)
    messages.success(request, _("Slutrapporten er godkendt."))
    return _back(application)


@login_required
@require_POST
def add_to_agenda(request, pk):
    application = _reviewer_case(request, pk)
    form = AgendaForm(request.POST)
    if form.is_valid():
        try:
            added = services.agenda_item_add(
                application=application, meeting=form.cleaned_data["meeting"]
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            if added:
                messages.success(request, _("Ansøgningen er sat på dagsordenen."))
            else:
                messages.info(request, _("Ansøgningen er allerede på dagsordenen."))
        return _back(application)
    return _case_page(request, application, status=400, agenda_form=form)
