"""A survey's public page, answering it one page per section, and the thank-you page. The
personal invitation link, the forum's answer and staff's paper entry are in
survey_answer_ways.py.

Answering works without JavaScript: the server shows the pages the answers so far give
(`survey_logic.visible_pages`), keeps the answers in the session until they are sent,
and `response_store` decides whether the answer is taken. Every page reads the session,
so every page is private (`private_page`).
"""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from holbaek.caching import private_page
from holbaek.forms import add_refusal
from holbaek.ratelimit import allow_public_form, client_ip
from projektudvalg.forms.survey_answer import SurveyPageForm
from projektudvalg.models import Anonymity, ResponseChannel, SurveyStatus
from projektudvalg.permissions import can_manage_surveys, can_see_survey
from projektudvalg.selectors import survey_answering as selectors
from projektudvalg.services import survey_responses as responses
from projektudvalg.survey_logic import visible_ids, visible_pages
from projektudvalg.views import survey_session as session
from projektudvalg.views.survey_answer_ways import (  # noqa: F401 (the URL map's names)
    survey_answer_forum,
    survey_invitation,
    survey_paper,
)

# Posts to the answer pages (every page counts) per client address and per browser, an hour.
LIMIT_PER_IP = 300
LIMIT_PER_BROWSER = 120
TEMPLATES = "projektudvalg/surveys/answer/"
WATCHED_CHANNELS = {ResponseChannel.LINK, ResponseChannel.SIGNED_IN}


def visible_survey(user, pk, *, external=False):
    """The survey, if this user may see it (a survey run elsewhere has only its page)."""
    survey = selectors.survey_for_page(pk)
    if survey is None or (survey.is_external and not external):
        raise Http404
    if not can_see_survey(user, survey):
        raise Http404
    return survey


@require_safe
@private_page
def survey_detail(request, pk):
    """What the survey is for, who may answer and how, what the anonymity means, the
    notice (GDPR art. 13), the button to answer, and what the answers were used for."""
    survey = visible_survey(request.user, pk, external=True)
    if survey.is_external:
        context = {"survey": survey, "file": selectors.external_file(survey)}
        return render(request, TEMPLATES + "external.html", context)
    now = timezone.now()
    accepting = survey.accepts_answers(now)
    way = session.answer_way(request, survey, new_token=False) if accepting else None
    knowable = way is not None and (bool(way.session_token) or way.channel != "link")
    answered = knowable and selectors.has_answered(survey, way)
    context = {
        "survey": survey,
        "accepting": accepting,
        "not_yet": survey.opens_at is not None and survey.opens_at > now,
        "way": way,
        "answered": answered,
        "needs_login": way is None and _login_helps(request, survey),
        "forums": selectors.forums_for_editor(request.user, survey) if accepting else [],
        "can_manage": can_manage_surveys(request.user),
        "used_decision": _public_decision(survey.used_in_decision),
        "used_news": survey.used_in_news
        if survey.used_in_news_id and survey.used_in_news.is_public
        else None,
    }
    return render(request, TEMPLATES + "detail.html", context)


def _public_decision(item):
    if item is None or (item.is_closed and not item.closed_decision_public):
        return None
    return item


def _login_helps(request, survey) -> bool:
    return not request.user.is_authenticated and (
        survey.audience_signed_in or survey.audience_forums
    )


def _refusal(request, survey, template, *, way=None, posted=False):
    status = 403 if posted else 200
    context = {
        "survey": survey,
        "not_yet": survey.opens_at is not None and survey.opens_at > timezone.now(),
        "way": way,
        "forums": selectors.forums_for_editor(request.user, survey),
    }
    return render(request, TEMPLATES + template, context, status=status)


@require_http_methods(["GET", "HEAD", "POST"])
@private_page
def survey_answer(request, pk, page=1):
    """One page of the answer: "Næste", "Forrige", and on the last page "Send svar"."""
    survey = visible_survey(request.user, pk)
    posted = request.method == "POST"
    if not survey.accepts_answers():
        session.draft_drop(request, survey)  # a draft that cannot be sent now is not kept
        return _refusal(request, survey, "closed.html", posted=posted)
    way = session.answer_way(request, survey)
    if way is None:
        if _login_helps(request, survey):
            return redirect_to_login(request.get_full_path())
        return _refusal(request, survey, "no_way.html", posted=posted)
    if selectors.has_answered(survey, way):
        session.finish(request, survey)
        return _refusal(request, survey, "already.html", way=way, posted=posted)
    if posted and not _allowed(request, way):
        return _page(request, survey, way, page, status=429, limited=True)
    return _page(request, survey, way, page)


