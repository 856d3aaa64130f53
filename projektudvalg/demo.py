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
from projektudvalg import demo_efforts, demo_meetings, demo_news, demo_surveys, services
from projektudvalg.models import Application, GrantPool, Round, end_of_day

APPLICATIONS = [
    ("Shelter og bålplads ved Tølløse Sø", "tollose", Decimal(60000), "granted"),
    ("Ny scene i forsamlingshuset", "jyderup", Decimal(120000), "in_review"),
    ("Naturlegeplads ved skolen", "oro", Decimal(75000), "draft"),
]


def _open_rounds() -> dict[str, Round]:
    """An open round in each pool, the deadline 60 days ahead at the end of that day."""
    today = timezone.localdate()
    opens = timezone.now() - datetime.timedelta(days=7)
    return {
        slug: services.round_create(
            pool=GrantPool.objects.get(slug=slug),
            name=f"Demo-runde {today.year}",
            opens_at=opens,
            deadline=end_of_day(today + datetime.timedelta(days=60)),
            budget=Decimal(budget),
        )
        for slug, budget in (("rum-til-faellesskab", 2_500_000), ("landsbyfornyelse", 800_000))
    }


def _draft(round_: Round, citizen, *, title: str, slug: str, amount: Decimal) -> Application:
    """A complete Rum til fællesskab draft: 12 % of its own money, one criterion."""
    area = LocalArea.objects.get(slug=slug)
    application = services.application_create(pool=round_.pool, round_id=round_.pk, user=citizen)
    own = (amount * Decimal("0.12")).quantize(Decimal(1))
    return services.application_save_draft(
        application=application,
        values={
            "organisation": f"Demo Borgerforening {area.name}",
            "applicant_type": "association",
            "area": area,
            "title": f"(Demo) {title}",
            "description": "(Demotekst) Et opdigtet projekt.",
            "amount_applied": amount,
            "cofinancing_cash": own,
            "timeline": "2027",
            "contact_name": "Demo Borger",
            "contact_email": "borger@example.org",
            "co_creator_consulted": True,
        },
        criteria=[round_.pool.criteria_list.first()],
        lines=[("Materialer og håndværkere", amount + own)],
    )


@transaction.atomic
def load() -> str:
    if Round.objects.exists():
        return "ansøgningsrunder findes allerede"
    round_ = _open_rounds()["rum-til-faellesskab"]
    citizen = demo_user("borger@example.org", "Demo Borger")
    staff = demo_user("sekretariat@example.org", "Demo Sekretariat")
    made = {}
    for title, slug, amount, state in APPLICATIONS:
        application = _draft(round_, citizen, title=title, slug=slug, amount=amount)
        if state == "draft":
            continue
        services.application_submit(application=application, user=citizen)
        services.review_start(application=application, user=staff)
        made[state] = (application, amount)
    # The grant is decided at the demo committee's meeting in Tølløse (demo_meetings).
    meetings = demo_meetings.load(
        staff=staff, granted=made["granted"][0], amount=made["granted"][1],
        in_review=made["in_review"][0],
    )  # fmt: skip
    efforts = demo_efforts.load()  # its selection decisions are the meetings' items
    news = demo_news.load(staff)  # reports the traffic decision of the meeting in Tølløse
    surveys = demo_surveys.load(staff)
    count = Application.objects.count()
    return (
        f"2 åbne demo-runder og {count} opdigtede ansøgninger (bevilget, under behandling, "
        f"kladde); {meetings}; {efforts}; {news}; {surveys}"
    )
