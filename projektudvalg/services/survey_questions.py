"""The one door for a survey's questions, their options and their conditions (the admin
only reads them). Each function locks the survey's row, checks on the locked row, writes
all or nothing, and logs a `SurveyEvent` (changed) that names positions, never texts.

`question_save(*, survey, question=None, data, options, conditions, conditions_all=True,
by=None) -> SurveyQuestion` creates a question (appended last) or changes `question`:

- `data`: the question's fields, `kind`, `text`, `help_text`, `required`, `max_choices`,
  `min_value`, `max_value`, `scale_low_label`, `scale_high_label`; one left out takes its
  empty value, so a field of another kind never lingers.
- `options`: in order, `{"id": <an option of this question, or None for a new one>,
  "label", "is_other", "is_row"}`. The question's options not listed are deleted; `id`s
  are kept, so the answers and conditions that point at an option keep pointing at it.
  `allow_other` follows the "andet" option.
- `conditions`: `{"depends_on", "kind", "option", "text"}` (question and option as
  objects or ids); they replace the question's conditions. `conditions_all`: all must
  hold (og) or one is enough (eller).

When questions may change:

- proposed, draft, planned or open, and no answer yet: anything, within the rules of
  `services.survey_question_rules` (kinds, options, conditions on earlier questions);
- from the first answer (`Survey.locked_at`): only the wording, that is the question,
  its help text, the scale's labels and the options' labels, so a typo can be fixed
  while the answers already given keep meaning what they meant. Refused: adding,
  deleting and moving questions, another kind, adding, removing or reordering options
  (or turning one into "andet" or a row), other conditions, `required` and the limits;
- closed, published, archived or rejected, and a survey run elsewhere: nothing.

`question_delete` is refused once answered and while another question's condition looks
at the question; `question_move` swaps a question with its neighbour, unless a question
would then stand before one it depends on. `personal_data_warnings` finds questions of
an anonymous survey that ask for a name, an address, a phone number or a CPR number.
"""

import re

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from projektudvalg.models import (
    Anonymity,
    Survey,
    SurveyAnswer,
    SurveyCondition,
    SurveyEvent,
    SurveyEventKind,
    SurveyOption,
    SurveyQuestion,
)
from projektudvalg.services import survey_question_rules as rules
from projektudvalg.services.surveys import EDITABLE

LOCKED = rules.LOCKED


def questions_of(survey) -> list[SurveyQuestion]:
    """The survey's questions in order, with what the rules and the pages read."""
    return list(
        SurveyQuestion.objects.filter(survey=survey)
        .prefetch_related("options", "conditions__depends_on", "conditions__option")
        .order_by("position", "id")
    )


def may_change_questions(survey) -> bool:
    return not survey.is_external and survey.status in EDITABLE


def may_change_structure(survey) -> bool:
    """Add, delete and move questions, change kinds, options and conditions."""
    return may_change_questions(survey) and not survey.is_locked


def _locked_survey(survey) -> Survey:
    survey = Survey.objects.select_for_update().get(pk=getattr(survey, "pk", survey))
    if survey.is_external:
        raise ValidationError(_("En undersøgelse gennemført andetsteds har ingen spørgsmål."))
    if survey.status not in EDITABLE:
        raise ValidationError(
            _("Spørgsmålene kan ikke ændres, mens undersøgelsen er %(status)s.")
            % {"status": survey.get_status_display()}
        )
    return survey


def _log(survey, by, note: str) -> None:
    SurveyEvent.objects.create(survey=survey, kind=SurveyEventKind.CHANGED, by=by, note=note)


@transaction.atomic
def question_save(
    *, survey, question=None, data: dict, options: list[dict], conditions: list[dict],
    conditions_all: bool = True, by=None,
) -> SurveyQuestion:  # fmt: skip
    """Create or change a question with its options and conditions (module docstring)."""
    survey = _locked_survey(survey)
    questions = questions_of(survey)
    stored = None
    if question is not None:
        stored = next((q for q in questions if q.pk == question.pk), None)
        if stored is None:
            raise ValidationError(_("Spørgsmålet hører ikke til undersøgelsen."))
    elif len(questions) >= rules.MAX_QUESTIONS:
        raise ValidationError(
            _("En undersøgelse kan højst have %(n)s spørgsmål.") % {"n": rules.MAX_QUESTIONS}
        )
    fields = rules.clean_fields(data)
    kind = fields["kind"]
    cleaned_options = rules.clean_options(kind, options, stored)
    rules.check_fields(fields, cleaned_options)
    cleaned_conditions = rules.clean_conditions(kind, conditions, questions, stored)
    conditions_all = bool(conditions_all) or not cleaned_conditions
    if stored is not None:
        rules.check_dependents(stored, kind, cleaned_options, questions)
    if survey.is_locked:
        rules.check_wording_only(
            stored, fields, cleaned_options, cleaned_conditions, conditions_all
        )
    target = stored or SurveyQuestion(survey=survey, position=_next_position(questions))
    for name, value in fields.items():
        setattr(target, name, value)
    target.allow_other = any(o["is_other"] for o in cleaned_options)
    target.conditions_all = conditions_all
    target.full_clean(exclude=["survey", "public"])
    target.save()
    _write_options(target, cleaned_options)
    if not survey.is_locked:
        _write_conditions(target, cleaned_conditions)
    number = rules.numbers([*questions, target] if stored is None else questions).get(target.pk)
    where = _("nr. %(n)s") % {"n": number} if number else _("sektion")
    note = (
        _("Spørgsmål tilføjet (%(where)s).")
        if stored is None
        else _("Spørgsmål ændret (%(where)s).")
    )
    _log(survey, by, note % {"where": where})
    return target


