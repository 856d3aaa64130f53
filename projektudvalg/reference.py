"""The two pools of the committee's track 1, with their published rules, and the
committees themselves (who they were, when, and where their record is).

Rules as published for Rum til fællesskab (2021) and Landsbyfornyelse
(2020-21), written in plain Danish. Loading is idempotent and never
overwrites a pool that staff have edited.
"""

import datetime
from decimal import Decimal

from django.db import transaction

from holbaek.pagecache import content_changed
from projektudvalg import reference_efforts
from projektudvalg.models import Committee, GrantPool, PoolCriterion, Status, StatusMail

POOLS = [
    {
        "slug": "rum-til-faellesskab",
        "code": "RTF",
        "rule_set": "community",
        "name": "Rum til fællesskab",
        "summary": (
            "Penge til anlægsprojekter, der gør jeres lokalområde til et godt "
            "og særligt sted at bo."
        ),
        "purpose": (
            "Puljen støtter borgernes arbejde for at gøre kommunen til et godt og særpræget sted "
            "at bo, med lokal forankring, fællesskab og udvikling. Der gives anlægsmidler: penge "
            "til at bygge, indrette og forbedre fysiske rammer."
        ),
        "who_may_apply": (
            "Lokalfora, foreninger, selvorganiserede grupper, brugerråd og bestyrelser i "
            "kommunale institutioner."
        ),
        "criteria": (
            "Projektet skal styrke mindst ét af disse: områdets særlige kendetegn, møder i "
            "naturen eller lokale samlingssteder. Nyskabende og enestående projekter vægtes højt."
        ),
        "rules": (
            "Du skal søge mindst 50.000 kr. Der er ikke noget maksimum. Søger du 100.000 kr. "
            "eller mere, skal I selv finansiere mindst 10 % af projektets samlede beløb, og "
            "mindst halvdelen af jeres egenfinansiering skal være rigtige penge. Frivilligt "
            "arbejde tæller med 125 kr. i timen pr. frivillig, men kun for timer, der bruges på "
            "at gennemføre projektet (ikke på ansøgning og møder). Tilskud fra andre kommunale "
            "puljer kan indgå i budgettet, men tæller ikke som egenfinansiering. Tal med jeres "
            "områdes fælles-skaber, før I søger."
        ),
        "rules_source": "Holbæk Kommune, regler for Rum til fællesskab 2021",
    },
    {
        "slug": "landsbyfornyelse",
        "code": "LBF",
        "rule_set": "village_renewal",
        "name": "Landsbyfornyelse",
        "summary": "Tilskud til at sætte facaden på et nedslidt hus i stand eller rive det ned.",
        "purpose": (
            "Puljen giver tilskud til at istandsætte det ydre af nedslidte bygninger eller til "
            "at rive dem ned, i det åbne land og i byer med færre end 4.000 indbyggere."
        ),
        "who_may_apply": (
            "Ejere af bygninger: private udlejningsboliger, ejer- og andelsboliger (ejeren skal "
            "bo der), forsamlingshuse (også tilgængelighed), bygninger med både bolig og "
            "erhverv. Bygningen skal være opført før 1960."
        ),
        "criteria": (
            "En istandsættelse skal forbedre oplevelsen af bygningen, kunne ses fra offentlig "
            "vej og/eller have kulturhistorisk værdi. En nedrivning skal fjerne noget, der "
            "skæmmer. Bevaringsværdige bygninger rives som regel ikke ned."
        ),
        "rules": (
            "Arbejdet skal udføres af en momsregistreret håndværker. Regn med selv at betale "
            "omkring halvdelen. Tilskuddet udbetales, når arbejdet er færdigt og regnskabet er "
            "modtaget. Sagsbehandlingen tager mindst 3-4 måneder, fordi ansøgningen går gennem "
            "flere udvalg og til sidst kommunalbestyrelsen."
        ),
        "rules_source": "Holbæk Kommune, Landsbyfornyelse 2020-2021",
    },
]


# The published thresholds (FACTS §4), as data on each pool; staff may change them.
RULES = {
    "rum-til-faellesskab": {
        "allowed_applicant_types": [
            "local_forum", "association", "self_organised", "user_council", "institution_board",
        ],
        "min_amount": Decimal(50000),
        "cofinancing_from": Decimal(100000),
        "cofinancing_share": Decimal("0.10"),
        "cash_share": Decimal("0.50"),
        "volunteer_hour_rate": Decimal(125),
    },
    "landsbyfornyelse": {
        "allowed_applicant_types": ["owner"],
        "built_before": 1960,
        "town_population_below": 4000,
        "own_share": Decimal("0.50"),
        "payout_after_accounts": True,
    },
}  # fmt: skip

