"""Where each area's grant for a year stands: agreement, payments and accounts.

`year_status` reads everything for a year in a fixed number of queries, for the
staff overview, the area's follow-up page and the reminders alike.
"""

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from lokalfora.models import (
    AccountsReminder,
    AccountsStatus,
    AnnualAccounts,
    CooperationAgreement,
    Forum,
    GrantLine,
    GrantPayment,
    GrantScheme,
    GrantVersion,
    LegalForm,
    LocalArea,
)


class AccountsState:
    NOT_DUE = "not_due"  # nothing paid yet, or the due date has not passed
    MISSING = "missing"  # paid, due date passed, nothing under review or accepted
    SUBMITTED = AccountsStatus.SUBMITTED
    ACCEPTED = AccountsStatus.ACCEPTED
    RETURNED = AccountsStatus.RETURNED


def payment_blockers(*, line, agreement, forum) -> list[str]:
    """Why no payment can be made for the area's grant this year, in Danish; [] if it can."""
    blockers = []
    if line is None:
        blockers.append(_("Årets tilskud er ikke godkendt endnu."))
    if agreement is None:
        blockers.append(_("Der er ingen underskrevet samarbejdsaftale for året."))
    if forum is None or forum.legal_form != LegalForm.ASSOCIATION:
        blockers.append(_("Lokalforummet er ikke registreret som forening med eget CVR-nummer."))
    elif not forum.cvr:
        blockers.append(_("Lokalforummet mangler et CVR-nummer."))
    return blockers


@dataclass
class AreaStatus:
    area: LocalArea
    forum: Forum | None
    line: GrantLine | None  # the approved amount; None while the year is a draft
    agreement: CooperationAgreement | None
    payments: list[GrantPayment] = field(default_factory=list)
    accounts: list[AnnualAccounts] = field(default_factory=list)  # newest first
    last_reminder: datetime.datetime | None = None
    accounts_due: datetime.date | None = None
    today: datetime.date | None = None

    @property
    def paid(self) -> Decimal:
        return sum((payment.amount for payment in self.payments), Decimal(0))

    @property
    def approved(self) -> int | None:
        return self.line.amount if self.line else None

    @property
    def remaining(self) -> Decimal | None:
        return None if self.line is None else Decimal(self.line.amount) - self.paid

    @property
    def blockers(self) -> list[str]:
        return payment_blockers(line=self.line, agreement=self.agreement, forum=self.forum)

    @property
    def current_accounts(self) -> AnnualAccounts | None:
        return self.accounts[0] if self.accounts else None

    @property
    def accounts_state(self) -> str:
        current = self.current_accounts
        if current is not None and current.status != AccountsStatus.RETURNED:
            return current.status
        if self.is_overdue:
            return AccountsState.MISSING
        return current.status if current else AccountsState.NOT_DUE

    @property
    def is_overdue(self) -> bool:
        """Money was paid, the due date has passed and no accounts are in or accepted."""
        current = self.current_accounts
        live = current is not None and current.status != AccountsStatus.RETURNED
        return bool(
            self.payments
            and self.accounts_due
            and self.today
            and self.accounts_due < self.today
            and not live
        )


def year_status(scheme: GrantScheme, *, area: LocalArea | None = None) -> list[AreaStatus]:
    """Every area's status for the scheme's year (or one area's). 6 queries."""
    areas = LocalArea.objects.order_by("name")
    if area is not None:
        areas = areas.filter(pk=area.pk)
    areas = list(areas.select_related("forum"))
    area_ids = [a.pk for a in areas]
    version = GrantVersion.objects.filter(scheme=scheme).order_by("-number").first()
    lines = {}
    if version is not None:
        lines = {
            line.area_id: line
            for line in GrantLine.objects.filter(version=version, area_id__in=area_ids)
        }
    agreements = {
        a.area_id: a
        for a in CooperationAgreement.objects.filter(scheme=scheme, area_id__in=area_ids)
    }
    payments, accounts = {}, {}
    for payment in GrantPayment.objects.filter(scheme=scheme, area_id__in=area_ids).order_by(
        "paid_on", "id"
    ):
        payments.setdefault(payment.area_id, []).append(payment)
    for item in AnnualAccounts.objects.filter(scheme=scheme, area_id__in=area_ids).order_by(
        "-uploaded_at", "-id"
    ):
        accounts.setdefault(item.area_id, []).append(item)
    reminders = dict(
        AccountsReminder.objects.filter(scheme=scheme, area_id__in=area_ids)
        .values("area_id")
        .annotate(last=Max("sent_at"))
        .values_list("area_id", "last")
    )
    today = timezone.localdate()
    return [
        AreaStatus(
            area=a,
            forum=getattr(a, "forum", None),
            line=lines.get(a.pk),
            agreement=agreements.get(a.pk),
            payments=payments.get(a.pk, []),
            accounts=accounts.get(a.pk, []),
            last_reminder=reminders.get(a.pk),
            accounts_due=scheme.accounts_due,
            today=today,
        )
        for a in areas
    ]
