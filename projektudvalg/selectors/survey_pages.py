"""A survey's results as its pages, its JSON and its CSV show them, from its counts.

Published results read the STORED counts (`survey_tallies.stored`, kept at closing and
before the raw answers are deleted), so they outlive the answers; staff's live results
read the live counts (`survey_tallies.count`) while the answers exist. Whatever the
number of questions and answers, a survey's results cost a fixed number of queries:
its questions and their options (2), the counts (1, or 4 live), the areas (1) and, when
free-text answers are shown, those texts (1).

What is shown (`Audience`):
- the public: only the questions staff made public (`public=True`); a public free-text
  question shows its number of answers and at most the latest `TEXTS` (50) texts, as long
  as the raw answers exist (after the retention date only the number stays). The area
  breakdowns are shown only when the survey's lokalområde question is public, since
  that question's answers are what the breakdowns count.
- staff: every question, free text included (the latest 50 per question, with the count),
  and every area's breakdown.
- a fælles-skaber: the counted kinds only (no free text, no dates), and the breakdown of
  the areas they follow only.
Everyone: an area with 1 to 4 answers, and any area that would give one away by
subtraction, is "færre end 5 svar" (`survey_results.hidden_areas`), its numbers never
given, its answers never broken down. And a survey with only 1 to 4 responses shows the
public and the fælles-skabere none of its numbers (`too_few`), since they would be
those of the suppressed areas it was answered from.
"""

from dataclasses import dataclass, field

from django.db.models import F, Q, Window
from django.db.models.functions import RowNumber

from holbaek.charts import bar_chart
from lokalfora.models import LocalArea
from projektudvalg.models import (
    COUNTED_KINDS,
    MATRIX_KINDS,
    SMALL_CELL,
    QuestionKind,
    ReviewState,
    SurveyAnswer,
    SurveyQuestion,
)
from projektudvalg.selectors.survey_figures import number_result, ranking_result
from projektudvalg.selectors.survey_results import (
    SUPPRESSED,
    area_counts,
    chart,
    hidden_areas,
    matrix_rows,
    option_counts,
    value_counts,
)
from projektudvalg.services import survey_tallies

TEXTS = 50  # free-text answers shown per question: the latest
TEXT_KINDS = (QuestionKind.SHORT_TEXT, QuestionKind.LONG_TEXT, QuestionKind.DATE)
BROKEN_DOWN = (QuestionKind.SINGLE, QuestionKind.MULTIPLE, QuestionKind.SCALE,
               QuestionKind.CONSENT)  # fmt: skip


@dataclass(frozen=True)
class Audience:
    all_questions: bool = False  # False: only the public ones
    free_text: bool = True  # False: the counted kinds only
    area_ids: frozenset | None = None  # the areas whose breakdown is shown; None: all
    few_shown: bool = False  # True: a survey with 1 to 4 responses shows its counts


PUBLIC = Audience()
STAFF = Audience(all_questions=True, few_shown=True)


def co_creator_audience(area_ids) -> Audience:
    return Audience(all_questions=True, free_text=False, area_ids=frozenset(area_ids))


@dataclass(frozen=True)
class AreaRows:
    area: object  # LocalArea
    rows: list | None  # (label, count) per option or value; None: suppressed

    @property
    def suppressed(self) -> bool:
        return self.rows is None


@dataclass(frozen=True)
class MatrixRow:
    label: str
    chart: object
    columns: list  # (column label, count)
    chart_id: str