def _allowed(request, way) -> bool:
    # One count per account, else per browser (an invitation's way has neither user nor
    # token: a shared count would let one invitee use up every other invitee's posts).
    per_browser = f"user:{way.user.pk}" if way.user else session.session_token(request)
    return allow_public_form(
        request, "survey-answer", per_browser, per_ip=LIMIT_PER_IP, per_email=LIMIT_PER_BROWSER
    )


def _page(request, survey, way, number, *, status=200, limited=False):
    questions = responses.questions_for(survey)
    areas = selectors.area_choices()
    area_ids = frozenset(pk for pk, _name in areas)
    answers = responses.draft_usable(questions, session.draft(request, survey), area_ids=area_ids)
    pages = visible_pages(questions, answers)
    if not pages:
        return _refusal(request, survey, "closed.html")
    if number < 1:
        raise Http404
    if number > len(pages):
        return redirect("projektudvalg:survey-answer-page", pk=survey.pk, page=len(pages))
    shown = visible_ids(questions, answers)
    on_page = [q for q in pages[number - 1] if q.pk in shown]
    posted = request.method == "POST"
    action = request.POST.get("action", "next")
    form = SurveyPageForm(
        request.POST if posted else None,
        questions=on_page,
        all_questions=questions,
        answers=answers,
        areas=areas,
        check_required=action != "back",
    )
    if limited:  # what was typed stays; nothing is kept
        form.is_valid()
        form.add_error(None, _("Der er sendt for mange svar herfra. Prøv igen om en time."))
    elif posted:
        valid = form.is_valid()
        if form.is_spam:  # answered as if it went well, so the robot learns nothing
            session.finish(request, survey)
            return redirect("projektudvalg:survey-thanks", pk=survey.pk)
        done = _after_post(request, survey, way, form, questions, number, action) if valid else None
        if done is not None:
            return done
        status = 400
    context = {
        "survey": survey,
        "form": form,
        "number": number,
        "count": len(pages),
        "last": number == len(pages),
        "identified": survey.anonymity == Anonymity.IDENTIFIED,
    }
    return render(request, TEMPLATES + "page.html", context, status=status)


def _after_post(request, survey, way, form, questions, number, action):
    """The page's answers join the draft; then the next page, the previous one, or the
    answer is sent. None: show this page again (its form carries why)."""
    merged = form.merged()
    session.draft_save(request, survey, merged)
    here = redirect("projektudvalg:survey-answer-page", pk=survey.pk, page=number)
    if action == "back":
        return redirect("projektudvalg:survey-answer-page", pk=survey.pk, page=max(number - 1, 1))
    pages_now = visible_pages(questions, merged)
    current = pages_now[number - 1] if number <= len(pages_now) else []
    shown = visible_ids(questions, merged)
    asked = {q.pk for q in form.questions}
    if any(q.pk in shown and q.pk not in asked for q in current):
        messages.info(request, _("Dit svar gav flere spørgsmål på siden. Besvar dem og gå videre."))
        return here
    if action != "send" or number < len(pages_now):
        target = max(1, min(number + 1, len(pages_now)))
        return redirect("projektudvalg:survey-answer-page", pk=survey.pk, page=target)
    return _send(request, survey, way, form, merged)


def _send(request, survey, way, form, merged):
    # Repeated answers from one address are held for a look: on the open link and from
    # accounts (anyone can make several); invitations and forums are known already.
    address = client_ip(request) if way.channel in WATCHED_CHANNELS else ""
    held = responses.address_answered_recently(survey, address)
    try:
        responses.response_store(survey=survey, values=merged, held=held, **way.store_kwargs())
    except ValidationError as error:
        if str(responses.ALREADY) in error.messages:
            session.finish(request, survey)
            return _refusal(request, survey, "already.html", way=way, posted=True)
        if str(responses.CLOSED) in error.messages:
            session.draft_drop(request, survey)
            return _refusal(request, survey, "closed.html", posted=True)
        add_refusal(form, error)
        return None
    responses.address_remember(survey, address)
    session.finish(request, survey)
    return redirect("projektudvalg:survey-thanks", pk=survey.pk)


@require_safe
@private_page
def survey_thanks(request, pk):
    survey = visible_survey(request.user, pk)
    context = {"survey": survey, "closed": survey.status != SurveyStatus.OPEN}
    return render(request, TEMPLATES + "thanks.html", context)
