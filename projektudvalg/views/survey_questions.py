"""A survey's questions, for committee staff and administrators: the list grouped by page,
the question editor (its fields for its kind, its options, its conditions), deleting,
moving, and "Tjek logikken". The editor works without JavaScript: "Tilføj flere rækker"
posts the form and shows it again, everything typed kept, with more blank rows. Every
write goes through services.survey_questions."""

from dataclasses import dataclass

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.forms.utils import ErrorDict, ErrorList
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from holbaek.caching import private_page
from holbaek.forms import add_refusal
from projektudvalg.forms import survey_questions as question_forms
from projektudvalg.models import QuestionKind, Survey, SurveyKind, SurveyQuestion
from projektudvalg.permissions import require_survey_staff
from projektudvalg.selectors import survey_questions as selectors
from projektudvalg.services import survey_question_rules as rules
from projektudvalg.services import survey_questions as services

TEMPLATES = "projektudvalg/surveys/questions/"
PER_PAGE = 25
MORE_ROWS = 3


def _survey(request, pk) -> Survey:
    require_survey_staff(request.user)
    survey = Survey.objects.filter(pk=pk, kind=SurveyKind.PORTAL).first()
    if survey is None:
        raise Http404
    return survey


def _list_url(survey, page=None, anchor="") -> str:
    url = reverse("projektudvalg:survey-questions", kwargs={"pk": survey.pk})
    if page and str(page).isdigit():
        url += f"?side={page}"
    return url + (f"#{anchor}" if anchor else "")


def _overview_context(request, survey) -> dict:
    questions = services.questions_of(survey)
    rows = selectors.overview(survey, questions)
    return {
        "survey": survey,
        "rows": rows,
        "page_obj": Paginator(rows, PER_PAGE).get_page(request.GET.get("side")),
        "warnings": [row for row in rows if row.warning],
        "may_change": services.may_change_questions(survey),
        "may_add": services.may_change_structure(survey) and len(rows) < rules.MAX_QUESTIONS,
        "kind_form": question_forms.KindForm(auto_id="new-%s"),
    }


@private_page
@login_required
@require_safe
def survey_questions(request, pk):
    """The questions in order, page by page, with what each needs to be shown."""
    survey = _survey(request, pk)
    return render(request, TEMPLATES + "list.html", _overview_context(request, survey))


@private_page
@login_required
@require_safe
def survey_logic(request, pk):
    """ "Tjek logikken": every condition in plain Danish, who depends on whom, and the
    questions that can never be shown."""
    survey = _survey(request, pk)
    context = _overview_context(request, survey)
    rows = context["rows"]
    context["never"] = [row for row in rows if row.never]
    context["independent"] = selectors.nothing_depends_on(rows)
    return render(request, TEMPLATES + "logic.html", context)


@private_page
@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def question_add(request, pk):
    """A new question of the type chosen on the list (?type=…), added last."""
    survey = _survey(request, pk)
    kind = request.GET.get("type", "")
    if kind not in QuestionKind.values:
        context = {"survey": survey, "kind_form": question_forms.KindForm(auto_id="new-%s")}
        status = 400 if request.method == "POST" else 200
        return render(request, TEMPLATES + "choose.html", context, status=status)
    return _editor(request, survey, None, kind)


@private_page
@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def question_edit(request, pk, question_pk):
    """A question's fields, options and conditions; ?type=… shows it as another type."""
    survey = _survey(request, pk)
    question = get_object_or_404(SurveyQuestion, pk=question_pk, survey=survey)
    kind = request.GET.get("type", "")
    return _editor(request, survey, question, kind if kind in QuestionKind.values else None)


@dataclass
class Editor:
    form: object
    options: object
    conditions: object
    stored_options: list

    @property
    def formsets(self) -> list:
        return [formset for formset in (self.options, self.conditions) if formset is not None]

    @property
    def has_errors(self) -> bool:
        return bool(self.form.errors) or any(
            formset.non_form_errors() or any(form.errors for form in formset.forms)
            for formset in self.formsets
        )


def _editor(request, survey, question, kind):
    questions = services.questions_of(survey)
    if question is not None:
        question = next(q for q in questions if q.pk == question.pk)
        kind = kind or question.kind
    earlier = [q for q in questions if question is None or rules.order(q) < rules.order(question)]
    data = request.POST.copy() if request.method == "POST" else None
    more = data is not None and data.get("action") == "more"
    if more:
        _add_rows(data)
    editor = _forms(data, kind, question, earlier, rules.numbers(questions))
    status = 200
    if more:
        _quiet(editor)
    elif data is not None:
        done = _save(request, survey, question, kind, editor)
        if done is not None:
            return done
        status = 400
    context = {
        "survey": survey,
        "question": question,
        "kind": kind,
        "kind_label": QuestionKind(kind).label,
        "editor": editor,
        "form": editor.form,
        "has_earlier": any(not q.is_section for q in earlier),
        "structure_fixed": survey.is_locked,
        "kind_form": question_forms.KindForm(initial={"type": kind}, auto_id="type-%s"),
        "number": rules.numbers(questions).get(question.pk) if question else None,
    }
    return render(request, TEMPLATES + "form.html", context, status=status)


