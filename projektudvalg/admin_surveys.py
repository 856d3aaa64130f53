"""The Django admin of surveys: read-only.

Surveys are built, opened, closed and published on the staff pages (through
services.surveys and its siblings), and answers arrive only through the answer pages.
The admin shows what is there without the links to persons: a pseudonymous
respondent's key is read only through the logged look-up, so it shows no person here.
"""

from django.contrib import admin

from holbaek.admin import ReadOnlyAdmin
from projektudvalg.models import (
    Survey,
    SurveyAnswer,
    SurveyCondition,
    SurveyEvent,
    SurveyExternalFile,
    SurveyInvitation,
    SurveyOption,
    SurveyParticipation,
    SurveyPseudonymKey,
    SurveyQuestion,
    SurveyResponse,
    SurveyTally,
)


@admin.register(Survey)
class SurveyAdmin(ReadOnlyAdmin):
    list_display = ["title", "kind", "status", "anonymity", "opens_at", "closes_at"]
    list_filter = ["status", "kind", "anonymity"]
    search_fields = ["title"]
    exclude = ["areas"]


@admin.register(SurveyQuestion)
class SurveyQuestionAdmin(ReadOnlyAdmin):
    list_display = ["text", "survey", "position", "kind", "public"]
    list_select_related = ["survey"]
    list_filter = ["kind"]


@admin.register(SurveyOption)
class SurveyOptionAdmin(ReadOnlyAdmin):
    list_display = ["label", "question", "position", "is_other", "is_row"]
    list_select_related = ["question"]


@admin.register(SurveyCondition)
class SurveyConditionAdmin(ReadOnlyAdmin):
    list_display = ["question", "kind", "depends_on"]
    list_select_related = ["question", "depends_on"]


@admin.register(SurveyEvent)
class SurveyEventAdmin(ReadOnlyAdmin):
    list_display = ["survey", "kind", "at", "note"]
    list_select_related = ["survey"]
    list_filter = ["kind"]


@admin.register(SurveyExternalFile)
class SurveyExternalFileAdmin(ReadOnlyAdmin):
    list_display = ["name", "survey", "size", "uploaded_at"]
    list_select_related = ["survey"]
    exclude = ["file"]


@admin.register(SurveyInvitation)
class SurveyInvitationAdmin(ReadOnlyAdmin):
    list_display = ["pk", "survey", "sent_at", "reminders_sent", "completed"]
    list_select_related = ["survey"]
    fields = ["survey", "sent_at", "reminded_at", "reminders_sent", "completed"]


@admin.register(SurveyParticipation)
class SurveyParticipationAdmin(ReadOnlyAdmin):
    list_display = ["pk", "survey", "way"]
    list_select_related = ["survey"]
    fields = ["survey", "way"]


@admin.register(SurveyResponse)
class SurveyResponseAdmin(ReadOnlyAdmin):
    list_display = ["pk", "survey", "channel", "submitted_on", "review"]
    list_select_related = ["survey"]
    list_filter = ["channel", "review"]
    fields = ["survey", "anonymity", "channel", "submitted_on", "respondent_code", "review"]


@admin.register(SurveyAnswer)
class SurveyAnswerAdmin(ReadOnlyAdmin):
    list_display = ["pk", "question", "option", "number"]
    list_select_related = ["question", "option"]
    fields = ["question", "option", "row", "area", "number", "date"]


@admin.register(SurveyPseudonymKey)
class SurveyPseudonymKeyAdmin(ReadOnlyAdmin):
    list_display = ["respondent_code", "survey"]
    list_select_related = ["survey"]
    fields = ["survey", "respondent_code"]


@admin.register(SurveyTally)
class SurveyTallyAdmin(ReadOnlyAdmin):
    list_display = ["survey", "question", "option", "value", "area", "count"]
    list_select_related = ["survey", "question", "option", "area"]
