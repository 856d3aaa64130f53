"""What the browser's session keeps while a survey is answered: the answers so far (a
draft, in this browser only, cleared when the answer is sent, never in an address), the
invitation or forum the answer is given through, and one random token per browser (the
open link's "one answer per browser"; the database keeps only its keyed hash).

`request.session["surveys"]` = {"<survey pk>": {"answers": {...}, "invitation": pk,
"forum": pk}}; `request.session["survey_token"]` = the browser's token.
"""

import secrets

from projektudvalg.models import ResponseChannel
from projektudvalg.permissions import can_answer_for_forum
from projektudvalg.selectors.survey_answering import Way, forum_in, invitation_in
from projektudvalg.survey_logic import Value

SURVEYS, TOKEN = "surveys", "survey_token"


def _kept(request) -> dict:
    kept = request.session.get(SURVEYS)
    return dict(kept) if isinstance(kept, dict) else {}  # an older or broken session: none


def _entry(request, survey) -> dict:
    entry = _kept(request).get(str(survey.pk))
    return dict(entry) if isinstance(entry, dict) else {}


def _store(request, survey, entry: dict) -> None:
    kept = _kept(request)
    if entry:
        kept[str(survey.pk)] = entry
    else:
        kept.pop(str(survey.pk), None)
    request.session[SURVEYS] = kept


def _to_dict(value: Value) -> dict:
    return {
        "options": list(value.options),
        "other": value.other,
        "text": value.text,
        "number": value.number,
        "date": value.date,
        "area": value.area,
        "rows": {str(row): list(cols) for row, cols in value.rows.items()},
        "ranks": {str(pk): rank for pk, rank in value.ranks.items()},
    }


def _from_dict(data: dict) -> Value | None:
    try:
        return Value(
            options=tuple(int(pk) for pk in data.get("options", ())),
            other=str(data.get("other", "")),
            text=str(data.get("text", "")),
            number=None if data.get("number") is None else int(data["number"]),
            date=str(data.get("date", "")),
            area=None if data.get("area") is None else int(data["area"]),
            rows={int(r): tuple(int(c) for c in cols) for r, cols in data.get("rows", {}).items()},
            ranks={int(pk): int(rank) for pk, rank in data.get("ranks", {}).items()},
        )
    except (AttributeError, TypeError, ValueError):
        return None  # a draft from an older page: that answer is asked again


def draft(request, survey) -> dict[int, Value]:
    stored = _entry(request, survey).get("answers", {})
    values = {}
    for pk, data in stored.items() if isinstance(stored, dict) else ():
        value = _from_dict(data) if isinstance(data, dict) else None
        if value is not None and str(pk).isdigit():
            values[int(pk)] = value
    return values


def draft_save(request, survey, values: dict[int, Value]) -> None:
    entry = _entry(request, survey)
    entry["answers"] = {str(pk): _to_dict(value) for pk, value in values.items()}
    _store(request, survey, entry)


def draft_drop(request, survey) -> None:
    """The answers so far are gone (the way stays: a survey not open yet may open)."""
    entry = _entry(request, survey)
    if entry.pop("answers", None) is not None:
        _store(request, survey, entry)


def finish(request, survey) -> None:
    """After sending: the draft and the way are gone (the browser's token stays)."""
    _store(request, survey, {})


def way_remember(request, survey, *, invitation=None, forum=None) -> None:
    """The invitation or the forum this browser answers through (one, not both)."""
    entry = _entry(request, survey)
    entry["invitation"] = invitation.pk if invitation is not None else None
    entry["forum"] = forum.pk if forum is not None else None
    _store(request, survey, entry)


def _pk(request, survey, name) -> int | None:
    pk = _entry(request, survey).get(name)
    return pk if isinstance(pk, int) and not isinstance(pk, bool) else None


def invitation_pk(request, survey):
    return _pk(request, survey, "invitation")


def forum_pk(request, survey):
    return _pk(request, survey, "forum")


def session_token(request) -> str:
    token = request.session.get(TOKEN)
    if not token:
        token = request.session[TOKEN] = secrets.token_urlsafe(24)
    return token


def answer_way(request, survey, *, new_token=True) -> Way | None:
    """The way this visitor answers, in this order: the invitation held in the session
    (from its personal link), the forum held in the session (chosen on the forum's
    page, by one of its editors), the signed-in user, the open link (one answer per
    browser). None: no way is open to this visitor (yet)."""
    # In a survey open by link, every answer but a forum's also marks the browser.
    token = ""
    if survey.audience_public:
        token = session_token(request) if new_token else request.session.get(TOKEN, "")
    invitation = invitation_in(survey, invitation_pk(request, survey))
    if invitation is not None:
        return Way(ResponseChannel.INVITATION, invitation=invitation, session_token=token)
    user = request.user if request.user.is_authenticated else None
    forum = forum_in(survey, pk=forum_pk(request, survey)) if user else None
    if forum is not None and can_answer_for_forum(user, forum):
        return Way(ResponseChannel.FORUM, user=user, forum=forum)
    if user is not None and survey.audience_signed_in:
        return Way(ResponseChannel.SIGNED_IN, user=user, session_token=token)
    if survey.audience_public:
        return Way(ResponseChannel.LINK, session_token=token)
    return None
