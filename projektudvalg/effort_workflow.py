"""The one transition table of a special effort's status (services.efforts.effort_transition
is the only code that moves it; every move is an EffortTransition row).

    foreslået → udvalgt → opstart → aktiv → evaluering → afsluttet

A running effort (udvalgt, opstart, aktiv, evaluering) can be put on pause ("sat på
pause") and taken off it again: back to the status it was paused from (RESUME), or
straight to afsluttet when the cooperation is stopped for good. An evaluation can send
the effort back to aktiv (there is more to do). Afsluttet is final; foreslået only moves
on to udvalgt, and only with the committee decision that selected the effort
(`selection_decision`, the DB constraint `effort_selected_by_decision` too).
"""

from projektudvalg.models import EffortStatus

S = EffortStatus
RESUME = "resume"  # from pause: the status the effort was paused from

TRANSITIONS: dict[str, tuple[str, ...]] = {
    S.PROPOSED: (S.SELECTED,),
    S.SELECTED: (S.STARTING, S.PAUSED),
    S.STARTING: (S.ACTIVE, S.PAUSED),
    S.ACTIVE: (S.EVALUATION, S.PAUSED),
    S.EVALUATION: (S.FINISHED, S.ACTIVE, S.PAUSED),
    S.PAUSED: (RESUME, S.FINISHED),
    S.FINISHED: (),
}

# The statuses an effort can be paused from (and so resumed to).
PAUSABLE = frozenset(status for status, targets in TRANSITIONS.items() if S.PAUSED in targets)


def targets(status: str, *, paused_from: str | None = None) -> list[str]:
    """The statuses an effort in `status` may move to; a paused one needs `paused_from`
    (the status it was paused from) to resume."""
    found = []
    for target in TRANSITIONS.get(status, ()):
        if target == RESUME:
            if paused_from in PAUSABLE:
                found.append(paused_from)
        else:
            found.append(target)
    return found


def allowed(status: str, to_status: str, *, paused_from: str | None = None) -> bool:
    return to_status in targets(status, paused_from=paused_from)
