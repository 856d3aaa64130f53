"""Fictional rounds and applications, so the pool, queue and status pages show something.

An open round in each pool (the deadline 60 days ahead, the end of that day in
Danish time) and, in Rum til fællesskab, three applications by the demo citizen:
one granted, one under review and one draft. Budgets and amounts are made up.
"""

import datetime
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from holbaek.demo import demo_user
from lokalfora.models import LocalArea
from projektudvalg import services
from projektudvalg.models import Application, GrantPool, Round, end_of_day

APPLICATIONS = [
    ("Shelter og bålplads ved Tølløse Sø", "tollose", Decimal(60000), "granted"),
    ("Ny scene i forsamlingshuset", "jyderup", Decimal(120000), "in_review"),
    ("Naturlegeplads ved skolen", "oro", Decimal(75000), "draft"),
]


@transaction.atomic
def load() -> str:
    if Round.objects.exists():
        return "ansøgningsrunder findes allerede"
    today = timezone.localdate()
    opens = timezone.now() - datetime.timedelta(days=7)
    rounds = {}
    for slug, budget in (("rum-til-faellesskab", 2_500_000), ("landsbyfornyelse", 800_000)):
        pool = GrantPool.objects.get(slug=slug)
        rounds[slug] = Round.objects.create(
            pool=pool,
            name=f"Demo-runde {today.year}",
            opens_at=opens,
            deadline=end_of_day(today + datetime.timedelta(days=60)),
            budget=Decimal(budget),
        )
    citizen = demo_user("borger@example.org", "Demo Borger")
    staff = demo_user("sekretariat@example.org", "Demo Sekretariat")
    pool = rounds["rum-til-faellesskab"].pool
    criterion = pool.criteria_list.first()
    for title, slug, amount, state in APPLICATIONS:
        application = services.start(pool=pool, round_id=rounds["rum-til-faellesskab"].pk,
                                     user=citizen)  # fmt: skip
        own = (amount * Decimal("0.12")).quantize(Decimal(1))
        services.save_draft(
            application=application,
            values={
                "organisation": f"Demo Borgerforening {LocalArea.objects.get(slug=slug).name}",
                "applicant_type": "association",
                "area": LocalArea.objects.get(slug=slug),
                "title": f"(Demo) {title}",
                "description": "(Demotekst) Et opdigtet projekt.",
                "amount_applied": amount,
                "cofinancing_cash": own,
                "timeline": "2027",
                "contact_name": "Demo Borger",
                "contact_email": "borger@example.org",
                "co_creator_consulted": True,
            },
            criteria=[criterion],
            lines=[("Materialer og håndværkere", amount + own)],
        )
        if state == "draft":
            continue
        services.submit(application=application, user=citizen)
        services.start_review(application=application, user=staff)
        if state == "granted":
            services.decide(application=application, user=staff, outcome="granted",
                            amount=amount, conditions="Skiltning med puljens navn.")  # fmt: skip
    count = Application.objects.count()
    return (
        f"2 åbne demo-runder og {count} opdigtede ansøgninger (bevilget, under behandling, kladde)"
    )
