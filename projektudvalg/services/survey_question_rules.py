"""The rules of one question, its options and its conditions, checked on plain data before
`services.survey_questions` writes anything. Each refusal is a Danish `ValidationError`.

The functions take the survey's questions already loaded (options and conditions
prefetched), so the editor's pages can ask the same questions (`move_refusal`,
`delete_refusal`) to show only the buttons that work.
"""

from django.core.exceptions import ValidationError
from django.utils.text import get_text_list
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from projektudvalg.models import (
    CHOICE_KINDS,
    MATRIX_KINDS,
    OPTION_KINDS,
    TEXT_KINDS,
    ConditionKind,
    QuestionKind,
)

MAX_QUESTIONS = 200
MAX_OPTIONS = 50
MAX_CONDITIONS = 20
# The fields a caller's `data` may hold, and their empty values.
FIELDS = {
    "kind": "",
    "text": "",
    "help_text": "",
    "required": False,
    "max_choices": None,
    "min_value": None,
    "max_value": None,
    "scale_low_label": "",
    "scale_high_label": "",
}
# What may still change once the survey has answers: the wording.
WORDING = {"text", "help_text", "scale_low_label", "scale_high_label"}
LOCKED = _lazy(
    "Undersøgelsen har fået svar, så nu kan kun teksterne rettes: spørgsmålet, uddybningen, "
    "skalaens tekster og svarmulighedernes tekster. Spørgsmål kan ikke tilføjes, slettes "
    "eller flyttes, og typer, svarmuligheder og betingelser ligger fast."
)
OPTION_CONDITIONS = {ConditionKind.EQUALS, ConditionKind.NOT_EQUALS}


def order(question) -> tuple[int, int]:
    return (question.position, question.pk)


def numbers(questions) -> dict[int, int]:
    """The numbers respondents see: 1, 2, 3 … in order, sections not counted."""
    shown = [q for q in questions if not q.is_section]
    return {q.pk: index for index, q in enumerate(shown, start=1)}


def numbered(pks, number_of: dict[int, int]) -> str:
    """ "spørgsmål 5", "spørgsmål 5 og 7"."""
    listed = get_text_list([str(number_of.get(pk, "?")) for pk in pks], _("og"))
    return _("spørgsmål %(numbers)s") % {"numbers": listed}


def takes_text(question) -> bool:
    """Whether a "contains" condition can look at the question's answer."""
    if question.kind in TEXT_KINDS:
        return True
    return question.kind in CHOICE_KINDS and any(o.is_other for o in question.options.all())


def clean_fields(data: dict) -> dict:
    unknown = set(data) - set(FIELDS)
    if unknown:
        raise ValidationError(
            _("Ukendte felter: %(names)s.") % {"names": ", ".join(sorted(unknown))}
        )
    fields = {name: data.get(name, empty) for name, empty in FIELDS.items()}
    for name in WORDING | {"kind"}:
        fields[name] = (fields[name] or "").strip()
    fields["required"] = bool(fields["required"])
    if fields["kind"] not in QuestionKind.values:
        raise ValidationError(_("Vælg spørgsmålets type."))
    return fields


def check_fields(fields: dict, options: list[dict]) -> None:
    """The question's own fields: only those of its kind."""
    kind, errors = fields["kind"], []
    if not fields["text"]:
        errors.append(_("Skriv sektionens overskrift.") if kind == QuestionKind.SECTION
                      else _("Skriv spørgsmålet."))  # fmt: skip
    if kind == QuestionKind.SECTION and fields["required"]:
        errors.append(_("En sektion er en overskrift og kan ikke skulle besvares."))
    if fields["max_choices"] is not None:
        if kind != QuestionKind.MULTIPLE:
            errors.append(_("Højst antal valg gælder kun spørgsmål med flere valg."))
        elif not 1 <= fields["max_choices"] <= len(options):
            errors.append(
                _("Højst antal valg skal være mellem 1 og antallet af svarmuligheder (%(n)s).")
                % {"n": len(options)}
            )
    limits = (fields["min_value"], fields["max_value"])
    if any(value is not None for value in limits):
        if kind != QuestionKind.NUMBER:
            errors.append(_("Mindste og største tal gælder kun talspørgsmål."))
        elif None not in limits and limits[0] > limits[1]:
            errors.append(_("Det mindste tal må ikke være større end det største."))
    if (fields["scale_low_label"] or fields["scale_high_label"]) and kind != QuestionKind.SCALE:
        errors.append(_("Tekster ved 1 og 5 gælder kun skalaspørgsmål."))
    if errors:
        raise ValidationError(errors)


