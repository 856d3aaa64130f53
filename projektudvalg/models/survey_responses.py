"""Who answered a survey, what they answered, and what stays when the answers are gone.

The response table is the same in every anonymity mode; what is stored differs, and
the database holds it (`survey_response_anonymous_holds_nothing`):

- **anonym**: no user, no invitation, no forum, no time of day (`submitted_on` is the
  day only) and no respondent code. The primary keys of responses, answers and
  participations are random (UUIDs), so the order of rows cannot be matched to
  `SurveyParticipation` rows or to logs, and the channel is only "online" (or paper or
  phone), never which way it came. An invitation
  records only `completed=True`; a signed-in user, a forum or a browser session only
  a `SurveyParticipation` row, which points at no response.
- **pseudonym**: a random `respondent_code`; the person (or forum) behind it sits only in
  `SurveyPseudonymKey`, and every look-up there is logged (`SurveyEvent` key_lookup).
- **identificeret**: the user (or the invitation) is on the response, as the
  respondent is told before starting.

No IP address is stored anywhere: repeated answers from one address are found through
a keyed hash in the shared cache for ten minutes, and held (`review=held`) for a look.

When `Survey.retention_until` passes, the nightly task deletes the responses, their
answers, the invitations' addresses and the pseudonym keys; the `SurveyTally` rows
(counts per option, value and area) stay, and the results pages read them.
"""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from holbaek.text import LONG_TEXT
from lokalfora.models import Forum, LocalArea
from projektudvalg.models.survey_questions import SurveyOption, SurveyQuestion
from projektudvalg.models.surveys import Anonymity, Survey


class SurveyInvitation(models.Model):
    """A personal link for one invitee. The token is stored only as its SHA-256."""

    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="invitations")
    email = models.EmailField(_("e-mail"), blank=True)  # emptied when the answers are deleted
    name = models.CharField(_("navn"), max_length=150, blank=True)
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    reminded_at = models.DateTimeField(null=True, blank=True)
    reminders_sent = models.PositiveSmallIntegerField(default=0)
    completed = models.BooleanField(_("har svaret"), default=False)

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitationer")
        ordering = ["survey", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["survey", "email"],
                condition=~Q(email=""),
                name="survey_invitation_one_per_address",
                violation_error_message=_("Adressen er allerede inviteret."),
            ),
            models.CheckConstraint(
                condition=Q(email=models.functions.Lower("email")),
                name="survey_invitation_email_lower_case",
            ),
        ]

    def __str__(self):
        return f"{self.survey_id}: {self.pk}"


class ParticipationWay(models.TextChoices):
    SESSION = "session", _("browser")
    USER = "user", _("bruger")
    FORUM = "forum", _("lokalforum")


