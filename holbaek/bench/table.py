"""The bench's printed tables: one row per page, compared with the static file, and
each page's throughput across the data sizes."""

from dataclasses import dataclass

from holbaek.bench.pages import STATIC
from holbaek.bench.wrk import Result

GROWTH_FLOOR = 0.70  # no public page below 70 % of its 1x throughput at the largest size


@dataclass(frozen=True)
class Row:
    label: str
    result: Result
    queries: int
    expected: int = 200  # the page's status (the 404 page's 404s are not errors)
    key: str = ""  # the page as holbaek.bench.pages names it, the same at every size
    user: str = ""  # the staff user it was requested as; "" is anonymous

    @property
    def failures(self) -> int:
        """Requests that failed: socket errors, and error statuses where none was expected."""
        wrong = self.result.status_errors if self.expected < 400 else 0
        return self.result.errors + wrong

    @property
    def name(self) -> str:
        return f"`{self.label}` som {self.user}" if self.user else f"`{self.label}`"


def static_baseline(first: Result, last: Result) -> float:
    """The static file's requests per second: the mean of its first and last run."""
    return (first.rps + last.rps) / 2


def ratio(rps: float, baseline: float) -> float:
    return rps / baseline if baseline else 0.0


def format_table(rows: list[Row], *, baseline: float) -> str:
    """A Markdown table, so the README can show it as it is printed."""
    lines = [
        "| side | forsp./s | p50 ms | p95 ms | p99 ms | SQL | × statisk |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for row in rows:
        result = row.result
        lines.append(
            f"| {row.name} | {result.rps:.0f} | {result.p50:.1f} | {result.p95:.1f} "
            f"| {result.p99:.1f} | {row.queries} | {ratio(result.rps, baseline):.2f} |"
        )
    failed = [
        f"{row.label}: {row.failures} forespørgsler fejlede (timeout, socketfejl eller fejlstatus)"
        for row in rows
        if row.failures
    ]
    return "\n".join(lines + failed)


def growth(rows_by_factor: dict[int, list[Row]]) -> list[tuple[Row, list[float | None], float]]:
    """Per page (in the order of the smallest size): its req/s at each size and the
    ratio of the largest size's figure to the smallest's."""
    factors = sorted(rows_by_factor)
    by_key = {factor: {row.key: row for row in rows_by_factor[factor]} for factor in factors}
    lines, seen = [], set()
    for row in rows_by_factor[factors[0]]:
        if row.key in seen or row.key == STATIC.path:  # the baselines have their own line
            continue
        seen.add(row.key)
        figures = [
            by_key[factor][row.key].result.rps if row.key in by_key[factor] else None
            for factor in factors
        ]
        first, last = figures[0], figures[-1]
        change = last / first if first and last is not None else 0.0
        lines.append((row, figures, change))
    return lines


def format_growth(rows_by_factor: dict[int, list[Row]], baselines: dict[int, float]) -> str:
    """Each page's req/s at each size; the last figures: largest ÷ smallest, raw and in
    ratios to the static file (which moves with the machine's noise). Public pages
    below GROWTH_FLOOR are marked."""
    factors = sorted(rows_by_factor)
    first, last = factors[0], factors[-1]
    static_change = ratio(baselines[last], baselines[first])
    sizes = " | ".join(f"{factor}×" for factor in factors)
    lines = [
        f"| side | {sizes} | {last}× ÷ {first}× | i forhold til statisk | |",
        "|---|" + "---:|" * len(factors) + "---:|---:|---|",
        "| statisk fil (gennemsnit af første og sidste) | "
        + " | ".join(f"{baselines[factor]:.0f}" for factor in factors)
        + f" | {static_change:.2f} | 1.00 | |",
    ]
    for row, figures, change in growth(rows_by_factor):
        cells = " | ".join("–" if rps is None else f"{rps:.0f}" for rps in figures)
        flag = "**under 70 %**" if not row.user and change < GROWTH_FLOOR else ""
        lines.append(
            f"| {row.name} | {cells} | {change:.2f} | {ratio(change, static_change):.2f} | {flag} |"
        )
    return "\n".join(lines)
