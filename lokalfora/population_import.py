"""Reading population figures from a CSV file: validate everything and preview; the import
itself is `services.population.population_figures_import`.

Columns (a header line is required; semicolon or comma separated, UTF-8):
`område` (the area's name, short name or another name it is known by), `dato`
(the reference date, 2026-01-01 or 01.01.2026), `antal` (whole number; 4.924 is
read as 4924), and optionally `kilde`. English headers `area`, `date`, `count`,
`source` work too. All 18 areas must be in the file, once each.

If any line is wrong, nothing is imported and every bad line is listed in Danish.
"""

import csv
import datetime
import io
import re
from dataclasses import dataclass

from django.core import signing
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from holbaek.text import danish_slugify
from lokalfora.models import LocalArea, PopulationFigure

HEADERS = {
    "område": "area", "omraade": "area", "area": "area",
    "dato": "date", "date": "date",
    "antal": "count", "count": "count",
    "kilde": "source", "source": "source",
}  # fmt: skip
DATE_FORMATS = ("%Y-%m-%d", "%d.%m.%Y", "%d-%m-%Y")
WHOLE = re.compile(r"^\d+$|^\d{1,3}(\.\d{3})+$")
MAX_BYTES = 1024 * 1024
MAX_COUNT = 500_000  # the whole municipality has about 75.000 inhabitants
DEFAULT_SOURCE = "Import af befolkningstal"


@dataclass(frozen=True)
class Row:
    line: int
    area: LocalArea
    reference_date: datetime.date
    count: int
    source: str


@dataclass(frozen=True)
class Change:
    row: Row
    previous: PopulationFigure | None  # the area's latest figure before the import
    replaces: PopulationFigure | None  # a figure on the same date, which the import updates


@dataclass(frozen=True)
class Parsed:
    rows: list[Row]
    errors: list[str]

    @property
    def ok(self) -> bool:
        return not self.errors and bool(self.rows)


def _areas_by_name() -> dict[str, LocalArea]:
    names = {}
    for area in LocalArea.objects.all():
        for name in [area.name, area.slug, *area.aliases]:
            names[danish_slugify(name)] = area
    return names


def _date(text: str):
    for pattern in DATE_FORMATS:
        try:
            return datetime.datetime.strptime(text.strip(), pattern).date()
        except ValueError:
            continue
    return None


def parse(data: bytes) -> Parsed:
    """Reads the whole file and returns every row, or every problem with it."""
    if len(data) > MAX_BYTES:
        return Parsed([], [_("Filen er for stor. En fil med befolkningstal fylder højst 1 MB.")])
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return Parsed([], [_("Filen kan ikke læses. Gem den som CSV med tegnsættet UTF-8.")])
    delimiter = (
        ";" if text.split("\n", 1)[0].count(";") >= text.split("\n", 1)[0].count(",") else ","
    )
    text = text.replace("\r\n", "\n").replace("\r", "\n")  # old Mac files end lines with CR
    try:
        return _parse_rows(
            csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
        )
    except csv.Error as error:
        return Parsed([], [_("Filen kan ikke læses som CSV (%(error)s).") % {"error": error}])


def _parse_rows(reader) -> Parsed:
    header = next(reader, None)
    columns = {HEADERS.get(name.strip().lower()): index for index, name in enumerate(header or [])}
    missing = [name for name in ("area", "date", "count") if name not in columns]
    if missing:
        return Parsed([], [
            _("Første linje skal være overskrifterne område, dato og antal (og evt. kilde).")
        ])  # fmt: skip
    areas = _areas_by_name()
    rows, errors, seen = [], [], {}
    for line, values in enumerate(reader, start=2):
        if not any(value.strip() for value in values):
            continue
        cells = {
            name: values[index].strip() if index < len(values) else ""
            for name, index in columns.items()
            if name is not None
        }
        row, problems = _read_line(line, cells, areas, seen)
        if problems:
            errors.append(
                _("Linje %(line)d: %(problems)s.") % {"line": line, "problems": "; ".join(problems)}
            )
        else:
            rows.append(row)
    if not rows and not errors:
        return Parsed([], [_("Filen har ingen linjer med befolkningstal.")])
    absent = sorted(
        {area.name for area in areas.values() if area.pk not in seen}, key=danish_slugify
    )
    if absent:
        errors.append(_("Disse områder mangler i filen: %(areas)s.") % {"areas": ", ".join(absent)})
    return Parsed(rows, errors)