class SurveyParticipation(models.Model):
    """That a user, a forum or a browser session has answered: one answer each. Points
    at no response, and holds no time, so an anonymous answer cannot be traced."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="participations")
    way = models.CharField(max_length=8, choices=ParticipationWay.choices)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, null=True, blank=True,
        related_name="survey_participations",
    )  # fmt: skip
    forum = models.ForeignKey(
        Forum, on_delete=models.CASCADE, null=True, blank=True, related_name="survey_answers"
    )
    # A keyed hash (HMAC with SECRET_KEY) of the browser session's survey token.
    session_hash = models.CharField(max_length=64, blank=True)

    class Meta:
        verbose_name = _("deltagelse")
        verbose_name_plural = _("deltagelser")
        constraints = [
            models.UniqueConstraint(
                fields=["survey", "user"],
                condition=Q(user__isnull=False),
                name="survey_participation_one_per_user",
                violation_error_message=_("Du har allerede svaret på undersøgelsen."),
            ),
            models.UniqueConstraint(
                fields=["survey", "forum"],
                condition=Q(forum__isnull=False),
                name="survey_participation_one_per_forum",
                violation_error_message=_("Lokalforummet har allerede svaret."),
            ),
            models.UniqueConstraint(
                fields=["survey", "session_hash"],
                condition=~Q(session_hash=""),
                name="survey_participation_one_per_session",
                violation_error_message=_("Du har allerede svaret fra denne browser."),
            ),
            models.CheckConstraint(
                condition=Q(way="user", user__isnull=False, forum__isnull=True, session_hash="")
                | Q(way="forum", forum__isnull=False, session_hash="")
                | Q(way="session", user__isnull=True, forum__isnull=True) & ~Q(session_hash=""),
                name="survey_participation_way_matches",
            ),
        ]

    def __str__(self):
        return f"{self.survey_id}: {self.way}"


class ResponseChannel(models.TextChoices):
    ONLINE = "online", _("online")  # an anonymous answer: which way it came is not kept
    LINK = "link", _("åbent link")
    SIGNED_IN = "signed_in", _("logget ind")
    INVITATION = "invitation", _("invitation")
    FORUM = "forum", _("lokalforum")
    PAPER = "paper", _("papir (indtastet af kommunen)")
    PHONE = "phone", _("telefon (indtastet af kommunen)")


STAFF_CHANNELS = frozenset({ResponseChannel.PAPER, ResponseChannel.PHONE})


class ReviewState(models.TextChoices):
    COUNTED = "counted", _("tælles med")
    HELD = "held", _("mistænkelig (afventer)")
    DISCARDED = "discarded", _("kasseret")


class SurveyResponse(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="responses")
    # The survey's anonymity when the answer came (locked from the first answer).
    anonymity = models.CharField(max_length=14, choices=Anonymity.choices)
    channel = models.CharField(_("kanal"), max_length=10, choices=ResponseChannel.choices)
    submitted_on = models.DateField(_("dato"))
    submitted_at = models.DateTimeField(null=True, blank=True)  # never in anonymous mode
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
        related_name="survey_responses",
    )  # fmt: skip
    invitation = models.ForeignKey(
        SurveyInvitation, on_delete=models.SET_NULL, null=True, blank=True,
        related_name="responses",
    )  # fmt: skip
    forum = models.ForeignKey(
        Forum, on_delete=models.SET_NULL, null=True, blank=True, related_name="survey_responses"
    )
    respondent_code = models.CharField(_("respondent-id"), max_length=16, blank=True)
    # The area the answer is about (the answer to the survey's lokalområde question).
    area = models.ForeignKey(
        LocalArea, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    review = models.CharField(
        _("gennemsyn"), max_length=10, choices=ReviewState.choices, default=ReviewState.COUNTED
    )
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
        related_name="+",
    )  # fmt: skip

    class Meta:
        verbose_name = _("besvarelse")
        verbose_name_plural = _("besvarelser")
        ordering = ["survey", "submitted_on", "id"]
        indexes = [models.Index(fields=["survey", "review"], name="survey_response_review_idx")]
        constraints = [
            models.CheckConstraint(
                condition=~Q(anonymity=Anonymity.ANONYMOUS)
                | Q(
                    user__isnull=True,
                    invitation__isnull=True,
                    forum__isnull=True,
                    submitted_at__isnull=True,
                    respondent_code="",
                    channel__in=["online", "paper", "phone"],
                ),
                name="survey_response_anonymous_holds_nothing",
            ),
            models.CheckConstraint(
                condition=~Q(anonymity=Anonymity.PSEUDONYMOUS)
                | Q(user__isnull=True, invitation__isnull=True, forum__isnull=True)
                & ~Q(respondent_code=""),
                name="survey_response_pseudonym_has_code_only",
            ),
            models.UniqueConstraint(
                fields=["survey", "respondent_code"],
                condition=~Q(respondent_code=""),
                name="survey_response_code_unique",
            ),
            models.CheckConstraint(
                condition=~Q(channel__in=["paper", "phone"]) | Q(entered_by__isnull=False),
                name="survey_response_staff_entry_has_staff",
            ),
        ]

    def __str__(self):
        return str(self.pk)

    @property
    def entered_by_staff(self) -> bool:
        return self.channel in STAFF_CHANNELS


class SurveyAnswer(models.Model):
    """One value of a response: a text, a number, a date, a chosen option (with its
    matrix row, its rank, or the "andet" text), a scale value, a consent or an area."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    response = models.ForeignKey(SurveyResponse, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(SurveyQuestion, on_delete=models.CASCADE, related_name="answers")
    option = models.ForeignKey(
        SurveyOption, on_delete=models.CASCADE, null=True, blank=True, related_name="answers"
    )
    row = models.ForeignKey(
        SurveyOption, on_delete=models.CASCADE, null=True, blank=True, related_name="row_answers"
    )
    area = models.ForeignKey(
        LocalArea, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    text = models.TextField(blank=True, max_length=LONG_TEXT)  # free text, or the "andet" text
    number = models.BigIntegerField(null=True, blank=True)  # tal, skala, samtykke (1), rank
    date = models.DateField(null=True, blank=True)

    class Meta:
        verbose_name = _("svar")
        verbose_name_plural = _("svar")
        indexes = [models.Index(fields=["question", "option"], name="survey_answer_count_idx")]

    def __str__(self):
        return f"{self.question_id}"


class SurveyPseudonymKey(models.Model):
    """The only link from a pseudonymous respondent code to a person. No page reads it
    yet; the look-up to come must log every use (`SurveyEventKind.KEY_LOOKUP`), and the
    admin shows only the code."""

    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="pseudonym_keys")
    respondent_code = models.CharField(max_length=16)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, null=True, blank=True,
        related_name="+",
    )  # fmt: skip
    invitation = models.ForeignKey(
        SurveyInvitation, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    forum = models.ForeignKey(
        Forum, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("respondentnøgle")
        verbose_name_plural = _("respondentnøgler")
        constraints = [
            models.UniqueConstraint(
                fields=["survey", "respondent_code"], name="survey_pseudonym_key_unique"
            ),
        ]

    def __str__(self):
        return self.respondent_code


class SurveyTally(models.Model):
    """A count that outlives the raw answers: per question and option (and matrix row),
    per value (scale, number, consent, rank position), per area, or (question empty) the
    number of responses. `area` empty is the whole survey. Rebuilt from the answers by
    `services.survey_tallies.tallies_refresh` (at closing, and before the deletion)."""

    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="tallies")
    question = models.ForeignKey(
        SurveyQuestion, on_delete=models.CASCADE, null=True, blank=True, related_name="tallies"
    )
    option = models.ForeignKey(
        SurveyOption, on_delete=models.CASCADE, null=True, blank=True, related_name="tallies"
    )
    row = models.ForeignKey(
        SurveyOption, on_delete=models.CASCADE, null=True, blank=True, related_name="row_tallies"
    )
    area = models.ForeignKey(
        LocalArea, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    value = models.CharField(max_length=40, blank=True)
    count = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("optælling")
        verbose_name_plural = _("optællinger")
        indexes = [models.Index(fields=["survey", "question"], name="survey_tally_idx")]

    def __str__(self):
        return f"{self.survey_id}/{self.question_id}: {self.count}"