def clean_options(kind, options: list[dict], stored) -> list[dict]:
    """The options in order, each {"id", "label", "is_other", "is_row"}; an id must be an
    option of the question being changed."""
    known = {o.pk for o in stored.options.all()} if stored is not None else set()
    cleaned = []
    for index, option in enumerate(options, start=1):
        pk = option.get("id")
        if pk is not None and pk not in known:
            raise ValidationError(
                _("Svarmulighed %(n)s findes ikke på spørgsmålet.") % {"n": index}
            )
        label = (option.get("label") or "").strip()
        if not label:
            raise ValidationError(_("Svarmulighed %(n)s: skriv dens tekst.") % {"n": index})
        cleaned.append({"id": pk, "label": label, "is_other": bool(option.get("is_other")),
                        "is_row": bool(option.get("is_row"))})  # fmt: skip
    ids = [o["id"] for o in cleaned if o["id"] is not None]
    if len(set(ids)) < len(ids):
        raise ValidationError(_("En svarmulighed står to gange."))
    check_options(kind, cleaned)
    return cleaned


def check_options(kind, options: list[dict]) -> None:
    if not options:
        if kind in OPTION_KINDS:
            raise ValidationError(_("Skriv spørgsmålets svarmuligheder."))
        return
    if kind not in OPTION_KINDS:
        raise ValidationError(
            _("Kun spørgsmål med valg, matrix og rangordning har svarmuligheder.")
        )
    if len(options) > MAX_OPTIONS:
        raise ValidationError(
            _("Et spørgsmål kan højst have %(n)s svarmuligheder.") % {"n": MAX_OPTIONS}
        )
    rows = [o for o in options if o["is_row"]]
    columns = [o for o in options if not o["is_row"]]
    others = [o for o in options if o["is_other"]]
    errors = []
    if rows and kind not in MATRIX_KINDS:
        errors.append(_("Kun matrixspørgsmål har rækker."))
    if others and kind not in CHOICE_KINDS:
        errors.append(_("Kun spørgsmål med ét eller flere valg kan have “andet: …”."))
    if len(others) > 1:
        errors.append(_("Der kan kun være én “andet”-mulighed."))
    if kind in MATRIX_KINDS and (len(rows) < 1 or len(columns) < 2):
        errors.append(_("Et matrixspørgsmål skal have mindst én række og to kolonner."))
    elif kind not in MATRIX_KINDS and len(columns) < 2:
        errors.append(_("Skriv mindst to svarmuligheder."))
    for group in (rows, columns):
        labels = [o["label"].casefold() for o in group]
        if len(set(labels)) < len(labels):
            errors.append(_("To svarmuligheder har samme tekst."))
    if errors:
        raise ValidationError(errors)


def clean_conditions(kind, conditions: list[dict], questions, stored) -> list[dict]:
    """Each condition {"depends_on", "kind", "option", "text"} (question and option as ids or
    objects) resolved to the survey's own objects: an earlier question, one of its options."""
    if not conditions:
        return []
    if kind == QuestionKind.SECTION:
        raise ValidationError(_("En sektion vises altid og kan ikke have betingelser."))
    if len(conditions) > MAX_CONDITIONS:
        raise ValidationError(
            _("Et spørgsmål kan højst have %(n)s betingelser.") % {"n": MAX_CONDITIONS}
        )
    by_pk = {q.pk: q for q in questions}
    return [
        _condition(index, condition, by_pk, stored)
        for index, condition in enumerate(conditions, start=1)
    ]


def _pk(value):
    value = getattr(value, "pk", value)
    try:
        return int(value) if value not in (None, "") else None
    except (TypeError, ValueError):
        return -1