def _read_line(line: int, cells: dict[str, str], areas, seen) -> tuple[Row | None, list[str]]:
    """One line's row, or its problems in Danish; `seen` records each area's first line."""
    problems = []
    area = areas.get(danish_slugify(cells.get("area", "")))
    if area is None:
        problems.append(_("ukendt område »%(area)s«") % {"area": cells.get("area", "")})
    reference_date, problem = _read_date(cells.get("date", ""))
    problems += problem
    count, problem = _read_count(cells.get("count", ""))
    problems += problem
    if area is not None and area.pk in seen:
        problems.append(
            _("%(area)s står også i linje %(line)d") % {"area": area.name, "line": seen[area.pk]}
        )
    if area is not None:
        seen.setdefault(area.pk, line)
    if problems:
        return None, problems
    return Row(line, area, reference_date, count, cells.get("source") or DEFAULT_SOURCE), []


def _read_date(text: str) -> tuple[datetime.date | None, list[str]]:
    reference_date = _date(text)
    if reference_date is None:
        return None, [_("datoen »%(date)s« kan ikke læses (skriv fx 2026-01-01)") % {"date": text}]
    if reference_date > timezone.localdate():
        return None, [
            _("datoen %(date)s ligger i fremtiden") % {"date": f"{reference_date:%d.%m.%Y}"}
        ]
    return reference_date, []


def _read_count(text: str) -> tuple[int | None, list[str]]:
    raw = text.replace(" ", "")
    if raw.startswith("-") and WHOLE.match(raw[1:]):
        return None, [_("antallet er negativt")]
    if not WHOLE.match(raw):
        return None, [_("antallet »%(count)s« er ikke et helt tal") % {"count": text}]
    if int(raw.replace(".", "")) > MAX_COUNT:
        return None, [_("antallet %(count)s er for stort til et lokalområde") % {"count": raw}]
    return int(raw.replace(".", "")), []


def preview(parsed: Parsed) -> list[Change]:
    """What the import would change, area by area (two queries)."""
    latest = {}
    same_date = {}
    wanted = {(row.area.pk, row.reference_date) for row in parsed.rows}
    for figure in PopulationFigure.objects.filter(
        area__in=[row.area for row in parsed.rows]
    ).order_by("area", F("reference_date").desc(nulls_last=True)):
        latest.setdefault(figure.area_id, figure)
        if (figure.area_id, figure.reference_date) in wanted:
            same_date[figure.area_id] = figure
    return [Change(row, latest.get(row.area.pk), same_date.get(row.area.pk)) for row in parsed.rows]


PREVIEW_SALT = "lokalfora.population-import"
TOKEN_MAX_AGE = datetime.timedelta(hours=2)


def to_token(parsed: Parsed, user) -> str:
    """The checked rows, signed, so the confirm button imports exactly what was previewed.

    The token names the person who saw the preview: nobody else can confirm it.
    """
    rows = [
        [row.line, row.area.pk, row.reference_date.isoformat(), row.count, row.source]
        for row in parsed.rows
    ]
    return signing.dumps({"user": user.pk, "rows": rows}, salt=PREVIEW_SALT, compress=True)


def from_token(token: str, user) -> Parsed:
    try:
        data = signing.loads(token, salt=PREVIEW_SALT, max_age=TOKEN_MAX_AGE)
        if data["user"] != user.pk:
            raise ValueError("previewed by someone else")
        rows = data["rows"]
        areas = LocalArea.objects.in_bulk([row[1] for row in rows])
        return Parsed(
            [
                Row(line, areas[area_id], datetime.date.fromisoformat(date), count, source)
                for line, area_id, date, count, source in rows
            ],
            [],
        )
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        return Parsed([], [_("Forhåndsvisningen er udløbet eller ugyldig. Vælg filen igen.")])
