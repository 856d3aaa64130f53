"""The bench's printed table: one row per page, compared with the static file."""

from dataclasses import dataclass

from holbaek.bench.wrk import Result


@dataclass(frozen=True)
class Row:
    label: str
    result: Result
    queries: int
    expected: int = 200  # the page's status (the 404 page's 404s are not errors)

    @property
    def failures(self) -> int:
        """Requests that failed: socket errors, and error statuses where none was expected."""
        wrong = self.result.status_errors if self.expected < 400 else 0
        return self.result.errors + wrong


def static_baseline(first: Result, last: Result) -> float:
    """The static file's requests per second: the mean of its first and last run."""
    return (first.rps + last.rps) / 2


def format_table(rows: list[Row], *, baseline: float) -> str:
    """A Markdown table, so the README can show it as it is printed."""
    lines = [
        "| page | req/s | p50 ms | p95 ms | p99 ms | SQL | × static |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for row in rows:
        result = row.result
        ratio = result.rps / baseline if baseline else 0.0
        lines.append(
            f"| `{row.label}` | {result.rps:.0f} | {result.p50:.1f} | {result.p95:.1f} "
            f"| {result.p99:.1f} | {row.queries} | {ratio:.2f} |"
        )
    failed = [
        f"{row.label}: {row.failures} requests failed (timeout, socket error or error status)"
        for row in rows
        if row.failures
    ]
    return "\n".join(lines + failed)
