"""The question editor's and the "Tjek logikken" page's reads: every question of a survey
in order, with its number, its page, its conditions in plain Danish, the questions that
depend on it, the buttons that work, and the questions that can never be shown. One
load of the questions (options and conditions prefetched), whatever their number."""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from projektudvalg import survey_logic
from projektudvalg.models import CHOICE_KINDS, ConditionKind, QuestionKind
from projektudvalg.services import survey_question_rules as rules
from projektudvalg.services import survey_questions as services

NEEDS_AN_ANSWER = {ConditionKind.ANSWERED, ConditionKind.EQUALS, ConditionKind.NOT_EQUALS,
                   ConditionKind.CONTAINS}  # fmt: skip


@dataclass
class Row:
    question: object
    number: int | None
    page: int
    heading: str
    shown_when: str
    dependents: list[int] = field(default_factory=list)
    dependents_text: str = ""
    delete_refusal: str | None = None
    up_refusal: str | None = None
    down_refusal: str | None = None
    warning: str = ""
    never: str = ""


def overview(survey, questions=None) -> list[Row]:
    questions = services.questions_of(survey) if questions is None else questions
    number_of = rules.numbers(questions)
    warnings = dict((q.pk, text) for q, text in services.personal_data_warnings(survey, questions))
    never = never_shown(questions)
    structure = services.may_change_structure(survey)
    rows = []
    for page_number, page in enumerate(survey_logic.pages(questions), start=1):
        heading = page[0].text if page[0].is_section else ""
        for question in page:
            rows.append(_row(question, page_number, heading, questions, number_of))
    for index, row in enumerate(rows):
        pk = row.question.pk
        row.warning, row.never = warnings.get(pk, ""), never.get(pk, "")
        if not structure:
            row.delete_refusal = row.up_refusal = row.down_refusal = str(services.LOCKED)
            continue
        row.delete_refusal = rules.delete_refusal(row.question, questions)
        row.up_refusal = rules.move_refusal(questions, index, up=True)
        row.down_refusal = rules.move_refusal(questions, index, up=False)
    return rows


def _row(question, page_number, heading, questions, number_of) -> Row:
    dependents = rules.dependents_of(question.pk, questions)
    text = ""
    if dependents:
        who = rules.numbered(dependents, number_of).capitalize()
        text = _("%(who)s afhænger af dette.") % {"who": who}
    return Row(
        question=question,
        number=number_of.get(question.pk),
        page=page_number,
        heading=heading,
        shown_when="" if question.is_section else survey_logic.describe_question(question),
        dependents=dependents,
        dependents_text=text,
    )


def never_shown(questions) -> dict[int, str]:
    """Question id → why it can never be shown: a condition on a later question (or on
    itself), on a question that is never shown, on an option of another question, or
    conditions that contradict each other (og)."""
    result: dict[int, str] = {}
    seen: dict[int, object] = {}
    for question in questions:
        conditions = list(question.conditions.all())
        if conditions:
            reasons = [_impossible(c, seen, result) for c in conditions]
            if question.conditions_all:
                reason = next((r for r in reasons if r), "") or _contradiction(conditions, seen)
            else:
                reason = reasons[0] if all(reasons) else ""
            if reason:
                result[question.pk] = reason
        seen[question.pk] = question
    return result


def _impossible(condition, seen, hidden) -> str:
    """Why the condition can never hold, or ""."""
    target = seen.get(condition.depends_on_id)
    if condition.kind not in NEEDS_AN_ANSWER:
        return ""
    if target is None:
        return _("En betingelse ser på et senere spørgsmål, som endnu ikke er besvaret.")
    if target.pk in hidden:
        return _("En betingelse ser på et spørgsmål, der aldrig vises.")
    if condition.kind in (ConditionKind.EQUALS, ConditionKind.NOT_EQUALS):
        options = {o.pk for o in target.options.all() if not o.is_row}
        if target.kind not in CHOICE_KINDS or condition.option_id not in options:
            return _("En betingelse ser på en svarmulighed, spørgsmålet ikke har.")
    return ""


def _contradiction(conditions, seen) -> str:
    """All must hold, but two of them cannot hold at once."""
    by_target: dict[int, list] = {}
    for condition in conditions:
        by_target.setdefault(condition.depends_on_id, []).append(condition)
    for target_pk, group in by_target.items():
        kinds = {c.kind for c in group}
        equals = {c.option_id for c in group if c.kind == ConditionKind.EQUALS}
        not_equals = {c.option_id for c in group if c.kind == ConditionKind.NOT_EQUALS}
        target = seen.get(target_pk)
        single = target is not None and target.kind == QuestionKind.SINGLE
        if (
            (ConditionKind.NOT_ANSWERED in kinds and kinds & NEEDS_AN_ANSWER)
            or equals & not_equals
            or (single and len(equals) > 1)
        ):
            return _("Betingelserne modsiger hinanden, og alle skal være opfyldt.")
    return ""


def nothing_depends_on(rows) -> list[Row]:
    return [row for row in rows if not row.dependents and not row.question.is_section]
