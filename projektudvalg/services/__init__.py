"""One service per step of an application's life. Views only call these.

Split by who acts: `applying` (the applicant), `review` (committee staff up to the
decision) and `followup` (after it).

The money rules: a decision can never commit more than the round's budget (the
round's row is locked while the check and the commitment happen), and payouts
never exceed what was granted (the application's row is locked).
"""

from projektudvalg.services.applying import (
    MAX_FILES,
    attach,
    budget_total,
    check,
    facts,
    save_draft,
    start,
    submit,
    withdraw,
)
from projektudvalg.services.followup import (
    REMINDER_INTERVAL,
    accept_final_report,
    close,
    granted_amount,
    lapse,
    register_payout,
    remind_final_reports,
    submit_final_report,
)
from projektudvalg.services.review import (
    add_advisory_note,
    add_months,
    add_to_agenda,
    assess,
    committed,
    committed_by_round,
    decide,
    meeting_create,
    recommend,
    start_review,
)
from projektudvalg.services.rounds import round_create, round_update

__all__ = [
    "MAX_FILES", "REMINDER_INTERVAL", "accept_final_report", "add_advisory_note",
    "add_months", "add_to_agenda", "assess", "attach", "budget_total", "check", "close",
    "committed", "committed_by_round", "decide", "facts", "granted_amount", "lapse",
    "meeting_create", "recommend", "register_payout", "remind_final_reports", "round_create",
    "round_update", "save_draft", "start", "start_review", "submit", "submit_final_report",
    "withdraw",
]  # fmt: skip
