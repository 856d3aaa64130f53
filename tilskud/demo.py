"""A fictional previous year followed through, so the staff pages have something in them.

Last year gets the illustrative scheme, approved, and three forums at different
stages: Jyderup paid with accounts accepted, Tølløse paid with accounts still to
come (its demo editor can submit them), and Orø, which cannot be paid yet (no
agreement). The CVR numbers are made up.
"""

import datetime
from decimal import Decimal

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from lokalfora.models import LocalArea
from tilskud import followup, services
from tilskud.models import CooperationAgreement, GrantScheme, SchemeKind
from tilskud.status import year_status


@transaction.atomic
def load() -> str:
    year = timezone.localdate().year - 1
    scheme, created = GrantScheme.objects.get_or_create(
        year=year,
        defaults={
            "kind": SchemeKind.FORMULA,
            "base": Decimal("13000"),
            "rate": Decimal("3.45"),
            "population_date": datetime.date(year, 1, 1),
            "accounts_due": datetime.date(year + 1, 3, 31),
            "is_illustrative": True,
        },
    )
    if not created:
        return f"tilskud {year} findes allerede"
    services.approve(scheme=scheme, user=None)
    areas = LocalArea.objects.select_related("forum").in_bulk(
        ["tollose", "jyderup", "oro"], field_name="slug"
    )
    for slug, cvr in (("tollose", "11111111"), ("jyderup", "22222222")):
        forum = areas[slug].forum
        forum.legal_form, forum.cvr = "association", cvr
        forum.save()
        CooperationAgreement.objects.create(
            scheme=scheme, area=areas[slug], signed_on=datetime.date(year, 2, 1)
        )
        (status,) = year_status(scheme, area=areas[slug])
        followup.register_payment(
            scheme=scheme,
            area=areas[slug],
            paid_on=datetime.date(year, 3, 1),
            amount=Decimal(status.line.amount),
            nemkonto_reference=f"DEMO-{year}-{slug.upper()}",
            user=None,
        )
    accounts = followup.submit_accounts(
        scheme=scheme,
        area=areas["jyderup"],
        uploaded=ContentFile(b"%PDF-1.4\n% Demoregnskab\n", name="demoregnskab.pdf"),
        no_wages=True,
        user=None,
    )
    followup.review_accounts(accounts=accounts, accept=True, note="", user=None)
    return (
        f"illustrativt tilskud {year}: godkendt, Tølløse og Jyderup udbetalt "
        "(Jyderups regnskab godkendt, Tølløses mangler), Orø mangler samarbejdsaftale"
    )