@dataclass
class QuestionResult:
    question: object  # SurveyQuestion
    number: int
    answered: int
    rows: list = field(default_factory=list)  # the data table: (label, count)
    chart: object = None  # holbaek.charts.Chart
    matrix: list | None = None  # MatrixRow
    ranking: object = None  # survey_figures.Ranking
    numbers: object = None  # survey_figures.Numbers
    areas: list = field(default_factory=list)  # AreaRows
    texts: list | None = None

    @property
    def chart_id(self) -> str:
        return f"q{self.number}"

    @property
    def shape(self) -> str:
        """Which part of the page draws it."""
        kind = self.question.kind
        if kind in MATRIX_KINDS:
            return "matrix"
        if kind == QuestionKind.RANKING:
            return "ranking"
        if kind == QuestionKind.NUMBER:
            return "number"
        if kind in TEXT_KINDS:
            return "text"
        return "area" if kind == QuestionKind.AREA else "choice"


@dataclass
class SurveyResults:
    survey: object
    responses: int
    areas: list  # survey_results.AreaCount, the shown ones
    questions: list  # QuestionResult
    answers_deleted: bool
    suppressed_label: str = str(SUPPRESSED)
    too_few: bool = False  # 1 to 4 responses: nothing shown (responses is None)


def _questions(survey, audience: Audience) -> list:
    questions = SurveyQuestion.objects.filter(survey=survey).exclude(kind=QuestionKind.SECTION)
    if not audience.all_questions:
        questions = questions.filter(public=True)
    if not audience.free_text:
        questions = questions.filter(kind__in=COUNTED_KINDS)
    return list(questions.prefetch_related("options").order_by("position", "id"))


def _areas(survey, counted) -> list:
    """The survey's areas and any other area answered: 1 query."""
    answered = {key[4] for key in counted if key[0] is None and key[4] is not None}
    chosen = Q(pk__in=answered) | Q(pk__in=survey.areas.through.objects.filter(
        survey=survey).values("localarea_id"))  # fmt: skip
    return list(LocalArea.objects.filter(chosen).order_by("name"))


def latest_texts(question_ids, limit: int = TEXTS) -> dict[int, list[str]]:
    """The latest counted free-text (or date) answers per question, at most `limit` each:
    1 query, whatever the number of questions. Newest day first; within a day the random
    ids decide, so the order says nothing about who answered when."""
    if not question_ids:
        return {}
    ranked = (
        SurveyAnswer.objects.filter(
            question_id__in=question_ids, response__review=ReviewState.COUNTED,
            option__isnull=True,
        )
        .filter(~Q(text="") | Q(date__isnull=False))
        .annotate(place=Window(RowNumber(), partition_by=[F("question_id")],
                               order_by=[F("response__submitted_on").desc(), F("pk")]))
        .filter(place__lte=limit)
        .order_by("question_id", "place")
        .values_list("question_id", "text", "date")
    )  # fmt: skip
    texts: dict[int, list[str]] = {}
    for question_id, text, date in ranked:
        texts.setdefault(question_id, []).append(text or date.strftime("%d.%m.%Y"))
    return texts


def _breakdown(question, counted, areas, hidden, audience) -> list[AreaRows]:
    if question.kind not in BROKEN_DOWN:
        return []
    shown = []
    for area in areas:
        if audience.area_ids is not None and area.pk not in audience.area_ids:
            continue
        if survey_tallies.responses_total(counted, area.pk) == 0:
            continue
        if question.kind in (QuestionKind.SINGLE, QuestionKind.MULTIPLE):
            rows = option_counts(question, counted, area.pk, hidden=hidden)
        else:
            rows = value_counts(question, counted, area.pk, hidden)
        shown.append(AreaRows(area=area, rows=rows))
    return shown


def _matrix(question, counted, number) -> list[MatrixRow]:
    rows = enumerate(matrix_rows(question, counted), 1)
    return [MatrixRow(label, bar_chart(columns), columns, f"q{number}-r{index}")
            for index, (label, columns) in rows]  # fmt: skip


def _area_question(result: QuestionResult, area_rows) -> None:
    result.rows = [(row.area.name, row.count) for row in area_rows]
    result.chart = bar_chart((row.area.name, row.count) for row in area_rows if not row.suppressed)


