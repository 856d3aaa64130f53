"""A survey's results, read from its counts (`services.survey_tallies`): per option for
the charts and their tables, and per area with small cells suppressed.

The suppression is one rule for every way out (pages, exports, JSON): an area with fewer
than `SMALL_CELL` (5) counted responses is shown as "færre end 5 svar", its numbers never
given, and its answers never broken down.
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


def is_suppressed(counted, area_id) -> bool:
    return responses_total(counted, area_id) < SMALL_CELL


def area_counts(counted, areas) -> list[AreaCount]:
    """The responses per area, an area under the threshold suppressed (0 is shown as 0)."""
    rows = []
    for area in areas:
        n = responses_total(counted, area.pk)
        rows.append(AreaCount(area=area, count=n if n == 0 or n >= SMALL_CELL else None))
    return rows


def option_counts(question, counted, area_id=None, row_id=None) -> list[tuple[str, int]]:
    """(label, count) for each option of the question, in order, zeros included: a
    several-choices question with 3 options has exactly 3 rows. None for an area under
    the threshold."""
    if area_id is not None and is_suppressed(counted, area_id):
        return None
    columns = [o for o in question.options.all() if not o.is_row]
    return [(o.label, counted.get((question.pk, o.pk, row_id, "", area_id), 0)) for o in columns]


def value_counts(question, counted, area_id=None) -> list[tuple[str, int]]:
    """(value, count) for a scale (1 to 5, with its labels at the ends) or a consent."""
    if area_id is not None and is_suppressed(counted, area_id):
        return None
    if question.kind == QuestionKind.CONSENT:
        return [(str(_("Ja")), counted.get((question.pk, None, None, "1", area_id), 0))]
    labels = {1: question.scale_low_label, 5: question.scale_high_label}
    return [
        (f"{value} ({labels[value]})" if labels.get(value) else str(value),
         counted.get((question.pk, None, None, str(value), area_id), 0))
        for value in range(1, 6)
    ]  # fmt: skip


def chart(question, counted, area_id=None):
    """The chart of a counted question (None when it has none, or the area is suppressed)."""
    if question.kind in (QuestionKind.SINGLE, QuestionKind.MULTIPLE):
        rows = option_counts(question, counted, area_id)
    elif question.kind in (QuestionKind.SCALE, QuestionKind.CONSENT):
        rows = value_counts(question, counted, area_id)
    else:
        return None
    return None if rows is None else bar_chart(rows)


def matrix_rows(question, counted, area_id=None):
    """A matrix question: (row label, [(column label, count)]) per row."""
    if question.kind not in MATRIX_KINDS:
        return None
    if area_id is not None and is_suppressed(counted, area_id):
        return None
    rows = [o for o in question.options.all() if o.is_row]
    return [(row.label, option_counts(question, counted, area_id, row.pk)) for row in rows]
