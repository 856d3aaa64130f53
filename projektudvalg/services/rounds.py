"""Committee staff open and change application rounds (the staff page and the admin).

A round's budget is a promise the grants rely on: it is changed only with the round's
row locked (the lock `decision_record` takes before it commits money), and never below
what the round has committed. A round's pool never changes once someone has applied in
it, and its deadline comes after its opening. The staff page and the admin both come
here, so both say the same.
"""

import datetime
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from holbaek.text import kroner, one_full_stop
from projektudvalg.models import GrantPool, Round, round_dates_check
from projektudvalg.selectors import committed

# A final report later than five years after the grant is not a plan.
MAX_REPORT_MONTHS = 60


def _save(round_: Round) -> Round:
    round_dates_check(opens_at=round_.opens_at, deadline=round_.deadline)
    if round_.report_months > MAX_REPORT_MONTHS:
        raise ValidationError(
            {
                "report_months": _(
                    "Slutrapporten kan højst ligge %(max)d måneder efter bevillingen."
                )
                % {"max": MAX_REPORT_MONTHS}
            }
        )
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
                    % {"amount": kroner(already)}
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
