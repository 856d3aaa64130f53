"""The two pools of the committee's track 1, with their published rules.

Rules as published for Rum til fællesskab (2021) and Landsbyfornyelse
(2020-21), written in plain Danish. Loading is idempotent and never
overwrites a pool that staff have edited.
"""

from django.db import transaction

from projektudvalg.models import GrantPool

POOLS = [
    {
        "slug": "rum-til-faellesskab",
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


@transaction.atomic
def load() -> str:
    created = sum(
        GrantPool.objects.get_or_create(slug=pool["slug"], defaults=pool)[1] for pool in POOLS
    )
    return f"{len(POOLS)} puljer ({created} nye)"