def _forms(data, kind, question, earlier, number_of) -> Editor:
    has_options = question_forms.has_options(kind)
    stored = [o for o in question.options.all()] if question and has_options else []
    choices = question_forms.choices_from(earlier, number_of)
    with_conditions = kind != QuestionKind.SECTION and bool(choices[0])
    form = question_forms.QuestionForm(data, kind=kind, with_conditions=with_conditions,
                                       initial=_question_initial(question))  # fmt: skip
    options = conditions = None
    if has_options:
        initial = [{"label": o.label, "is_other": o.is_other, "is_row": o.is_row} for o in stored]
        options = question_forms.option_formset(
            kind, data, initial=initial, extra=2 if stored else 4
        )
        options.row_name = _("Svarmulighed")
    if with_conditions:
        stored_conditions = question.conditions.all() if question else []
        initial = [{"depends_on": c.depends_on_id, "kind": c.kind, "option": c.option_id,
                    "text": c.text} for c in stored_conditions]  # fmt: skip
        conditions = question_forms.condition_formset(
            data, initial=initial, extra=1, questions=choices[0], options=choices[1]
        )
        conditions.row_name = _("Betingelse")
    return Editor(form=form, options=options, conditions=conditions, stored_options=stored)


def _question_initial(question) -> dict:
    if question is None:
        return {}
    names = rules.FIELDS.keys() - {"kind"}
    initial = {name: getattr(question, name) for name in names}
    initial["conditions_all"] = "1" if question.conditions_all else "0"
    return initial


def _add_rows(data) -> None:
    """ "Tilføj flere rækker": a few more blank rows in each formset (within its limit)."""
    for prefix, most in (("options", rules.MAX_OPTIONS), ("conditions", rules.MAX_CONDITIONS)):
        key = f"{prefix}-TOTAL_FORMS"
        total = data.get(key, "")
        if total.isdigit() and int(total) <= most:
            data[key] = str(min(int(total) + MORE_ROWS, most))


def _quiet(editor) -> None:
    """Shown again to type on: what was typed, without error messages yet."""
    editor.form._errors = ErrorDict()
    for formset in (editor.options, editor.conditions):
        if formset is not None and formset.management_form.is_valid():
            for form in formset.forms:
                form._errors = ErrorDict()
            formset._errors, formset._non_form_errors = [], ErrorList()


def _values(editor):
    options = []
    if editor.options is not None:
        stored = editor.stored_options
        for index, form in enumerate(editor.options.forms):
            if form.is_filled():
                pk = stored[index].pk if index < len(stored) else None
                options.append({"id": pk, **form.cleaned_data})
    conditions = []
    if editor.conditions is not None:
        conditions = [form.cleaned_data for form in editor.conditions.forms if form.is_filled()]
    return options, conditions


def _save(request, survey, question, kind, editor):
    formsets = [f for f in (editor.options, editor.conditions) if f is not None]
    valid = [editor.form.is_valid(), *(formset.is_valid() for formset in formsets)]
    if not all(valid):
        return None
    options, conditions = _values(editor)
    try:
        saved = services.question_save(
            survey=survey, question=question, data=editor.form.values(), options=options,
            conditions=conditions, conditions_all=editor.form.all_conditions(), by=request.user,
        )  # fmt: skip
    except ValidationError as error:
        add_refusal(editor.form, error)
        return None
    messages.success(request, _("Spørgsmålet er gemt."))
    for _question, warning in services.personal_data_warnings(survey, [saved]):
        messages.warning(request, warning)
    return redirect(_list_url(survey, anchor=f"q-{saved.pk}"))


@private_page
@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def question_delete(request, pk, question_pk):
    """Asks first; then deletes through the service (refused once answered, or while
    another question depends on it)."""
    survey = _survey(request, pk)
    question = get_object_or_404(SurveyQuestion, pk=question_pk, survey=survey)
    if request.method == "POST":
        try:
            services.question_delete(question=question, by=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Spørgsmålet er slettet."))
        return redirect(_list_url(survey))
    questions = services.questions_of(survey)
    refusal = None if services.may_change_structure(survey) else str(services.LOCKED)
    current = next(q for q in questions if q.pk == question.pk)
    context = {
        "survey": survey,
        "question": current,
        "number": rules.numbers(questions).get(current.pk),
        "refusal": refusal or rules.delete_refusal(current, questions),
    }
    return render(request, TEMPLATES + "delete.html", context)


@private_page
@login_required
@require_POST
def question_move(request, pk, question_pk):
    """One step up or down (direction=up|down), back to the list's page."""
    survey = _survey(request, pk)
    question = get_object_or_404(SurveyQuestion, pk=question_pk, survey=survey)
    direction = request.POST.get("direction")
    if direction not in ("up", "down"):
        messages.error(request, _("Vælg, om spørgsmålet skal flyttes op eller ned."))
    else:
        try:
            services.question_move(question=question, up=direction == "up", by=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Spørgsmålet er flyttet."))
    return redirect(_list_url(survey, request.POST.get("side"), anchor=f"q-{question.pk}"))
