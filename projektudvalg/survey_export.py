"""A survey's answers for staff, as CSV (UTF-8 with BOM, `;`, for Danish Excel) and XLSX,
with a codebook.

One row per response, one column per question (sections have none), and for a
several-choices question also one column per option (1 chosen, 0 not); the "andet" text
sits in its own column right after the "andet" option (a one-choice question: after the
question's column). So the columns are: the response's own (`BASE`), then per question 1
+ its options (several choices) + 1 if it has "andet". The codebook lists every column.
Held and discarded responses are included and marked; answers entered by staff are
marked by their channel. Three queries, whatever the size.
"""

import io
from dataclasses import dataclass

from holbaek.csvsafe import xlsx_cell
from projektudvalg.exports import table_csv
from projektudvalg.models import Anonymity, QuestionKind, SurveyResponse
from projektudvalg.services.survey_responses import questions_for

BASE = [
    ("besvarelse", "Besvarelsens løbenummer i eksporten"),
    ("dato", "Dagen svaret kom (anonyme svar: kun dagen)"),
    ("kanal", "Åbent link, logget ind, invitation, lokalforum, papir eller telefon"),
    ("gennemsyn", "Tælles med, mistænkelig (afventer) eller kasseret"),
    ("respondent", "Pseudonym: respondent-id; identificeret: e-mail eller lokalforum; anonym: tom"),
]


@dataclass(frozen=True)
class Column:
    question_id: int
    key: str
    title: str
    meaning: str
    value: object  # callable(answers of the question) -> cell


def _label_of(options):
    return {o.pk: o.label for o in options}


def _question_columns(question, number: int) -> list[Column]:
    key, title, pk = f"q{number}", question.text, question.pk
    options = list(question.options.all())
    labels = _label_of(options)
    other = next((o for o in options if o.is_other), None)
    kind = question.get_kind_display()

    def joined(answers):
        if question.kind in (QuestionKind.MATRIX_SINGLE, QuestionKind.MATRIX_MULTIPLE):
            return " | ".join(f"{labels.get(a.row_id)}: {labels.get(a.option_id)}" for a in answers)
        if question.kind == QuestionKind.RANKING:
            ranked = sorted(answers, key=lambda a: a.number or 0)
            return " > ".join(labels.get(a.option_id, "") for a in ranked)
        if question.has_options:
            return "; ".join(labels.get(a.option_id, "") for a in answers if a.option_id)
        answer = answers[0] if answers else None
        if answer is None:
            return ""
        if question.kind == QuestionKind.AREA:
            return answer.area.name if answer.area else ""
        return answer.date or (answer.number if answer.number is not None else answer.text)

    columns = [Column(pk, key, title, kind, joined)]
    if question.kind == QuestionKind.MULTIPLE:
        for index, option in enumerate(options, 1):
            columns.append(Column(pk, f"{key}_{index}", f"{title}: {option.label}",
                                  "1 = valgt, 0 = ikke valgt",
                                  _chosen(option.pk)))  # fmt: skip
            if option.is_other:
                columns.append(_other_column(pk, key, title, option))
    elif other is not None:
        columns.append(_other_column(pk, key, title, other))
    return columns


def _chosen(option_id):
    return lambda answers: int(any(a.option_id == option_id for a in answers))


def _other_column(pk, key, title, option) -> Column:
    def text(answers):
        return next((a.text for a in answers if a.option_id == option.pk), "")

    return Column(pk, f"{key}_andet", f"{title}: {option.label} (tekst)", "Fritekst til “andet”",
                  text)  # fmt: skip


def columns(questions) -> list[Column]:
    """Numbered in order (q1, q2 …), sections skipped: positions need not be unique."""
    asked = [q for q in questions if not q.is_section]
    return [c for number, q in enumerate(asked, 1) for c in _question_columns(q, number)]


def _respondent(response) -> str:
    if response.anonymity == Anonymity.PSEUDONYMOUS:
        return response.respondent_code
    if response.anonymity != Anonymity.IDENTIFIED:
        return ""
    if response.user_id:
        return response.user.email
    if response.invitation_id:
        return response.invitation.email
    return response.forum.name if response.forum_id else ""


def table(survey):
    questions = questions_for(survey)
    cols = columns(questions)
    header = [key for key, _meaning in BASE] + [c.key for c in cols]
    responses = (
        SurveyResponse.objects.filter(survey=survey)
        .select_related("user", "invitation", "forum")
        .prefetch_related("answers__area")
        .order_by("submitted_on", "submitted_at", "pk")
    )
    rows = []
    for number, response in enumerate(responses, 1):
        by_question: dict[int, list] = {}
        for answer in response.answers.all():
            by_question.setdefault(answer.question_id, []).append(answer)
        row = [number, response.submitted_on, response.get_channel_display(),
               response.get_review_display(), _respondent(response)]  # fmt: skip
        row += [c.value(by_question.get(c.question_id, [])) for c in cols]
        rows.append(row)
    return header, rows, cols


def codebook(cols) -> tuple[list, list]:
    header = ["kolonne", "spørgsmål", "betydning"]
    rows = [[key, "", meaning] for key, meaning in BASE]
    rows += [[c.key, c.title, c.meaning] for c in cols]
    return header, rows


def as_csv(survey) -> str:
    header, rows, _cols = table(survey)
    return table_csv(header, rows)


def codebook_csv(survey) -> str:
    return table_csv(*codebook(columns(questions_for(survey))))


def as_xlsx(survey) -> bytes:
    """Two sheets: the answers and the codebook."""
    # Imported here on purpose, as in projektudvalg/exports.py: openpyxl is slow to import.
    from openpyxl import Workbook

    header, rows, cols = table(survey)
    book = Workbook()
    sheet = book.active
    sheet.title = "svar"
    for line in [header, *rows]:
        sheet.append([xlsx_cell(value) for value in line])
    book_sheet = book.create_sheet("kodebog")
    book_header, book_rows = codebook(cols)
    for line in [book_header, *book_rows]:
        book_sheet.append([xlsx_cell(value) for value in line])
    output = io.BytesIO()
    book.save(output)
    return output.getvalue()
