"""What one answer may hold, per question kind: everything else is refused, not stored.

`check_value` is called by `services.survey_responses.response_store` for every kept
answer, whichever door it came through (the answer pages, staff's paper entry), so a
forged post cannot add a vote: an option id of another question, the same option twice,
fields that do not belong to the kind, ranks that are not 1..n, numbers out of range,
a date that is not one, an area the portal does not have, or a text that is too long.
"""

import datetime

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from holbaek.text import LONG_TEXT, SHORT_TEXT
from projektudvalg.models import MATRIX_KINDS, QuestionKind
from projektudvalg.survey_logic import Value

BIGINT = 2**63 - 1
UNKNOWN_OPTION = _("Vælg en af svarmulighederne.")
TOO_LONG = _("Svaret er for langt.")
# The fields of `Value` each kind may use.
FIELDS = {
    QuestionKind.SHORT_TEXT: {"text"},
    QuestionKind.LONG_TEXT: {"text"},
    QuestionKind.SINGLE: {"options", "other"},
    QuestionKind.MULTIPLE: {"options", "other"},
    QuestionKind.MATRIX_SINGLE: {"rows"},
    QuestionKind.MATRIX_MULTIPLE: {"rows"},
    QuestionKind.RANKING: {"ranks"},
    QuestionKind.NUMBER: {"number"},
    QuestionKind.SCALE: {"number"},
    QuestionKind.CONSENT: {"number"},
    QuestionKind.DATE: {"date"},
    QuestionKind.AREA: {"area"},
}


def _used(value: Value) -> set[str]:
    used = {name for name in ("options", "rows", "ranks") if getattr(value, name)}
    used |= {name for name in ("text", "other", "date") if getattr(value, name)}
    used |= {name for name in ("number", "area") if getattr(value, name) is not None}
    return used


def _check_choices(question, value: Value, columns: set[int], other_id) -> None:
    chosen = list(value.options)
    if len(chosen) != len(set(chosen)) or not set(chosen) <= columns:
        raise ValidationError(UNKNOWN_OPTION)
    if question.kind == QuestionKind.SINGLE and len(chosen) > 1:
        raise ValidationError(_("Vælg kun én svarmulighed."))
    too_many = bool(question.max_choices) and len(chosen) > question.max_choices
    if question.kind == QuestionKind.MULTIPLE and too_many:
        raise ValidationError(
            _("Vælg højst %(count)s svarmuligheder.") % {"count": question.max_choices}
        )
    if value.other and other_id not in chosen:
        raise ValidationError(_("Vælg “andet”, hvis du vil skrive dit eget svar."))


def _check_matrix(question, value: Value, columns: set[int], rows: set[int]) -> None:
    for row, picked in value.rows.items():
        if row not in rows or len(picked) != len(set(picked)) or not set(picked) <= columns:
            raise ValidationError(UNKNOWN_OPTION)
        if question.kind == QuestionKind.MATRIX_SINGLE and len(picked) > 1:
            raise ValidationError(_("Vælg kun én svarmulighed i hver række."))


def _check_ranks(value: Value, columns: set[int]) -> None:
    if not set(value.ranks) <= columns:
        raise ValidationError(UNKNOWN_OPTION)
    if sorted(value.ranks.values()) != list(range(1, len(value.ranks) + 1)):
        raise ValidationError(_("Giv hver mulighed sin egen plads: 1, 2, 3 og så videre."))


def _check_number(question, number: int) -> None:
    if question.kind == QuestionKind.SCALE and not 1 <= number <= 5:
        raise ValidationError(_("Vælg et tal fra 1 til 5."))
    if question.kind == QuestionKind.CONSENT and number != 1:
        raise ValidationError(_("Sæt kryds, hvis du giver dit samtykke."))
    low = question.min_value if question.min_value is not None else -BIGINT
    high = question.max_value if question.max_value is not None else BIGINT
    if number < low:
        raise ValidationError(_("Skriv mindst %(min)s.") % {"min": low})
    if number > high:
        raise ValidationError(_("Skriv højst %(max)s.") % {"max": high})


def check_value(question, value: Value, *, area_ids: frozenset[int]) -> None:
    """Refuse what the question cannot hold (the answer pages show the message)."""
    if not _used(value) <= FIELDS.get(question.kind, set()):
        raise ValidationError(UNKNOWN_OPTION)
    if len(value.text) > LONG_TEXT or len(value.other) > SHORT_TEXT:
        raise ValidationError(TOO_LONG)
    options = list(question.options.all())
    columns = {o.pk for o in options if not o.is_row}
    rows = {o.pk for o in options if o.is_row}
    other_id = next((o.pk for o in options if o.is_other), None)
    if question.kind in (QuestionKind.SINGLE, QuestionKind.MULTIPLE):
        _check_choices(question, value, columns, other_id)
    elif question.kind in MATRIX_KINDS:
        _check_matrix(question, value, columns, rows)
    elif question.kind == QuestionKind.RANKING:
        _check_ranks(value, columns)
    if value.number is not None:
        _check_number(question, value.number)
    if value.date:
        try:
            datetime.date.fromisoformat(value.date)
        except ValueError:
            raise ValidationError(_("Skriv datoen som dd.mm.åååå.")) from None
    if value.area is not None and value.area not in area_ids:
        raise ValidationError(_("Vælg et af lokalområderne."))
