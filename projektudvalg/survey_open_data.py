"""A survey's published results as open data: JSON and CSV (UTF-8 with BOM and `;`, for
Danish Excel), made from the same `selectors.survey_pages.SurveyResults` as the page, so
the same questions are public and the same areas suppressed.

Only counts, never a response: per public question its number of answers and its count
per option or value (a matrix per row and column, a ranking per option and position);
per area the same, an area under the threshold given as null (JSON) or an empty count
(CSV) with "færre end 5 svar". Free-text answers stay on the page only (at most 50 of
them): the files give their number. A survey with 1 to 4 responses gives no numbers at
all (`too_few`): its number of responses is null (JSON) or empty with the note (CSV).
"""

from projektudvalg.exports import table_csv

CSV_HEADER = ["spoergsmaal_nr", "spoergsmaal", "raekke", "svar", "omraade", "antal", "note"]


def _counts(rows, label="") -> list[dict]:
    """(label, count) rows; a count of None (a suppressed area) carries the note."""
    return [{"svar": str(text), "antal": n} | ({"note": label} if n is None else {})
            for text, n in rows]  # fmt: skip


def _csv_count(n, label) -> list:
    return ["", label] if n is None else [n, ""]


def _area_entry(area, count_or_rows, label, key) -> dict:
    suppressed = count_or_rows is None
    return {"omraade": area.slug, "navn": area.name, key: count_or_rows,
            "note": label if suppressed else ""}  # fmt: skip


def _question(result, label) -> dict:
    question = result.question
    entry = {"nummer": result.number, "spoergsmaal": question.text,
             "type": question.kind, "besvaret": result.answered}  # fmt: skip
    if result.matrix is not None:
        entry["raekker"] = [{"raekke": row.label, "svar": _counts(row.columns)}
                            for row in result.matrix]  # fmt: skip
    elif result.ranking is not None:
        entry["svar"] = [{"svar": row.label, "pladser": row.positions,
                          "gennemsnitlig_plads": float(row.mean) if row.mean else None}
                         for row in result.ranking.rows]  # fmt: skip
    elif result.shape != "text":
        entry["svar"] = _counts(result.rows, label)
    if result.areas:
        entry["omraader"] = [
            _area_entry(a.area, None if a.suppressed else _counts(a.rows), label, "svar")
            for a in result.areas
        ]
    return entry


def as_json(results) -> dict:
    survey, label = results.survey, results.suppressed_label
    return {
        "undersoegelse": {
            "id": survey.pk,
            "titel": survey.title,
            "formaal": survey.purpose,
            "aabnede": survey.opens_at.isoformat() if survey.opens_at else None,
            "lukkede": survey.closes_at.isoformat() if survey.closes_at else None,
            "resultater_offentliggjort": survey.results_published_at.isoformat(),
        },
        "besvarelser": results.responses,
        "note": label if results.too_few else "",
        "graense_for_omraader": 5,
        "omraader": [
            _area_entry(row.area, row.count, label, "besvarelser") for row in results.areas
        ],
        "spoergsmaal": [_question(result, label) for result in results.questions],
    }


def _question_rows(result, label) -> list[list]:
    number, text = result.number, result.question.text
    rows = [[number, text, "", "(besvaret)", "", result.answered, ""]]
    if result.matrix is not None:
        rows += [[number, text, row.label, col, "", n, ""]
                 for row in result.matrix for col, n in row.columns]  # fmt: skip
    elif result.ranking is not None:
        places = result.ranking.places
        rows += [[number, text, "", f"{row.label}: plads {place}", "", n, ""]
                 for row in result.ranking.rows
                 for place, n in zip(places, row.positions, strict=True)]  # fmt: skip
    elif result.shape != "text":
        rows += [[number, text, "", str(lbl), "", *_csv_count(n, label)] for lbl, n in result.rows]
    for area_rows in result.areas:
        name = area_rows.area.name
        if area_rows.suppressed:
            rows.append([number, text, "", "", name, "", label])
        else:
            rows += [[number, text, "", str(lbl), name, n, ""] for lbl, n in area_rows.rows]
    return rows


def as_csv(results) -> str:
    label = results.suppressed_label
    rows = [["", "Besvarelser", "", "", "", *_csv_count(results.responses, label)]]
    rows += [["", "Besvarelser", "", "", row.area.name, *_csv_count(row.count, label)]
             for row in results.areas]  # fmt: skip
    for result in results.questions:
        rows += _question_rows(result, label)
    return table_csv(CSV_HEADER, rows)
