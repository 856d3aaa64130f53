"""Every read of projektudvalg, one module per sub-domain: `pools` (the pools, rounds,
applications and their review), and the committee's and the special efforts' modules.
The pool reads are re-exported here, as callers have always imported them."""

from projektudvalg.selectors.pools import (
    AWAITING_ADVICE_STATUSES,
    GRANT_OUTCOMES,
    GRANTED_STATUSES,
    application,
    application_details,
    applications_of,
    awaiting_advice,
    case_details,
    committed,
    committed_by_round,
    final_reports_overdue,
    granted_amount,
    granted_projects,
    granted_summary,
    letter_decision,
    open_round,
    paid_amount,
    queue,
    round_overview,
)

__all__ = [
    "AWAITING_ADVICE_STATUSES",
    "GRANTED_STATUSES",
    "GRANT_OUTCOMES",
    "application",
    "application_details",
    "applications_of",
    "awaiting_advice",
    "case_details",
    "committed",
    "committed_by_round",
    "final_reports_overdue",
    "granted_amount",
    "granted_projects",
    "granted_summary",
    "letter_decision",
    "open_round",
    "paid_amount",
    "queue",
    "round_overview",
]

# Committee staff's meeting pages and the printable agenda (the meetings helper's block).
from projektudvalg.selectors.agendas import (
    agenda_item,
    meeting_agenda,
    meetings_for_staff,
    printable_meeting,
)

__all__ += ["agenda_item", "meeting_agenda", "meetings_for_staff", "printable_meeting"]
