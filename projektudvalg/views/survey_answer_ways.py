"""The other doors to a survey's answer pages: a personal invitation link, a forum's one
answer given by one of its editors, and staff's entry of answers given on paper or by
phone. `response_store` decides, for each, whether the answer is taken."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from holbaek.caching import private_page
from holbaek.forms import add_refusal
from projektudvalg.forms.survey_answer import PaperForm
from projektudvalg.models import ResponseChannel
from projektudvalg.permissions import can_answer_for_forum, can_see_survey, require_survey_staff
from projektudvalg.selectors import survey_answering as selectors
from projektudvalg.selectors.survey_answering import Way
from projektudvalg.services import survey_responses as responses
from projektudvalg.views import survey_session as session

TEMPLATES = "projektudvalg/surveys/answer/"


def _survey(user, pk):
    survey = selectors.survey_for_page(pk)
    if survey is None or survey.is_external or not can_see_survey(user, survey):
        raise Http404
    return survey


@never_cache
@private_page
@require_http_methods(["GET", "HEAD"])
def survey_invitation(request, token):
    """The personal link: the invitation goes into the session and the visitor on to the
    answer pages (which say so if it was used), so the token leaves the address bar: no
    page is shown at it, whose links would carry it on as a Referer."""
    invitation = responses.invitation_for_token(token)
    if invitation is None or not can_see_survey(request.user, invitation.survey):
        raise Http404
    session.way_remember(request, invitation.survey, invitation=invitation)
    response = redirect("projektudvalg:survey-answer", pk=invitation.survey.pk)
    response.headers["Referrer-Policy"] = "no-referrer"
    return response


@private_page
@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def survey_answer_forum(request, pk, slug):
    """Who answers ("på vegne af …", one answer per forum), and the button that starts
    the forum's answer in this browser."""
    survey = _survey(request.user, pk)
    forum = selectors.forum_in(survey, slug=slug)
    if forum is None:
        raise Http404
    if not can_answer_for_forum(request.user, forum):
        raise PermissionDenied
    way = Way(ResponseChannel.FORUM, user=request.user, forum=forum)
    answered = selectors.has_answered(survey, way)
    accepting = survey.accepts_answers()
    if request.method == "POST" and accepting and not answered:
        session.way_remember(request, survey, forum=forum)
        return redirect("projektudvalg:survey-answer", pk=survey.pk)
    context = {"survey": survey, "forum": forum, "answered": answered, "accepting": accepting}
    status = 403 if request.method == "POST" else 200
    return render(request, TEMPLATES + "forum.html", context, status=status)


@private_page
@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def survey_paper(request, pk):
    """Staff enter an answer given on paper or by phone: every question on one page, the
    conditions applied when it is saved. Then an empty form for the next one."""
    require_survey_staff(request.user)
    survey = _survey(request.user, pk)
    questions = responses.questions_for(survey)
    posted = request.method == "POST"
    form = PaperForm(
        request.POST if posted else None,
        questions=questions,
        all_questions=questions,
        answers={},
        areas=selectors.area_choices(),
    )
    if posted and form.is_valid():
        try:
            responses.response_store(
                survey=survey,
                values=form.values,
                channel=form.cleaned_data["channel"],
                entered_by=request.user,
            )
        except ValidationError as error:
            add_refusal(form, error)
        else:
            messages.success(request, _("Svaret er gemt. Indtast det næste."))
            return redirect("projektudvalg:survey-paper", pk=survey.pk)
    context = {"survey": survey, "form": form}
    return render(request, TEMPLATES + "paper.html", context, status=400 if posted else 200)