def question_result(question, number, counted, *, areas, hidden, audience, by_value):
    """One question's result: its table, its chart, and its breakdown by area."""
    answered = counted.get((question.pk, None, None, "", None), 0)
    result = QuestionResult(question=question, number=number, answered=answered)
    kind = question.kind
    if kind in (QuestionKind.SINGLE, QuestionKind.MULTIPLE):
        result.rows = option_counts(question, counted)
    elif kind in (QuestionKind.SCALE, QuestionKind.CONSENT):
        result.rows = value_counts(question, counted)
    elif kind in MATRIX_KINDS:
        result.matrix = _matrix(question, counted, number)
    elif kind == QuestionKind.RANKING:
        result.ranking = ranking_result(question, by_value.get(question.pk, {}))
        result.chart = bar_chart(result.ranking.first_places)
    elif kind == QuestionKind.NUMBER:
        result.numbers = number_result(by_value.get(question.pk, {}))
        result.rows = result.numbers.rows
        result.chart = bar_chart(result.rows) if result.rows else None
    if kind in BROKEN_DOWN:
        result.chart = chart(question, counted)
    result.areas = _breakdown(question, counted, areas, hidden, audience)
    return result


def _values_by_question(counted) -> dict[int, dict]:
    """question → {(option_id, value): count} of the whole survey's value counts (rank
    positions, numbers): one pass over the counts, not one per question."""
    values: dict[int, dict] = {}
    for (question_id, option_id, _row, value, area_id), n in counted.items():
        if question_id is not None and value and area_id is None:
            values.setdefault(question_id, {})[(option_id, value)] = n
    return values


def survey_results(survey, counted, audience: Audience = PUBLIC) -> SurveyResults:
    """The results of the survey from `counted` (stored or live counts), as `audience`
    may see them. A survey with 1 to 4 responses shows the public and the fælles-skabere
    none of its numbers: they would be those of its (suppressed) areas."""
    total = survey_tallies.responses_total(counted)
    if 0 < total < SMALL_CELL and not audience.few_shown:
        return SurveyResults(survey=survey, responses=None, areas=[], questions=[],
                             answers_deleted=survey.answers_deleted_at is not None,
                             too_few=True)  # fmt: skip
    questions = _questions(survey, audience)
    areas = _areas(survey, counted)
    hidden = hidden_areas(counted, areas)
    by_area = audience.all_questions or any(q.kind == QuestionKind.AREA for q in questions)
    if not by_area:
        areas, hidden = [], frozenset()
    by_value = _values_by_question(counted)
    results = [
        question_result(question, number, counted, areas=areas, hidden=hidden,
                        audience=audience, by_value=by_value)
        for number, question in enumerate(questions, 1)
    ]  # fmt: skip
    shown = [row for row in area_counts(counted, areas) if row.count != 0]
    if audience.area_ids is not None:
        shown = [row for row in shown if row.area.pk in audience.area_ids]
    for result in results:
        if result.question.kind == QuestionKind.AREA:
            _area_question(result, shown)
    _add_texts(survey, results)
    return SurveyResults(
        survey=survey,
        responses=total,
        areas=shown,
        questions=results,
        answers_deleted=survey.answers_deleted_at is not None,
    )


def _add_texts(survey, results) -> None:
    wanted = [r for r in results if r.question.kind in TEXT_KINDS]
    if not wanted or survey.answers_deleted_at is not None:
        return
    texts = latest_texts([r.question.pk for r in wanted])
    for result in wanted:
        result.texts = texts.get(result.question.pk, [])


def published_results(survey) -> SurveyResults:
    """The public results, from the stored counts (they survive the raw answers)."""
    return survey_results(survey, survey_tallies.stored(survey), PUBLIC)


def live_counts(survey):
    """The live counts while the answers exist; the stored ones after their deletion."""
    if survey.answers_deleted_at is not None:
        return survey_tallies.stored(survey)
    return survey_tallies.count(survey)
