"""The drejebog for special efforts, from the Knabstrup case ("Knabstrup sætter kurs",
2019): a kick-off workshop on 27 January, the working groups' first meeting on 5
February, the "100 dages fest" on 24 May, then the evaluation. The Landdistriktspuljen
money that paid for the process also paid for "et overordnet drejebogskoncept … og en
værktøjskasse" for future efforts. Loading is idempotent and never changes a drejebog
staff have edited (its phases are only added when it has none)."""

from django.db import transaction

from projektudvalg.models import EffortTemplate, MilestoneKind, TemplatePhase

NAME = "Model for særlig indsats (100-dages forløb)"
DESCRIPTION = (
    "Et forløb på 100 dage efter Knabstrup sætter kurs (2019): kick-off-workshop, "
    "arbejdsgrupper, en fest efter de 100 dage og en evaluering. Noget af arbejdet fører til "
    "videre lokalt arbejde, andet kommer i politisk behandling."
)
# (title, kind, days after the start, hours, description)
PHASES = [
    (
        "Kick-off-workshop",
        MilestoneKind.WORKSHOP,
        0,
        4,
        "Borgere, foreninger, politikere og kommunens medarbejdere finder temaerne og danner "
        "arbejdsgrupperne.",
    ),
    (
        "Arbejdsgruppernes første møde",
        MilestoneKind.WORKING_MEETING,
        9,
        3,
        "Hver arbejdsgruppe aftaler mål, opgaver og hvem der gør hvad.",
    ),
    (
        "100 dages fest",
        MilestoneKind.PARTY,
        117,
        4,
        "Arbejdsgrupperne viser, hvad de har nået, og hvad der skal ske bagefter.",
    ),
    (
        "Politisk behandling af forslagene",
        MilestoneKind.POLITICAL,
        130,
        2,
        "Udvalget behandler de forslag, der kræver en politisk beslutning.",
    ),
    (
        "Evaluering",
        MilestoneKind.EVALUATION,
        160,
        3,
        "Parterne ser på forpligtelserne og aftaler, hvordan arbejdet fortsætter lokalt.",
    ),
]


@transaction.atomic
def load() -> str:
    template, created = EffortTemplate.objects.get_or_create(
        name=NAME, defaults={"description": DESCRIPTION}
    )
    if not template.phases.exists():
        TemplatePhase.objects.bulk_create(
            TemplatePhase(
                template=template,
                title=title,
                kind=kind,
                offset_days=days,
                duration_hours=hours,
                description=description,
            )
            for title, kind, days, hours, description in PHASES
        )
    return f"1 drejebog for særlige indsatser ({int(created)} ny)"
