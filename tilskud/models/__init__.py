from tilskud.models.followup import (
    AccountsReminder,
    AccountsStatus,
    AnnualAccounts,
    CooperationAgreement,
    GrantPayment,
)
from tilskud.models.schemes import (
    MONEY,
    GrantBand,
    GrantLine,
    GrantScheme,
    GrantVersion,
    SchemeKind,
)

__all__ = [
    "MONEY",
    "AccountsReminder",
    "AccountsStatus",
    "AnnualAccounts",
    "CooperationAgreement",
    "GrantBand",
    "GrantLine",
    "GrantPayment",
    "GrantScheme",
    "GrantVersion",
    "SchemeKind",
]
