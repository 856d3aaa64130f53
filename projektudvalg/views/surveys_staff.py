"""The survey staff's pages (committee staff and administrators): the list, a survey's
form and overview, its status steps, publishing its results, and a survey run elsewhere.
Each page is private (holbaek.caching.private_page); services.surveys and
services.survey_steps check and save."""

import copy

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_safe

from holbaek.caching import private_page
from lokalfora.models import LocalArea
from projektudvalg.forms.surveys_staff import ExternalSurveyForm, PublishForm, SurveyForm
from projektudvalg.models import Anonymity, Survey, SurveyStatus
from projektudvalg.permissions import require_survey_staff
from projektudvalg.selectors import surveys_staff as selectors
from projektudvalg.services import survey_steps as steps
from projektudvalg.services import surveys as services

PER_PAGE = 25
FORM_METHODS = ["GET", "HEAD", "POST"]
# The status steps: the action, its service, its button, what it does, its message.
STEPS = {
    "open": (services.survey_open, gettext_lazy("Åbn (eller planlæg) undersøgelsen"),
             gettext_lazy("Den åbner ved åbningstiden; er den passeret, åbner den nu. Det "
                          "kræver oplysningen om personoplysninger, tiderne og målgruppen."),
             gettext_lazy("Undersøgelsen er åbnet eller planlagt.")),
    "unschedule": (services.survey_unschedule, gettext_lazy("Tilbage til kladde"),
                   gettext_lazy("Den planlagte undersøgelse bliver en kladde igen. Kun før "
                                "det første svar."),
                   gettext_lazy("Undersøgelsen er en kladde igen.")),
    "close": (services.survey_close, gettext_lazy("Luk undersøgelsen nu"),
              gettext_lazy("Der kan ikke længere svares, og optællingerne gemmes. Derefter "
                           "kan resultaterne offentliggøres."),
              gettext_lazy("Undersøgelsen er lukket.")),
    "archive": (services.survey_archive, gettext_lazy("Arkivér undersøgelsen"),
                gettext_lazy("Den flyttes til arkivet. Resultaterne er stadig offentlige."),
                gettext_lazy("Undersøgelsen er arkiveret.")),
}  # fmt: skip
NEXT_STEPS = {
    SurveyStatus.DRAFT: ["open"],
    SurveyStatus.SCHEDULED: ["open", "unschedule", "close"],
    SurveyStatus.OPEN: ["close"],
    SurveyStatus.PUBLISHED: ["archive"],
}


def _survey(pk) -> Survey:
    survey = selectors.staff_survey(pk)
    if survey is None:
        raise Http404
    return survey


def next_steps(survey) -> list[dict]:
    """The steps the survey's status offers (the services decide whether they succeed)."""
    names = NEXT_STEPS.get(survey.status, [])
    if survey.status == SurveyStatus.SCHEDULED and survey.opens_at > timezone.now():
        names = [name for name in names if name != "open"]
    return [
        {"action": name, "label": STEPS[name][1], "explanation": STEPS[name][2]} for name in names
    ]


@private_page
@login_required
@require_safe
def survey_admin(request):
    """Every survey with status tabs (with counts), a filter by area, newest first."""
    require_survey_staff(request.user)
    status = request.GET.get("status", "")
    status = status if status in SurveyStatus.values else ""
    area = LocalArea.objects.filter(slug=request.GET.get("omraade") or "").first()
    surveys = selectors.surveys_for_staff(status=status, area=area)
    page = Paginator(surveys, PER_PAGE).get_page(request.GET.get("side"))
    query = {"status": status, "omraade": area.slug if area else ""}
    counts = selectors.status_counts()
    context = {
        "page_obj": page,
        "status": status,
        "tabs": [(value, label, counts.get(value, 0)) for value, label in SurveyStatus.choices],
        "total": sum(counts.values()),
        "proposed": counts.get(SurveyStatus.PROPOSED, 0),
        "areas": LocalArea.objects.order_by("name"),
        "area": area,
        "query": urlencode({key: value for key, value in query.items() if value}),
    }
    return render(request, "projektudvalg/surveys/staff/admin.html", context)


@private_page
@login_required
@require_http_methods(FORM_METHODS)
def survey_create(request):
    require_survey_staff(request.user)
    return _survey_form(request, None)


@private_page
@login_required
@require_http_methods(FORM_METHODS)
def survey_edit(request, pk):
    """The survey's settings; a survey run elsewhere shows only its own fields."""
    require_survey_staff(request.user)
    survey = _survey(pk)
    if survey.is_external:
        return _external_form(request, survey)
    if survey.status not in services.EDITABLE:
        status = survey.get_status_display()
        messages.error(
            request, _("Undersøgelsen kan ikke ændres, når den er %(status)s.") % {"status": status}
        )
        return redirect("projektudvalg:survey-manage", pk=survey.pk)
    return _survey_form(request, survey)


