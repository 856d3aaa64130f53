"""A survey's pages and display conditions, evaluated on the server.

Answering runs one page per section (a `section` question starts a page); a question
is shown only when its conditions hold on the answers given so far, and only when the
questions its conditions look at are shown themselves: a hidden question counts as not
answered, and an answer to it posted anyway is discarded (`prune`). The same rules
drive the answer pages, the staff's paper entry, and the "check logic" page
(`describe`), so the rule lives here once.

Answers are `Value`s keyed by question id; the answer pages build them from the form,
the exports from the stored `SurveyAnswer` rows.
"""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from projektudvalg.models import ConditionKind, QuestionKind


@dataclass(frozen=True)
class Value:
    """One question's answer. `options`: chosen option ids (one/several choices, the
    matrix's columns are in `rows`); `other`: the "andet" text; `rows`: matrix row id →
    chosen column ids; `ranks`: option id → rank (1 is first); `number` also holds the
    scale value and consent (1); `date` is an ISO date; `area`: a LocalArea id."""

    options: tuple[int, ...] = ()
    other: str = ""
    text: str = ""
    number: int | None = None
    date: str = ""
    area: int | None = None
    rows: dict[int, tuple[int, ...]] = field(default_factory=dict)
    ranks: dict[int, int] = field(default_factory=dict)

    @property
    def is_empty(self) -> bool:
        return not (
            self.options
            or self.other.strip()
            or self.text.strip()
            or self.number is not None
            or self.date
            or self.area is not None
            or any(self.rows.values())
            or self.ranks
        )

    def contains(self, needle: str) -> bool:
        needle = needle.casefold()
        return needle in self.text.casefold() or needle in self.other.casefold()


EMPTY = Value()


def condition_holds(condition, answers: dict[int, Value]) -> bool:
    value = answers.get(condition.depends_on_id, EMPTY)
    match condition.kind:
        case ConditionKind.ANSWERED:
            return not value.is_empty
        case ConditionKind.NOT_ANSWERED:
            return value.is_empty
        case ConditionKind.EQUALS:
            return condition.option_id in value.options
        case ConditionKind.NOT_EQUALS:
            return not value.is_empty and condition.option_id not in value.options
        case ConditionKind.CONTAINS:
            return value.contains(condition.text)
    return False


def visible_ids(questions, answers: dict[int, Value]) -> set[int]:
    """The questions shown for these answers, in position order (`questions` must have
    their `conditions` prefetched). A question whose condition looks at a hidden question
    sees that question as not answered."""
    shown: set[int] = set()
    effective: dict[int, Value] = {}
    for question in questions:
        conditions = list(question.conditions.all())
        if conditions:
            results = [condition_holds(c, effective) for c in conditions]
            holds = all(results) if question.conditions_all else any(results)
        else:
            holds = True
        if holds:
            shown.add(question.pk)
            if question.pk in answers:
                effective[question.pk] = answers[question.pk]
    return shown


def prune(questions, answers: dict[int, Value]) -> dict[int, Value]:
    """The answers without those to hidden questions (and to sections or unknown ids)."""
    shown = visible_ids(questions, answers)
    known = {q.pk for q in questions if not q.is_section}
    return {
        pk: value
        for pk, value in answers.items()
        if pk in shown and pk in known and not value.is_empty
    }


def pages(questions) -> list[list]:
    """The questions split into pages: a section question starts a new page and heads it.
    Questions before the first section make the first page."""
    result: list[list] = []
    for question in questions:
        if question.kind == QuestionKind.SECTION or not result:
            result.append([])
        result[-1].append(question)
    return result


def visible_pages(questions, answers: dict[int, Value]) -> list[list]:
    """The pages that have a shown question for these answers (a section heading alone
    does not make a page worth showing)."""
    shown = visible_ids(questions, answers)
    return [
        page for page in pages(questions) if any(q.pk in shown and not q.is_section for q in page)
    ]


def describe(condition) -> str:
    """The condition in plain Danish, for the "check logic" page and the question editor."""
    asked = condition.depends_on.text
    match condition.kind:
        case ConditionKind.ANSWERED:
            return _("“%(question)s” er besvaret") % {"question": asked}
        case ConditionKind.NOT_ANSWERED:
            return _("“%(question)s” er ikke besvaret") % {"question": asked}
        case ConditionKind.EQUALS:
            return _("svaret på “%(question)s” er “%(option)s”") % {
                "question": asked,
                "option": condition.option.label if condition.option else "",
            }
        case ConditionKind.NOT_EQUALS:
            return _("“%(question)s” er besvaret, men ikke med “%(option)s”") % {
                "question": asked,
                "option": condition.option.label if condition.option else "",
            }
        case ConditionKind.CONTAINS:
            return _("svaret på “%(question)s” indeholder “%(text)s”") % {
                "question": asked,
                "text": condition.text,
            }
    return ""


def describe_question(question) -> str:
    """ "Vises kun, hvis A og B." / "Vises kun, hvis A eller B." / "Vises altid."."""
    parts = [describe(c) for c in question.conditions.all()]
    if not parts:
        return _("Vises altid.")
    joiner = _(" og ") if question.conditions_all else _(" eller ")
    return _("Vises kun, hvis %(conditions)s.") % {"conditions": joiner.join(parts)}
