"""Issue 13's targets, checked against the measured figures: which are met, which are
missed and by how much. The bench reports; nothing fails on a miss."""

from dataclasses import dataclass

from holbaek.bench.pages import STATIC
from holbaek.bench.table import GROWTH_FLOOR, Row, growth, ratio

UNCACHED, CACHED, NGINX = "ucachet", "cachet", "nginx"
STAFF_FACTOR = 10


@dataclass(frozen=True)
class Run:
    """One mode at one data size: its rows and its static file's req/s."""

    factor: int
    mode: str
    rows: list[Row]
    baseline: float


@dataclass(frozen=True)
class Goal:
    text: str
    modes: tuple[str, ...]
    staff: bool  # staff pages (else anonymous public pages with status 200)
    min_ratio: float
    max_p95: float | None = None
    factor: int | None = None  # only at this size; None: at every size

    def rows(self, run: Run) -> list[Row]:
        if run.mode not in self.modes or self.factor not in (None, run.factor):
            return []
        return [
            row
            for row in run.rows
            if row.key != STATIC.path and bool(row.user) == self.staff and row.expected == 200
        ]

    def misses(self, run: Run, row: Row) -> list[str]:
        missed = []
        share = ratio(row.result.rps, run.baseline)
        if share < self.min_ratio:
            short = self.min_ratio - share
            missed.append(f"{share:.2f} af statisk (mål {self.min_ratio:.2f}, mangler {short:.2f})")
        if self.max_p95 is not None and row.result.p95 > self.max_p95:
            over = row.result.p95 - self.max_p95
            p95 = row.result.p95
            missed.append(f"p95 {p95:.0f} ms (mål {self.max_p95:.0f}, {over:.0f} ms over)")
        return missed


GOALS = [
    Goal("Cachede anonyme sider ≥ 50 % af statisk, p95 ≤ 50 ms", (CACHED, NGINX), False, 0.50, 50),
    Goal("Ucachede anonyme sider ≥ 15 % af statisk, p95 ≤ 250 ms", (UNCACHED,), False, 0.15, 250),
    Goal("Personalesider ved 10× ≥ 10 % af statisk", (UNCACHED,), True, 0.10, None, STAFF_FACTOR),
]


def _goal_lines(goal: Goal, runs: list[Run]) -> list[str]:
    checked, missed = 0, []
    for run in runs:
        for row in goal.rows(run):
            checked += 1
            if reasons := goal.misses(run, row):
                missed.append(f"    {run.factor}× {run.mode} {row.name}: {'; '.join(reasons)}")
    if not checked:
        return [f"  – {goal.text}: ikke målt i denne kørsel"]
    if not missed:
        return [f"  ✓ {goal.text}: opfyldt ({checked} målinger)"]
    return [f"  ✗ {goal.text}: ikke opfyldt i {len(missed)} af {checked} målinger", *missed]


def _growth_lines(runs: list[Run]) -> list[str]:
    floor = f"{GROWTH_FLOOR * 100:.0f} %"
    text = f"Ingen offentlig side under {floor} af sin mindste størrelses forsp./s"
    uncached = {run.factor: run.rows for run in runs if run.mode == UNCACHED}
    if len(uncached) < 2:  # a change needs two sizes
        return [f"  – {text}: kræver mindst to størrelser"]
    missed = [
        f"    {row.name}: {change:.2f} ({GROWTH_FLOOR - change:.2f} under)"
        for row, _, change in growth(uncached)
        if row.key != STATIC.path and not row.user and change < GROWTH_FLOOR
    ]
    sizes = f"{max(uncached)}× mod {min(uncached)}×, ucachet"
    if not missed:
        return [f"  ✓ {text} ({sizes}): opfyldt"]
    return [f"  ✗ {text} ({sizes}): ikke opfyldt for {len(missed)} sider", *missed]


def format_targets(runs: list[Run]) -> str:
    lines = ["Mål (issue 13):"]
    for goal in GOALS:
        lines += _goal_lines(goal, runs)
    lines += _growth_lines(runs)
    return "\n".join(lines)
