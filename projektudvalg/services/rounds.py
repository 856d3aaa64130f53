"""Committee staff open and change application rounds (the staff page and the admin).

A round's budget is a promise the grants rely on: it is changed only with the round's
row locked (the lock `decide` takes before it commits money), and never below what the
round has committed. A round's pool never changes once someone has applied in it.
"""

import datetime
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from holbaek.text import one_full_stop
from projektudvalg.eligibility import kr
from projektudvalg.models import GrantPool, Round
from projektudvalg.services.review import committed


def _save(round_: Round) -> Round:
    if round_.deadline <= round_.opens_at:
        raise ValidationError({"deadline": _("Fristen skal ligge efter åbningen.")})
    round_.full_clean()
    round_.save()
    return round_


@transaction.atomic
def round_create(
    *, pool: GrantPool, name: str, opens_at: datetime.datetime, deadline: datetime.datetime,
    budget: Decimal, report_months: int = 12,
) -> Round:  # fmt: skip
    round_ = Round(pool=pool, name=name.strip(), opens_at=opens_at, deadline=deadline,
                   budget=budget, report_months=report_months)  # fmt: skip
    return _save(round_)


@transaction.atomic
def round_update(
    *, round_: Round, pool: GrantPool, name: str, opens_at: datetime.datetime,
    deadline: datetime.datetime, budget: Decimal, report_months: int,
) -> Round:  # fmt: skip
    """Changes a round under a lock on its row, re-checking what is committed now."""
    locked = Round.objects.select_for_update().get(pk=round_.pk)
    if pool.pk != locked.pool_id and locked.applications.exists():
        raise ValidationError(
            {"pool": _("Der er søgt i runden, så den kan ikke flyttes til en anden pulje.")}
        )
    already = committed(locked)
    if budget < already:
        raise ValidationError(
            {
                "budget": one_full_stop(
                    _("Runden har allerede bevilget %(amount)s. Budgettet kan ikke være mindre.")
                    % {"amount": kr(already)}
                )
            }
        )
    locked.pool, locked.name, locked.opens_at, locked.deadline = (
        pool,
        name.strip(),
        opens_at,
        deadline,
    )
    locked.budget, locked.report_months = budget, report_months
    return _save(locked)