def _condition(index, condition: dict, by_pk, stored) -> dict:
    def refuse(message):
        raise ValidationError(_("Betingelse %(n)s: %(problem)s") % {"n": index, "problem": message})

    pk = _pk(condition.get("depends_on"))
    kind = condition.get("kind") or ""
    if pk is None:
        refuse(_("vælg det spørgsmål, den afhænger af."))
    if stored is not None and pk == stored.pk:
        refuse(_("et spørgsmål kan ikke afhænge af sig selv."))
    depends_on = by_pk.get(pk)
    if depends_on is None:
        refuse(_("spørgsmålet findes ikke i undersøgelsen."))
    if stored is not None and order(depends_on) > order(stored):
        refuse(_("den kan kun afhænge af et tidligere spørgsmål."))
    if depends_on.is_section:
        refuse(_("den kan ikke afhænge af en sektion."))
    if kind not in ConditionKind.values:
        refuse(_("vælg, hvad der skal gælde for svaret."))
    option, text = None, ""
    if kind in OPTION_CONDITIONS:
        if depends_on.kind not in CHOICE_KINDS:
            refuse(_("“er lig med” og “er ikke lig med” gælder kun spørgsmål med valg."))
        option_pk = _pk(condition.get("option"))
        if option_pk is None:
            refuse(_("vælg den svarmulighed, betingelsen gælder."))
        option = next((o for o in depends_on.options.all() if o.pk == option_pk), None)
        if option is None or option.is_row:
            refuse(_("svarmuligheden hører ikke til det valgte spørgsmål."))
    elif kind == ConditionKind.CONTAINS:
        text = (condition.get("text") or "").strip()
        if not text:
            refuse(_("skriv den tekst, svaret skal indeholde."))
        if not takes_text(depends_on):
            refuse(_("“indeholder teksten” gælder kun tekstspørgsmål og valg med “andet: …”."))
    return {"depends_on": depends_on, "kind": kind, "option": option, "text": text[:200]}


def check_dependents(stored, kind, options: list[dict], questions) -> None:
    """The conditions of other questions that look at `stored` still hold after the change."""
    number_of = numbers(questions)
    kept = {o["id"] for o in options if o["id"] is not None and not o["is_row"]}
    has_other = any(o["is_other"] for o in options)
    for question in questions:
        for condition in question.conditions.all():
            if condition.depends_on_id != stored.pk:
                continue
            who = numbered([question.pk], number_of)
            if kind == QuestionKind.SECTION:
                problem = _("Spørgsmålet kan ikke blive en sektion, fordi %(who)s afhænger af det.")
            elif condition.kind in OPTION_CONDITIONS and (
                kind not in CHOICE_KINDS or condition.option_id not in kept
            ):
                problem = _("En betingelse på %(who)s bruger en svarmulighed, der så forsvinder.")
            elif condition.kind == ConditionKind.CONTAINS and not (
                kind in TEXT_KINDS or (kind in CHOICE_KINDS and has_other)
            ):
                problem = _("En betingelse på %(who)s leder efter en tekst i svaret.")
            else:
                continue
            raise ValidationError(f"{problem % {'who': who}} {_('Ret først betingelsen.')}")


def check_wording_only(stored, fields, options, conditions, conditions_all) -> None:
    """After the first answer only the wording may change (the module docstring of
    services.survey_questions says why)."""
    if stored is None:
        raise ValidationError(LOCKED)
    same_fields = all(getattr(stored, name) == value for name, value in fields.items()
                      if name not in WORDING)  # fmt: skip
    before = [(o.pk, o.is_other, o.is_row) for o in stored.options.all()]
    after = [(o["id"], o["is_other"], o["is_row"]) for o in options]
    old = sorted((c.depends_on_id, c.kind, c.option_id, c.text) for c in stored.conditions.all())
    new = sorted((c["depends_on"].pk, c["kind"], getattr(c["option"], "pk", None), c["text"])
                 for c in conditions)  # fmt: skip
    same_logic = old == new and (not new or stored.conditions_all == conditions_all)
    if not (same_fields and before == after and same_logic):
        raise ValidationError(LOCKED)


def move_refusal(questions, index: int, up: bool) -> str | None:
    """Why questions[index] cannot swap with its neighbour, or None."""
    other = index - 1 if up else index + 1
    if not 0 <= other < len(questions):
        return _("Spørgsmålet er allerede øverst.") if up else _("Spørgsmålet er allerede nederst.")
    upper, lower = (
        (questions[other], questions[index]) if up else (questions[index], questions[other])
    )
    if any(c.depends_on_id == upper.pk for c in lower.conditions.all()):
        who = numbered([(upper if up else lower).pk], numbers(questions))
        if up:
            return _("Spørgsmålet afhænger af %(who)s og skal stå efter det.") % {"who": who}
        return _("%(who)s afhænger af spørgsmålet og skal stå efter det.") % {
            "who": who.capitalize()
        }
    return None


def dependents_of(question_pk, questions) -> list[int]:
    return [
        q.pk for q in questions if any(c.depends_on_id == question_pk for c in q.conditions.all())
    ]


def delete_refusal(question, questions) -> str | None:
    dependents = dependents_of(question.pk, questions)
    if dependents:
        who = numbered(dependents, numbers(questions)).capitalize()
        return _("%(who)s afhænger af spørgsmålet. Fjern først betingelserne.") % {"who": who}
    return None
