"""Placeholder roles for the seven fælles-skabere and the process consultant.

The municipality has not published who follows which area, so the product
ships roles, not people, with an illustrative split of the 18 areas (2-3
each), and the process consultant's published processes (2019-2020).
Staff fill in names and change the split; loading again never overwrites
what they set.
"""

import datetime

from django.db import transaction

from faelles_skabere.models import AreaAssignment, AssignmentKind, CoCreator, CoCreatorKind
from lokalfora.models import LocalArea

ILLUSTRATIVE_SPLIT = {
    "Fælles-skaber for Holbæk By og Orø": ["holbaek-by", "oro"],
    "Fælles-skaber for Tuse Næs, Tuse og Hagested": ["tuse-naes", "tuse", "hagested"],
    "Fælles-skaber for Gislinge, Kundby og Svinninge": ["gislinge", "kundby", "svinninge"],
    "Fælles-skaber for Jyderup, Mørkøv og Knabstrup": ["jyderup", "morkov", "knabstrup"],
    "Fælles-skaber for Regstrup og Vipperød": ["regstrup", "vipperod"],
    "Fælles-skaber for Tølløse, Undløse og Stestrup": ["tollose", "undlose", "stestrup"],
    "Fælles-skaber for Ugerløse og Store Merløse": ["ugerlose", "store-merlose"],
}
PROCESS_CONSULTANT = "Proceskonsulent"
START = datetime.date(2026, 1, 1)
# Published processes (FACTS: 2019-20 Gislinge and Store Merløse, 2020 Regstrup
# and Tuse Næs). Only the years are known, so they run from 1 January to 31 December.
PUBLISHED_PROCESSES = [
    ("gislinge", datetime.date(2019, 1, 1), datetime.date(2020, 12, 31)),
    ("store-merlose", datetime.date(2019, 1, 1), datetime.date(2020, 12, 31)),
    ("regstrup", datetime.date(2020, 1, 1), datetime.date(2020, 12, 31)),
    ("tuse-naes", datetime.date(2020, 1, 1), datetime.date(2020, 12, 31)),
]


@transaction.atomic
def load() -> str:
    areas = {area.slug: area for area in LocalArea.objects.all()}
    assigned = set(AreaAssignment.objects.fixed().open().values_list("area_id", flat=True))
    new_assignments = 0
    for title, slugs in ILLUSTRATIVE_SPLIT.items():
        co_creator, _ = CoCreator.objects.get_or_create(
            title=title, defaults={"kind": CoCreatorKind.CO_CREATOR}
        )
        for slug in slugs:
            area = areas.get(slug)
            if area is not None and area.id not in assigned:
                AreaAssignment.objects.create(area=area, co_creator=co_creator, started_on=START)
                new_assignments += 1
    consultant, _ = CoCreator.objects.get_or_create(
        title=PROCESS_CONSULTANT, defaults={"kind": CoCreatorKind.PROCESS_CONSULTANT}
    )
    for slug, started_on, ended_on in PUBLISHED_PROCESSES:
        if slug in areas:
            AreaAssignment.objects.get_or_create(
                area=areas[slug],
                co_creator=consultant,
                kind=AssignmentKind.PROCESS,
                started_on=started_on,
                defaults={"ended_on": ended_on},
            )
    people = len(ILLUSTRATIVE_SPLIT)
    return f"{people} fælles-skabere og 1 proceskonsulent ({new_assignments} nye tildelinger)"
