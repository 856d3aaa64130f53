"""A survey's results, read from its counts (`services.survey_tallies`): per option for
the charts and their tables, and per area with small cells suppressed.

The suppression is one rule for every way out (pages, exports, JSON): an area with fewer
than `SMALL_CELL` (5) counted responses is shown as "færre end 5 svar", its numbers never
given, and its answers never broken down; and so is the smallest shown area when the
whole survey's total minus the shown areas would give a hidden area's number
(`hidden_areas`). Callers pass `hidden` to every breakdown of an area.
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from holbaek.charts import bar_chart
from projektudvalg.models import MATRIX_KINDS, SMALL_CELL, QuestionKind
from projektudvalg.services.survey_tallies import responses_total

SUPPRESSED = _("færre end 5 svar")


@dataclass(frozen=True)
class AreaCount:
    area: object  # LocalArea
    count: int | None  # None: suppressed

    @property
    def suppressed(self) -> bool:
        return self.count is None


def hidden_areas(counted, areas) -> frozenset[int]:
    """The areas whose numbers are not shown: those with 1 to 4 responses, and, when the
    shown areas' total would let the hidden ones be found by subtraction from the whole
    (a remainder of 1 to 4), the smallest shown areas too, until it cannot."""
    sizes = {area.pk: responses_total(counted, area.pk) for area in areas}
    hidden = {pk for pk, n in sizes.items() if 0 < n < SMALL_CELL}
    total = responses_total(counted)
    shown = sorted((n, pk) for pk, n in sizes.items() if pk not in hidden and n > 0)
    while shown and 0 < total - sum(n for n, _pk in shown) < SMALL_CELL:
        hidden.add(shown.pop(0)[1])
    return frozenset(hidden)


def is_suppressed(counted, area_id, hidden=frozenset()) -> bool:
    return area_id in hidden or responses_total(counted, area_id) < SMALL_CELL


def area_counts(counted, areas) -> list[AreaCount]:
    """The responses per area, hidden areas suppressed (an area with none shows 0)."""
    hidden = hidden_areas(counted, areas)
    return [
        AreaCount(area=area, count=None if area.pk in hidden else responses_total(counted, area.pk))
        for area in areas
    ]


def option_counts(
    question, counted, area_id=None, row_id=None, hidden=frozenset()
) -> list[tuple[str, int]]:
    """(label, count) for each option of the question, in order, zeros included: a
    several-choices question with 3 options has exactly 3 rows. None for an area under
    the threshold."""
    if area_id is not None and is_suppressed(counted, area_id, hidden):
        return None
    columns = [o for o in question.options.all() if not o.is_row]
    return [(o.label, counted.get((question.pk, o.pk, row_id, "", area_id), 0)) for o in columns]


def value_counts(question, counted, area_id=None, hidden=frozenset()) -> list[tuple[str, int]]:
    """(value, count) for a scale (1 to 5, with its labels at the ends) or a consent."""
    if area_id is not None and is_suppressed(counted, area_id, hidden):
        return None
    if question.kind == QuestionKind.CONSENT:
        return [(str(_("Ja")), counted.get((question.pk, None, None, "1", area_id), 0))]
    labels = {1: question.scale_low_label, 5: question.scale_high_label}
    return [
        (f"{value} ({labels[value]})" if labels.get(value) else str(value),
         counted.get((question.pk, None, None, str(value), area_id), 0))
        for value in range(1, 6)
    ]  # fmt: skip


def chart(question, counted, area_id=None, hidden=frozenset()):
    """The chart of a counted question (None when it has none, or the area is suppressed)."""
    if question.kind in (QuestionKind.SINGLE, QuestionKind.MULTIPLE):
        rows = option_counts(question, counted, area_id, hidden=hidden)
    elif question.kind in (QuestionKind.SCALE, QuestionKind.CONSENT):
        rows = value_counts(question, counted, area_id, hidden)
    else:
        return None
    return None if rows is None else bar_chart(rows)


def matrix_rows(question, counted, area_id=None, hidden=frozenset()):
    """A matrix question: (row label, [(column label, count)]) per row."""
    if question.kind not in MATRIX_KINDS:
        return None
    if area_id is not None and is_suppressed(counted, area_id, hidden):
        return None
    rows = [o for o in question.options.all() if o.is_row]
    return [(row.label, option_counts(question, counted, area_id, row.pk, hidden)) for row in rows]
