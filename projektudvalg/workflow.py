"""The application's statuses and every allowed transition, as one table.

Each action moves from one of its `sources` to its `target`; anything else is
refused with a Danish message. `services/` has one function per action, and
each goes through `transition()`, which locks the application row, records the
change for the timeline and mails the applicant if staff have left that on. What the
applicant reads for each status is `models.APPLICANT_LABELS`.
"""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from holbaek.pagecache import row_changed
from projektudvalg import mails
from projektudvalg.models import APPLICANT_LABELS, Application, Status, StatusEvent


@dataclass(frozen=True)
class Transition:
    sources: frozenset[str]
    target: str
    label: object  # lazy Danish verb phrase, "indsendes"


S = Status
TRANSITIONS: dict[str, Transition] = {
    "submit": Transition(frozenset({S.DRAFT, S.RETURNED}), S.SUBMITTED, gettext_lazy("indsendes")),
    "start_review": Transition(
        frozenset({S.SUBMITTED}), S.IN_REVIEW, gettext_lazy("tages under behandling")
    ),
    "send_back": Transition(
        frozenset({S.IN_REVIEW}), S.RETURNED, gettext_lazy("sendes retur til rettelser")
    ),
    "grant": Transition(frozenset({S.IN_REVIEW}), S.GRANTED, gettext_lazy("bevilges")),
    "refuse": Transition(frozenset({S.IN_REVIEW}), S.REFUSED, gettext_lazy("afslås")),
    "pay": Transition(frozenset({S.GRANTED, S.PAID}), S.PAID, gettext_lazy("få en udbetaling")),
    "close": Transition(frozenset({S.PAID}), S.CLOSED, gettext_lazy("afsluttes")),
    # A grant never paid out (the project did not happen): its money goes back to the round.
    "lapse": Transition(frozenset({S.GRANTED}), S.LAPSED, gettext_lazy("bortfalde")),
    # The applicant's own choice, until the committee has decided.
    "withdraw": Transition(
        frozenset({S.DRAFT, S.SUBMITTED, S.IN_REVIEW, S.RETURNED}),
        S.WITHDRAWN,
        gettext_lazy("trækkes tilbage"),
    ),
}


def allowed(status: str, action: str) -> bool:
    return status in TRANSITIONS[action].sources


def actions_from(status: str) -> list[str]:
    return [action for action, t in TRANSITIONS.items() if status in t.sources]


def lock(application: Application, action: str) -> Application:
    """The application's row, locked and re-read, if `action` is allowed from its committed
    status; otherwise a Danish refusal. Call inside a transaction, before any other check
    (a service that checks money or rules first would answer about the wrong thing)."""
    rule = TRANSITIONS[action]
    locked = (
        Application.objects.select_for_update(of=("self",))
        .select_related("round")
        .get(pk=application.pk)
    )
    if locked.status not in rule.sources:
        raise ValidationError(
            _("En ansøgning, der er »%(status)s«, kan ikke %(action)s.")
            % {"status": APPLICANT_LABELS[locked.status], "action": rule.label},
            code="transition",
        )
    return locked


def transition(application: Application, action: str, *, by, note: str = "") -> Application:
    """Moves a locked application along `action`, or refuses. Call inside a transaction."""
    rule = TRANSITIONS[action]
    locked = lock(application, action)
    previous = locked.status
    Application.objects.filter(pk=locked.pk).update(status=rule.target)
    application.status = locked.status = rule.target
    row_changed(locked)  # update() sends no post_save: the public pages are told here
    if rule.target != previous:
        StatusEvent.objects.create(
            application=locked, from_status=previous, to_status=rule.target, by=by, note=note
        )
        transaction.on_commit(lambda: mails.status_changed(application.pk, rule.target))
    return application
