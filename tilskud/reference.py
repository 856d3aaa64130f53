"""An illustrative scheme for this year, so the transparency page shows how it works.

The municipality's formula is not published (FACTS §3). 13.000 kr + 3,45 kr per
inhabitant reproduces the published Orø (867 inhabitants, 16.000 kr) and Jyderup
(4.924, "about 30.000 kr") amounts; it is marked illustrative wherever it is shown.
Loading again never changes a scheme staff have edited.
"""

import datetime
from decimal import Decimal

from django.utils import timezone

from tilskud.models import GrantScheme, SchemeKind


def load() -> str:
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