CRITERIA = {
    "rum-til-faellesskab": [
        ("Særlige kendetegn", "Projektet styrker det, der gør området særligt."),
        ("Møder i naturen", "Projektet giver flere mulighed for at mødes i naturen."),
        ("Lokale samlingssteder", "Projektet skaber eller forbedrer et sted, hvor man mødes."),
    ],
    "landsbyfornyelse": [
        ("Oplevelsen af bygningen", "Istandsættelsen forbedrer oplevelsen og ses fra vejen."),
        ("Kulturhistorisk værdi", "Bygningen har kulturhistorisk værdi."),
        ("Fjerner noget, der skæmmer", "En nedrivning fjerner noget, der skæmmer."),
    ],
}


# The committees, oldest first, each the predecessor of the next (FACTS §4, TRACKS "The
# committee"). Only what is published: names, periods and the committees' pages at
# dagsordner.holbaek.dk (committee ids 183262 and 189849). No members: their names are not
# reference data (the demo shows roles). The successor, the standing committee for plan,
# housing and local development, has no published exact name or start date: staff add it
# in the admin, with PULO as its predecessor.
COMMITTEES = [
    {
        "slug": "lokal-udvikling-2014-2017",
        "name": "14-17 Projektudvalget for Lokal Udvikling",
        "short_name": "",
        "kind": "Projektudvalg",
        "period_start": datetime.date(2014, 1, 1),
        "period_end": datetime.date(2017, 12, 31),
        "official_url": "http://dagsordner.holbaek.dk/committee_183262/",
    },
    {
        # The slug of the committee the meetings migration (0002) creates.
        "slug": "projektudvalget",
        "name": "Projektudvalget for Udvikling af Lokalområderne",
        "short_name": "PULO",
        "kind": "Projektudvalg",
        "period_start": datetime.date(2018, 1, 1),
        "period_end": datetime.date(2021, 12, 31),
        "official_url": "http://dagsordner.holbaek.dk/committee_189849/",
        "mandate_summary": (
            "Udvalget arbejder for udviklingen i lokalområderne i tre spor: tilskud til "
            "lokale projekter gennem to puljer, særlige indsatser i 2–4 lokalområder med "
            "flere svære udfordringer, og kommunikation og dialog med lokalområderne."
        ),
    },
]


def load_committees() -> int:
    """The committees by slug, idempotently: a new one is created with the published facts; an
    existing one gets only the facts it lacks (what staff have set is kept), and its
    predecessor if it has none. Returns how many were created."""
    created, previous = 0, None
    for data in COMMITTEES:
        committee, new = Committee.objects.get_or_create(
            slug=data["slug"], defaults=data | {"predecessor": previous}
        )
        created += new
        missing = {
            name: value
            for name, value in data.items()
            if getattr(committee, name) in (None, "") and value not in (None, "")
        }
        if committee.predecessor_id is None and previous is not None:
            missing["predecessor"] = previous
        if missing:
            Committee.objects.filter(pk=committee.pk).update(**missing)
        previous = committee
    return created


@transaction.atomic
def load() -> str:
    created = 0
    for data in POOLS:
        pool, new = GrantPool.objects.get_or_create(
            slug=data["slug"], defaults=data | RULES[data["slug"]]
        )
        created += new
        # A pool that existed before its rules became data gets the published ones,
        # field by field, without overwriting what staff have set.
        missing = {
            name: value
            for name, value in RULES[data["slug"]].items()
            if getattr(pool, name) in (None, [], "")
        }
        if missing:
            GrantPool.objects.filter(pk=pool.pk).update(**missing)
        if not pool.criteria_list.exists():
            PoolCriterion.objects.bulk_create(
                PoolCriterion(pool=pool, name=name, description=text, order=order)
                for order, (name, text) in enumerate(CRITERIA[data["slug"]])
            )
    for status in Status.values:
        StatusMail.objects.get_or_create(status=status)
    committees = load_committees()
    content_changed("pools")  # update() and bulk_create above send no signal
    content_changed("committee")
    reference_efforts.load()  # the drejebog for special efforts
    return f"{len(POOLS)} puljer ({created} nye), {len(COMMITTEES)} udvalg ({committees} nye)"
