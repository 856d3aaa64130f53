"""A survey's people: its invitees (staff add them, send the links and the reminders), the
answers held for a look, the logged look-up of a pseudonym's key, and a forum's proposals
(the editors propose, staff approve or reject). Every page is private."""

import uuid

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from holbaek.caching import private_page
from lokalfora.models import Forum
from projektudvalg import survey_tasks
from projektudvalg.forms.survey_people import (
    InviteesForm,
    KeyLookupForm,
    ProposalForm,
    RejectForm,
)
from projektudvalg.models import Anonymity, ReviewState, SurveyResponse
from projektudvalg.permissions import can_propose_survey, require_survey_staff
from projektudvalg.selectors import survey_people as selectors
from projektudvalg.services import survey_invitations as invitations
from projektudvalg.services import survey_people as services

PER_PAGE = 25
TEMPLATES = "projektudvalg/surveys/people/"


def _survey(request, pk):
    require_survey_staff(request.user)
    survey = selectors.staff_survey(pk)
    if survey is None:
        raise Http404
    return survey


def _page(request, rows):
    return Paginator(rows, PER_PAGE).get_page(request.GET.get("side"))


@private_page
@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def survey_invitations(request, pk):
    """Add invitees, send their links, remind those who have not answered."""
    survey = _survey(request, pk)
    if not survey.audience_invited:
        messages.error(request, _("Undersøgelsen er ikke for inviterede."))
        return redirect("projektudvalg:survey-manage", pk=survey.pk)
    action = request.POST.get("action")
    form = InviteesForm(request.POST if action == "add" else None)
    if request.method == "POST":
        done = _invitations_action(request, survey, action, form)
        if done is not None:
            return done
    context = {
        "survey": survey,
        "form": form,
        "counts": selectors.invitation_counts(survey),
        "page_obj": _page(request, selectors.invitations(survey)),
        # Who has answered (or was reminded, so had not) beside the answers' days would
        # tell whose an anonymous answer is: the counts only.
        "anonymous": survey.anonymity == Anonymity.ANONYMOUS,
    }
    status = 400 if request.method == "POST" else 200
    return render(request, TEMPLATES + "invitations.html", context, status=status)


def _invitations_action(request, survey, action, form):
    try:
        if action == "add":
            if not form.is_valid():
                return None
            added, skipped = invitations.invitations_add(
                survey=survey, lines=form.cleaned_data["lines"], by=request.user
            )
            messages.success(
                request,
                _("%(added)s inviterede er tilføjet. %(skipped)s var der allerede.")
                % {"added": added, "skipped": skipped},
            )
        elif action == "send":
            invitations.check_sending(survey)
            survey_tasks.send_survey_invitations.enqueue(survey.pk, request.user.pk)
            messages.success(
                request, _("Invitationerne sendes nu. Listen viser, hvem der har fået dem.")
            )
        elif action == "remind":
            invitations.check_reminding(survey)
            survey_tasks.remind_survey_invitees.enqueue(survey.pk, request.user.pk)
            messages.success(request, _("Påmindelserne sendes nu til dem, der ikke har svaret."))
        else:
            messages.error(request, _("Vælg en handling."))
    except ValidationError as error:
        if action == "add":
            form.refuse(error)
            return None
        messages.error(request, " ".join(error.messages))
    return redirect("projektudvalg:survey-invitations", pk=survey.pk)


REVIEW_MESSAGES = {
    ReviewState.COUNTED: gettext_lazy("Svaret tælles med."),
    ReviewState.DISCARDED: gettext_lazy("Svaret er kasseret."),
}