def _survey_form(request, survey):
    bound = request.method == "POST"
    form = SurveyForm(request.POST if bound else None, instance=copy.copy(survey or Survey()))
    if bound and form.is_valid():
        try:
            saved = services.survey_save(survey=form.instance, by=request.user, areas=form.areas())
        except ValidationError as error:
            form.refuse(error)
        else:
            messages.success(request, _("Undersøgelsen er gemt."))
            return redirect("projektudvalg:survey-manage", pk=saved.pk)
    context = {"form": form, "survey": survey}
    return render(
        request, "projektudvalg/surveys/staff/form.html", context, status=400 if bound else 200
    )


@private_page
@login_required
@require_http_methods(FORM_METHODS)
def survey_external_create(request):
    """Results of a survey run elsewhere (the borgerpanel …), published at once."""
    require_survey_staff(request.user)
    return _external_form(request, None)


def _external_form(request, survey):
    bound = request.method == "POST"
    form = ExternalSurveyForm(
        request.POST if bound else None,
        request.FILES if bound else None,
        instance=copy.copy(survey or Survey()),
    )
    if bound and form.is_valid():
        uploaded = form.cleaned_data.get("results_file")
        try:
            if survey is None:
                saved = steps.survey_external_publish(
                    survey=form.instance, areas=form.areas(), uploaded=uploaded, by=request.user
                )
            else:
                saved = steps.survey_external_save(
                    survey=form.instance, areas=form.areas(), uploaded=uploaded, by=request.user
                )
        except ValidationError as error:
            form.refuse(error)
        else:
            messages.success(request, _("Resultaterne er offentliggjort i arkivet."))
            return redirect("projektudvalg:survey-manage", pk=saved.pk)
    context = {"form": form, "survey": survey}
    return render(
        request, "projektudvalg/surveys/staff/external_form.html", context,
        status=400 if bound else 200,
    )  # fmt: skip


@private_page
@login_required
@require_safe
def survey_manage(request, pk):
    """One survey's overview: status and dates, counts, next steps, its pages, its log."""
    require_survey_staff(request.user)
    survey = _survey(pk)
    context = {
        "survey": survey,
        "responses": selectors.response_counts(survey),
        "invitations": selectors.invitation_counts(survey) if survey.audience_invited else None,
        "questions": selectors.question_count(survey),
        "events": selectors.last_events(survey),
        "steps": next_steps(survey),
        "editable": survey.is_external or survey.status in services.EDITABLE,
        "pseudonymous": survey.anonymity == Anonymity.PSEUDONYMOUS,
    }
    return render(request, "projektudvalg/surveys/staff/manage.html", context)


@private_page
@login_required
@require_http_methods(FORM_METHODS)
def survey_status(request, pk):
    """The status steps: GET explains the possible ones, POST takes one."""
    require_survey_staff(request.user)
    survey = _survey(pk)
    if request.method == "POST":
        action = request.POST.get("action")
        if action not in STEPS:
            messages.error(request, _("Vælg en handling."))
            return redirect("projektudvalg:survey-status", pk=survey.pk)
        step, _label, _explanation, done = STEPS[action]
        try:
            step(survey=survey, by=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect("projektudvalg:survey-status", pk=survey.pk)
        messages.success(request, str(done))
        return redirect("projektudvalg:survey-manage", pk=survey.pk)
    context = {"survey": survey, "steps": next_steps(survey)}
    return render(request, "projektudvalg/surveys/staff/status.html", context)


@private_page
@login_required
@require_http_methods(FORM_METHODS)
def survey_publish(request, pk):
    """Publish a closed survey's chosen questions; once published, change only "Det brugte
    vi svarene til" (the published questions stay as they were)."""
    require_survey_staff(request.user)
    survey = _survey(pk)
    if survey.status != SurveyStatus.CLOSED and not survey.results_are_public:
        messages.error(request, str(steps.NOT_CLOSED))
        return redirect("projektudvalg:survey-manage", pk=survey.pk)
    choose = survey.status == SurveyStatus.CLOSED
    bound = request.method == "POST"
    form = PublishForm(request.POST if bound else None, survey=survey, choose=choose)
    if bound and form.is_valid():
        try:
            if choose:
                steps.survey_publish(survey=survey, public_question_ids=form.question_ids(),
                                     by=request.user, **form.values())  # fmt: skip
            else:
                steps.survey_results_use(survey=survey, by=request.user, **form.values())
        except ValidationError as error:
            form.refuse(error)
        else:
            messages.success(request, _("Resultaterne er offentliggjort.") if choose
                             else _("Det brugte vi svarene til er gemt."))  # fmt: skip
            return redirect("projektudvalg:survey-manage", pk=survey.pk)
    public = [] if choose else list(survey.questions.filter(public=True).order_by("position"))
    context = {"survey": survey, "form": form, "choose": choose, "public_questions": public}
    return render(
        request, "projektudvalg/surveys/staff/publish.html", context, status=400 if bound else 200
    )
