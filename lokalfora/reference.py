"""The 18 local areas, their forums and published population figures.

The facts come from `reference/lokalomraader.csv` (copied from the
municipality's Kommuneplan 2013/2017, with sources per line). Loading is
idempotent: areas are matched by slug and figures by area and date; what
exists already is left as it is, so nothing staff have edited is overwritten
(staff correct the facts in the admin, and import new population figures).

This year also gets an illustrative grant scheme, so the transparency page shows how
it works. The municipality's formula is not published (FACTS §3). 13.000 kr + 3,45 kr
per inhabitant reproduces the published Orø (867 inhabitants, 16.000 kr) and Jyderup
(4.924, "about 30.000 kr") amounts; it is marked illustrative wherever it is shown.
Loading again never changes a scheme staff have edited.
"""

import csv
import datetime
from decimal import Decimal
from pathlib import Path

from django.db import transaction
from django.utils import timezone

from lokalfora.models import (
    Forum,
    GrantScheme,
    HearingKind,
    HearingKindRule,
    LocalArea,
    NewsTopic,
    PopulationBasis,
    PopulationFigure,
    SchemeKind,
)

CSV_PATH = Path(__file__).resolve().parent / "reference" / "lokalomraader.csv"
HOLBAEK_TOWN_SLUG = "holbaek-by"


def _split(value: str) -> list[str]:
    return [part.strip() for part in value.split(";") if part.strip()]


def reference_rows() -> list[dict]:
    with CSV_PATH.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@transaction.atomic
def load() -> str:
    parts = (_load_areas(), _load_illustrative_scheme(), _load_hearing_rules(), _load_topics())
    return "; ".join(parts)


def _load_areas() -> str:
    rows = reference_rows()
    for row in rows:
        area, _created = LocalArea.objects.get_or_create(
            slug=row["slug"],
            defaults={
                "name": row["name"],
                "aliases": _split(row["aliases"]),
                "main_town": row["main_town"],
                "localities": _split(row["localities"]),
                "is_holbaek_town": row["slug"] == HOLBAEK_TOWN_SLUG,
            },
        )
        Forum.objects.get_or_create(area=area, defaults={"name": f"Lokalforum {area.name}"})
        year = row["population_year"].strip()
        PopulationFigure.objects.get_or_create(
            area=area,
            reference_date=datetime.date(int(year), 1, 1) if year else None,
            defaults={
                "count": int(row["population"]),
                "basis": PopulationBasis(row["population_basis"]),
                "source": row["source"],
            },
        )
    return f"{len(rows)} lokalområder med lokalfora og befolkningstal"


def _load_illustrative_scheme() -> str:
    year = timezone.localdate().year
    _scheme, created = GrantScheme.objects.get_or_create(
        year=year,
        defaults={
            "kind": SchemeKind.FORMULA,
            "base": Decimal("13000"),
            "rate": Decimal("3.45"),
            "population_date": datetime.date(year, 1, 1),
            "is_illustrative": True,
        },
    )
    return f"illustrativ tilskudsmodel for {year}" + (" (ny)" if created else "")


# The shortest hearing periods, per kind; staff change them in the admin, and a shorter
# period needs a written reason. Planloven gives a lokalplan forslag at least 8 weeks
# (Holbæk: "offentlig høring i 8 uger"); 14 days is the shortest Holbæk period seen
# ("Beskæftigelsesplan 2023 ... 14 dages høring") and planloven's minimum for a forhøring.
HEARING_RULES = [
    (HearingKind.STATUTORY, 56, "Planloven § 24, stk. 3; lokalplaner.holbaek.dk (8 uger)"),
    (HearingKind.PRE_HEARING, 14, "Planloven § 23 c (forudgående offentlighed, mindst 2 uger)"),
    (HearingKind.VOLUNTARY, 14, "holbaek.dk: Beskæftigelsesplan 2023, 14 dages høring"),
    (HearingKind.FORUMS, 14, "Som frivillig høring; kommunen kan ændre det"),
]


def _load_hearing_rules() -> str:
    for kind, days, source in HEARING_RULES:
        HearingKindRule.objects.get_or_create(
            kind=kind, defaults={"minimum_days": days, "source": source}
        )
    return f"{len(HEARING_RULES)} mindste høringsperioder"


# The topics residents asked the pilot for (TRACKS B1; Holbæk's 2020-22 news pilot).
NEWS_TOPICS = (
    ("kultur-og-fritid", "Kultur og fritid"),
    ("byplanlaegning", "Byplanlægning"),
    ("klima-og-miljoe", "Klima og miljø"),
    ("trafik", "Trafik"),
    ("politik", "Politik"),
)


def _load_topics() -> str:
    """Staff keep the list afterwards: loading again adds none they removed or renamed."""
    if not NewsTopic.objects.exists():
        for order, (slug, name) in enumerate(NEWS_TOPICS, start=1):
            NewsTopic.objects.create(slug=slug, name=name, order=order * 10)
    return f"{NewsTopic.objects.count()} emner til nyheder"