@private_page
@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def survey_held(request, pk):
    """The answers held for a look (repeated answers from one address): count or discard."""
    survey = _survey(request, pk)
    if request.method == "POST":
        state = request.POST.get("state", "")
        response = SurveyResponse.objects.filter(
            survey=survey, pk=_uuid(request.POST.get("response"))
        ).first()
        if response is None:
            raise Http404
        try:
            services.response_review(survey=survey, response=response, state=state, by=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, str(REVIEW_MESSAGES[state]))
        return redirect("projektudvalg:survey-held", pk=survey.pk)
    page = _page(request, selectors.held_responses(survey))
    answers = selectors.answers_of(page.object_list)
    rows = [(response, answers.get(response.pk, [])) for response in page.object_list]
    context = {"survey": survey, "page_obj": page, "rows": rows}
    return render(request, TEMPLATES + "held.html", context)


def _uuid(value):
    try:
        return uuid.UUID(str(value))
    except ValueError:
        raise Http404 from None


@private_page
@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def survey_key_lookup(request, pk):
    """Who is behind a pseudonymous respondent code: shown once, on the post's answer, and
    logged with who asked and why."""
    survey = _survey(request, pk)
    if survey.anonymity != Anonymity.PSEUDONYMOUS:
        raise Http404
    form = KeyLookupForm(request.POST if request.method == "POST" else None)
    found, looked_up = None, False
    if request.method == "POST" and survey.answers_deleted_at is None and form.is_valid():
        try:
            found = services.pseudonym_lookup(survey=survey, by=request.user, **form.cleaned_data)
            looked_up = True
        except ValidationError as error:
            form.refuse(error)
    context = {
        "survey": survey,
        "form": form,
        "found": found,
        "looked_up": looked_up,
        "page_obj": _page(request, selectors.key_lookups(survey)),
    }
    status = 400 if request.method == "POST" and form.errors else 200
    return render(request, TEMPLATES + "key_lookup.html", context, status=status)


@private_page
@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def survey_propose(request, slug):
    """A forum's editors propose a survey for its area, and see their earlier proposals."""
    forum = get_object_or_404(Forum.objects.select_related("area"), area__slug=slug)
    if not can_propose_survey(request.user, forum):
        raise PermissionDenied
    form = ProposalForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            services.survey_propose(forum=forum, data=form.cleaned_data, by=request.user)
        except ValidationError as error:
            form.refuse(error)
        else:
            messages.success(request, _("Tak for forslaget. Udvalgssekretariatet får besked."))
            return redirect("projektudvalg:survey-propose", slug=slug)
    context = {
        "forum": forum,
        "form": form,
        "page_obj": _page(request, selectors.forum_proposals(forum)),
    }
    status = 400 if request.method == "POST" else 200
    return render(request, TEMPLATES + "propose.html", context, status=status)


@private_page
@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def survey_proposal(request, pk):
    """A forum's proposal: staff approve it (a draft to build) or reject it with a reason."""
    survey = _survey(request, pk)
    if survey.proposed_by_forum_id is None:
        raise Http404
    action = request.POST.get("action")
    form = RejectForm(request.POST if action == "reject" else None)
    if request.method == "POST" and (action != "reject" or form.is_valid()):
        try:
            if action == "approve":
                services.survey_approve(survey=survey, by=request.user)
                messages.success(request, _("Forslaget er godkendt og er nu en kladde."))
            elif action == "reject":
                services.survey_reject(survey=survey, reason=form.cleaned_data["reason"],
                                       by=request.user)  # fmt: skip
                messages.success(request, _("Forslaget er afvist. Lokalforummet får besked."))
            else:
                messages.error(request, _("Vælg en handling."))
        except ValidationError as error:
            if action != "reject":
                messages.error(request, " ".join(error.messages))
            else:
                form.refuse(error)
                return _proposal_page(request, survey, form)
        return redirect("projektudvalg:survey-proposal", pk=survey.pk)
    return _proposal_page(request, survey, form)


def _proposal_page(request, survey, form):
    context = {"survey": survey, "forum": survey.proposed_by_forum, "form": form}
    status = 400 if request.method == "POST" else 200
    return render(request, TEMPLATES + "proposal.html", context, status=status)
