"""One service per step of an application's life. Views, the admin, tasks and the demo
only call these.

Split by who acts: `applying` (the applicant), `review` (committee staff up to the
decision), `followup` (after it) and `rounds` (staff open and change rounds).

The money rules: a decision can never commit more than the round's budget (the
round's row is locked while the check and the commitment happen), and payouts
never exceed what was granted (the application's row is locked).
"""

from projektudvalg.services.agenda import (
    agenda_attachment_add,
    agenda_item_add,
    agenda_item_create,
    agenda_item_delete,
    agenda_item_from_round,
    agenda_item_record_decision,
    agenda_item_update,
    agenda_items_renumber,
    agenda_link_add,
    agenda_link_remove,
)
from projektudvalg.services.applying import (
    application_check,
    application_create,
    application_save_draft,
    application_submit,
    application_withdraw,
    attachment_add,
    attachment_remove,
)
from projektudvalg.services.committee import committee_save, member_delete, member_save
from projektudvalg.services.effort_content import (
    action_delete,
    action_save,
    budget_lines_save,
    commitment_delete,
    commitment_save,
)
from projektudvalg.services.effort_groups import (
    document_add,
    document_remove,
    group_save,
)
from projektudvalg.services.effort_milestones import (
    milestone_delete,
    milestone_save,
    milestones_from_template,
    milestones_sync,
)
from projektudvalg.services.efforts import (
    effort_create,
    effort_transition,
    effort_update,
)
from projektudvalg.services.followup import (
    application_close,
    application_lapse,
    final_report_accept,
    final_report_remind_overdue,
    final_report_submit,
    payout_record,
)
from projektudvalg.services.meetings import (
    meeting_cancel,
    meeting_create,
    meeting_mark_held,
    meeting_publish_agenda,
    meeting_publish_minutes,
    meeting_reopen,
    meeting_update,
)
from projektudvalg.services.review import (
    advisory_note_create,
    assessment_save,
    decision_record,
    recommendation_save,
    review_start,
)
from projektudvalg.services.rounds import round_create, round_update
from projektudvalg.services.working_groups import (
    commitment_comment_add,
    effort_update_post,
    working_group_join,
    working_group_leave,
    working_group_request_decide,
)

__all__ = [
    "advisory_note_create", "agenda_item_add",
    "application_check", "application_close", "application_create", "application_lapse",
    "application_save_draft", "application_submit", "application_withdraw", "assessment_save",
    "attachment_add", "attachment_remove", "decision_record", "final_report_accept",
    "final_report_remind_overdue", "final_report_submit", "meeting_create", "payout_record",
    "recommendation_save", "review_start", "round_create", "round_update",
]  # fmt: skip
__all__ += [
    "agenda_attachment_add", "agenda_item_create", "agenda_item_delete",
    "agenda_item_from_round", "agenda_item_record_decision", "agenda_item_update",
    "agenda_items_renumber", "agenda_link_add", "agenda_link_remove", "committee_save",
    "meeting_cancel", "meeting_mark_held", "meeting_publish_agenda", "meeting_publish_minutes",
    "meeting_reopen", "meeting_update", "member_delete", "member_save",
]  # fmt: skip

__all__ += [
    "commitment_comment_add", "effort_update_post", "working_group_join", "working_group_leave",
    "working_group_request_decide",
]  # fmt: skip
__all__ += [
    "action_delete", "action_save", "budget_lines_save", "commitment_delete", "commitment_save",
    "document_add", "document_remove", "effort_create", "effort_transition", "effort_update",
    "group_save", "milestone_delete", "milestone_save", "milestones_from_template",
    "milestones_sync",
]  # fmt: skip