def _next_position(questions) -> int:
    return max((q.position for q in questions), default=0) + 1


def _write_options(question, options: list[dict]) -> None:
    kept = [o["id"] for o in options if o["id"] is not None]
    stored = SurveyOption.objects.filter(question=question)
    stored.exclude(pk__in=kept).delete()
    # One "andet" per question is a unique constraint: clear it before setting the new one.
    stored.filter(is_other=True).update(is_other=False)
    by_pk = {o.pk: o for o in stored}
    new = []
    for position, values in enumerate(options, start=1):
        option = by_pk.get(values["id"]) or SurveyOption(question=question)
        option.position, option.label = position, values["label"]
        option.is_other, option.is_row = values["is_other"], values["is_row"]
        if option.pk is None:
            new.append(option)
        else:
            option.save(update_fields=["position", "label", "is_other", "is_row"])
    SurveyOption.objects.bulk_create(new)


def _write_conditions(question, conditions: list[dict]) -> None:
    SurveyCondition.objects.filter(question=question).delete()
    SurveyCondition.objects.bulk_create(
        SurveyCondition(question=question, **condition) for condition in conditions
    )


@transaction.atomic
def question_delete(*, question, by=None) -> None:
    """Delete a question (and its options and conditions): not once the survey has answers,
    and not while another question's condition looks at it."""
    survey = _locked_survey(question.survey_id)
    if survey.is_locked or SurveyAnswer.objects.filter(question_id=question.pk).exists():
        raise ValidationError(LOCKED)
    questions = questions_of(survey)
    current = next((q for q in questions if q.pk == question.pk), None)
    if current is None:
        raise ValidationError(_("Spørgsmålet hører ikke til undersøgelsen."))
    refusal = rules.delete_refusal(current, questions)
    if refusal:
        raise ValidationError(refusal)
    number = rules.numbers(questions).get(current.pk)
    current.delete()
    where = _("nr. %(n)s") % {"n": number} if number else _("sektion")
    _log(survey, by, _("Spørgsmål slettet (%(where)s).") % {"where": where})


@transaction.atomic
def question_move(*, question, up: bool, by=None) -> None:
    """Swap the question with the one above (up) or below it. Refused when a question would
    then stand before a question its conditions look at, and once the survey has answers."""
    survey = _locked_survey(question.survey_id)
    if survey.is_locked:
        raise ValidationError(LOCKED)
    questions = questions_of(survey)
    index = next((i for i, q in enumerate(questions) if q.pk == question.pk), None)
    if index is None:
        raise ValidationError(_("Spørgsmålet hører ikke til undersøgelsen."))
    refusal = rules.move_refusal(questions, index, up)
    if refusal:
        raise ValidationError(refusal)
    if len({q.position for q in questions}) < len(questions):
        for position, each in enumerate(questions, start=1):
            each.position = position  # equal positions cannot be swapped: number them first
        SurveyQuestion.objects.bulk_update(questions, ["position"])
    other = questions[index - 1 if up else index + 1]
    current = questions[index]
    current.position, other.position = other.position, current.position
    SurveyQuestion.objects.bulk_update([current, other], ["position"])
    direction = _("op") if up else _("ned")
    _log(survey, by, _("Spørgsmål flyttet %(direction)s.") % {"direction": direction})


# Personal data asked for in an anonymous survey: the word and its compounds
# ("telefonnummer", "mailadresse", "fornavn"), as whole words.
PERSONAL_DATA = re.compile(
    r"\b(?:(?:for|efter|mellem|fulde\s)?(?P<navn>navn)|(?P<email>e-?mail|mail)"
    r"|(?P<telefon>telefon|mobilnummer|tlf)|(?P<adresse>adresse)|(?P<cpr>cpr))\w*",
    re.IGNORECASE,
)


def _asked_for(text: str) -> list[str]:
    words = {
        "navn": _("et navn"),
        "email": _("en e-mailadresse"),
        "telefon": _("et telefonnummer"),
        "adresse": _("en adresse"),
        "cpr": _("et CPR-nummer"),
    }
    found = []
    for match in PERSONAL_DATA.finditer(text):
        word = words[match.lastgroup]
        if word not in found:
            found.append(word)
    return found


def personal_data_warnings(survey, questions=None) -> list[tuple[SurveyQuestion, str]]:
    """In an anonymous survey: the questions whose text or help asks for personal data."""
    if survey.anonymity != Anonymity.ANONYMOUS:
        return []
    warnings = []
    for question in questions if questions is not None else questions_of(survey):
        asked = _asked_for(f"{question.text}\n{question.help_text}")
        if asked:
            listed = " " + _("og") + " "
            message = _(
                "Undersøgelsen er anonym, men spørgsmålet beder om %(what)s. Så kan svaret "
                "føres tilbage til en person: spørg om noget andet, eller vælg en anden "
                "anonymitet, før undersøgelsen får svar."
            ) % {"what": listed.join(asked)}
            warnings.append((question, message))
    return warnings
