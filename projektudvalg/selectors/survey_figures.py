"""The figures of a ranking and of a number question, from their value counts.

A ranking's counts are per option and position (`value` is the rank): each option's
count per position and its mean rank (1 is best), and the first places for the chart,
one bar per option, zeros included. A number question's counts are per value: its
distribution (each value, or, with more than `MAX_BARS` different values, ten equal
ranges), and its mean, median, smallest and largest value.
"""

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

MAX_BARS = 15
RANGES = 10
TENTH = Decimal("0.1")


@dataclass(frozen=True)
class RankRow:
    label: str
    positions: list[int]  # how many put it 1st, 2nd …
    mean: Decimal | None  # None: nobody ranked it


@dataclass(frozen=True)
class Ranking:
    places: list[int]  # 1 … n, the table's columns
    rows: list[RankRow]

    @property
    def first_places(self) -> list[tuple[str, int]]:
        return [(row.label, row.positions[0] if row.positions else 0) for row in self.rows]


@dataclass(frozen=True)
class Numbers:
    rows: list[tuple[str, int]]  # the distribution
    count: int
    mean: Decimal | None
    median: Decimal | None
    smallest: int | None
    largest: int | None


def _tenth(value) -> Decimal:
    return Decimal(value).quantize(TENTH, rounding=ROUND_HALF_UP)


def ranking_result(question, values: dict) -> Ranking:
    """`values`: {(option_id, rank as text): count} for the question."""
    options = [o for o in question.options.all() if not o.is_row]
    places = list(range(1, len(options) + 1))
    rows = []
    for option in options:
        positions = [values.get((option.pk, str(place)), 0) for place in places]
        total = sum(positions)
        weighted = sum(place * n for place, n in zip(places, positions, strict=True))
        mean = _tenth(Decimal(weighted) / total) if total else None
        rows.append(RankRow(option.label, positions, mean))
    return Ranking(places=places, rows=rows)


def _median(pairs: list[tuple[int, int]], count: int) -> Decimal:
    """The median of the values, each `n` times (pairs sorted by value)."""
    middle = [(count - 1) // 2, count // 2]
    found, seen = [], 0
    for value, n in pairs:
        found += [value for index in middle if seen <= index < seen + n]
        seen += n
    return _tenth(Decimal(sum(found)) / len(found))


def _ranges(pairs: list[tuple[int, int]]) -> list[tuple[str, int]]:
    low, high = pairs[0][0], pairs[-1][0]
    width = -(-(high - low + 1) // RANGES)  # rounded up, at least 1
    rows = []
    for start in range(low, high + 1, width):
        end = start + width - 1
        n = sum(count for value, count in pairs if start <= value <= end)
        rows.append((f"{start}–{end}", n))
    return rows


def number_result(values: dict) -> Numbers:
    """`values`: {(None, number as text): count} for the question."""
    pairs = sorted((int(value), n) for (_option, value), n in values.items() if n)
    count = sum(n for _value, n in pairs)
    if not count:
        return Numbers(rows=[], count=0, mean=None, median=None, smallest=None, largest=None)
    rows = [(str(value), n) for value, n in pairs] if len(pairs) <= MAX_BARS else _ranges(pairs)
    total = sum(value * n for value, n in pairs)
    return Numbers(
        rows=rows,
        count=count,
        mean=_tenth(Decimal(total) / count),
        median=_median(pairs, count),
        smallest=pairs[0][0],
        largest=pairs[-1][0],
    )
