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
from projektudvalg import permissions, selectors, services, versions
from projektudvalg.forms import (
    AdvisoryNoteForm,
    AgendaForm,
    AssessmentForm,
    DecisionForm,
    PayoutForm,
    QueueFilterForm,
    RecommendationForm,
)
from projektudvalg.models import FinalReport
from projektudvalg.views.applicant import application_for
from projektudvalg.workflow import APPLICANT_LABELS, actions_from


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


def _case_page(request, application, *, status=200, **forms):
    reviewer = permissions.can_review(request.user)
    criteria = list(application.pool.criteria_list.filter(is_active=True))
    assessments = list(
        application.assessments.select_related("assessor").prefetch_related("scores__criterion")
    )
    mine = next((a for a in assessments if a.assessor_id == request.user.pk), None)
    if reviewer:
        initial = {"notes": mine.notes if mine else ""}
        if mine:
            initial |= {f"score_{s.criterion_id}": s.score for s in mine.scores.all()}
        forms.setdefault("assessment_form", AssessmentForm(initial=initial, criteria=criteria))
        recommendation = getattr(application, "recommendation", None)
        forms.setdefault(
            "recommendation_form",
            RecommendationForm(
                initial={"outcome": recommendation.outcome, "amount": recommendation.amount,
                         "text": recommendation.text} if recommendation else None
            ),
        )  # fmt: skip
        forms.setdefault("decision_form", DecisionForm())
        forms.setdefault("payout_form", PayoutForm())
        forms.setdefault("agenda_form", AgendaForm())
    if permissions.can_advise(request.user, application):
        forms.setdefault("advisory_form", AdvisoryNoteForm())
    snapshots = list(application.versions.all())
    latest_changes = (
        versions.changes(snapshots[-2].data, snapshots[-1].data) if len(snapshots) > 1 else []
    )
    result = services.check(application)
    context = {
        "application": application,
        "reviewer": reviewer,
        "label": APPLICANT_LABELS[application.status],
        "actions": actions_from(application.status),
        "criteria": criteria,
        "assessments": assessments,
        "notes": list(application.advisory_notes.select_related("author")),
        "recommendation": getattr(application, "recommendation", None),
        "decisions": list(application.decisions.select_related("meeting", "decided_by")),
        "letter": permissions.can_view_letter(request.user, application)
        and selectors.letter_decision(application) is not None,
        "lines": list(application.budget_lines.all()),
        "files": list(application.files.all()),
        "payouts": list(application.payouts.all()),
        "reports": list(application.final_reports.all()),
        "agenda": list(application.agenda_items.select_related("meeting")),
        "latest_changes": latest_changes,
        "version_count": len(snapshots),
        "result": result,
        "events": list(application.events.select_related("by")),
        **forms,
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
            services.assess(
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
            services.add_advisory_note(
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
            services.recommend(application=application, user=request.user, **form.cleaned_data)
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
            services.start_review(application=application, user=request.user)
        elif action == "close":
            services.close(application=application, user=request.user)
        elif action == "lapse":
            services.lapse(
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
    form = DecisionForm(request.POST)
    if form.is_valid():
        try:
            services.decide(application=application, user=request.user, **form.cleaned_data)
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
            services.register_payout(
                application=application, user=request.user, **form.cleaned_data
            )
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
    services.accept_final_report(report=report, user=request.user)
    messages.success(request, _("Slutrapporten er godkendt."))
    return _back(application)


@login_required
@require_POST
def add_to_agenda(request, pk):
    application = _reviewer_case(request, pk)
    form = AgendaForm(request.POST)
    if form.is_valid():
        try:
            added = services.add_to_agenda(
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
