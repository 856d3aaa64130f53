from django.urls import path

from projektudvalg import news_urls, newsletter_urls, survey_urls
from projektudvalg.views import (
    advice,
    agenda_staff,
    applicant,
    efforts_content,
    efforts_staff,
    meeting_print,
    meetings,
    meetings_staff,
    public,
    review,
    rounds,
)
from projektudvalg.views import committee as committee_views
from projektudvalg.views import efforts_public as effort_views
from projektudvalg.views import working_groups as group_views

app_name = "projektudvalg"

urlpatterns = [
    path("puljer/", public.pool_list, name="pool-list"),
    path("puljer/bevillinger/", public.granted, name="granted"),
    # Staff (before the pool slug, which these words can never be).
    path("puljer/behandling/", review.queue, name="queue"),
    path("puljer/raadgivning/", advice.advice_list, name="advice-list"),
    path("puljer/behandling/<int:pk>/", review.case, name="case"),
    path("puljer/behandling/<int:pk>/vurdering/", review.assess, name="assess"),
    path("puljer/behandling/<int:pk>/raad/", review.advise, name="advise"),
    path("puljer/behandling/<int:pk>/indstilling/", review.recommend, name="recommend"),
    path("puljer/behandling/<int:pk>/status/", review.change_status, name="change-status"),
    path("puljer/behandling/<int:pk>/afgoerelse/", review.decide, name="decide"),
    path("puljer/behandling/<int:pk>/udbetaling/", review.payout, name="payout"),
    path("puljer/behandling/<int:pk>/dagsorden/", review.add_to_agenda, name="add-to-agenda"),
    path(
        "puljer/behandling/<int:pk>/slutrapport/<int:report_pk>/godkend/",
        review.accept_report,
        name="accept-report",
    ),
    path("puljer/eksport/<slug:kind>.<str:fmt>", meetings.export, name="export"),
    path("puljer/runder/", rounds.rounds, name="rounds"),
    path("puljer/runder/<int:pk>/", rounds.rounds, name="round-edit"),
    path("puljer/moeder/", meetings.meetings, name="meetings"),
    path("puljer/moeder/<int:pk>/", meetings.meeting, name="meeting"),
    path("puljer/moeder/<int:pk>/dagsorden.csv", meetings.meeting_csv, name="meeting-csv"),
    # The committee's meetings, run by committee staff (the public pages are the committee's).
    path("udvalget/moeder/styring/", meetings_staff.meeting_admin, name="meeting-admin"),
    path("udvalget/moeder/<int:pk>/rediger/", meetings_staff.meeting_edit, name="meeting-edit"),
    path("udvalget/moeder/<int:pk>/status/", meetings_staff.meeting_status, name="meeting-status"),
    path("udvalget/moeder/<int:pk>/punkter/ny/", agenda_staff.item_create, name="item-create"),
    path(
        "udvalget/moeder/<int:pk>/punkter/fra-runde/",
        agenda_staff.item_from_round,
        name="item-from-round",
    ),
    path("udvalget/moeder/<int:pk>/udskrift/", meeting_print.meeting_print, name="meeting-print"),
    path("udvalget/punkter/<int:pk>/rediger/", agenda_staff.item_edit, name="item-edit"),
    path("udvalget/punkter/<int:pk>/slet/", agenda_staff.item_delete, name="item-delete"),
    path("udvalget/punkter/<int:pk>/beslutning/", agenda_staff.item_decide, name="item-decide"),
    path("udvalget/punkter/<int:pk>/ansoegninger/", agenda_staff.item_pool, name="item-pool"),
    path("udvalget/punkter/<int:pk>/bilag/", agenda_staff.item_attach, name="item-attach"),
    # Applicants
    path("ansoegninger/", applicant.my_applications, name="my-applications"),
    path("ansoegninger/<int:pk>/", applicant.detail, name="application"),
    path("ansoegninger/<int:pk>/rediger/", applicant.edit, name="application-edit"),
    path("ansoegninger/<int:pk>/aendringer/", applicant.changes, name="application-changes"),
    path("ansoegninger/<int:pk>/brev/", applicant.letter, name="letter"),
    path("ansoegninger/<int:pk>/traek-tilbage/", applicant.withdraw, name="withdraw"),
    path("ansoegninger/<int:pk>/slutrapport/", applicant.final_report, name="final-report"),
    path(
        "ansoegninger/<int:pk>/bilag/<int:file_pk>/",
        applicant.attachment,
        name="attachment",
    ),
    path(
        "ansoegninger/<int:pk>/bilag/<int:file_pk>/slet/",
        applicant.attachment_delete,
        name="attachment-delete",
    ),
    # Track 2, staff and project leads (before the effort's own slug page).
    path("saerlige-indsatser/styring/", efforts_staff.admin, name="effort-admin"),
    path("saerlige-indsatser/ny/", efforts_staff.create, name="effort-create"),
    path("saerlige-indsatser/<slug:slug>/rediger/", efforts_staff.edit, name="effort-edit"),
    path("saerlige-indsatser/<slug:slug>/status/", efforts_staff.status, name="effort-status"),
    path(
        "saerlige-indsatser/<slug:slug>/milepaele/",
        efforts_content.milestones,
        name="effort-milestones",
    ),
    path(
        "saerlige-indsatser/<slug:slug>/milepaele/<int:pk>/",
        efforts_content.milestones,
        name="effort-milestone-edit",
    ),
    path(
        "saerlige-indsatser/<slug:slug>/milepaele/<int:pk>/slet/",
        efforts_content.milestone_delete,
        name="effort-milestone-delete",
    ),
    path(
        "saerlige-indsatser/<slug:slug>/handlinger/",
        efforts_content.actions,
        name="effort-actions",
    ),
    path(
        "saerlige-indsatser/<slug:slug>/handlinger/<int:pk>/",
        efforts_content.actions,
        name="effort-action-edit",
    ),
    path(
        "saerlige-indsatser/<slug:slug>/handlinger/<int:pk>/slet/",
        efforts_content.action_delete,
        name="effort-action-delete",
    ),
    path(
        "saerlige-indsatser/<slug:slug>/forpligtelser/",
        efforts_content.commitments,
        name="effort-commitments",
    ),
    path(
        "saerlige-indsatser/<slug:slug>/forpligtelser/<int:pk>/",
        efforts_content.commitments,
        name="effort-commitment-edit",
    ),
    path(
        "saerlige-indsatser/<slug:slug>/forpligtelser/<int:pk>/slet/",
        efforts_content.commitment_delete,
        name="effort-commitment-delete",
    ),
    path("saerlige-indsatser/<slug:slug>/budget/", efforts_content.budget, name="effort-budget"),
    path(
        "saerlige-indsatser/<slug:slug>/arbejdsgrupper/",
        efforts_content.groups,
        name="effort-groups",
    ),
    path(
        "saerlige-indsatser/<slug:slug>/arbejdsgrupper/<int:pk>/",
        efforts_content.groups,
        name="effort-group-edit",
    ),
    path(
        "saerlige-indsatser/<slug:slug>/dokumenter/",
        efforts_staff.documents,
        name="effort-documents",
    ),
    path(
        "saerlige-indsatser/<slug:slug>/dokumenter/<int:pk>/slet/",
        efforts_staff.document_delete,
        name="effort-document-delete",
    ),
    # The committee's public record (committee-public)
    path("udvalget/", committee_views.committee, name="committee"),
    path(
        "udvalget/perioder/<slug:slug>/", committee_views.committee_period, name="committee-period"
    ),
    path("udvalget/moeder/", committee_views.meeting_list, name="meeting-list"),
    path("udvalget/moeder/<int:pk>/", committee_views.meeting_detail, name="meeting-detail"),
    path("udvalget/moeder.ics", committee_views.meeting_ical_feed, name="meeting-ical"),
    path("udvalget/beslutninger/", committee_views.decision_list, name="decision-list"),
    path(
        "udvalget/dokumenter/<int:pk>/",
        committee_views.committee_document,
        name="committee-document",
    ),
    path(
        "lokalomraader/<slug:slug>/beslutninger/",
        committee_views.area_decisions,
        name="area-decisions",
    ),
    path("puljer/<slug:slug>/", public.pool_detail, name="pool-detail"),
    path("puljer/<slug:slug>/ansoeg/", applicant.start, name="start"),
]

# --- Special efforts: the public pages (effortpublic). After the fixed
# "saerlige-indsatser/<word>/" paths; these words are never an effort's slug:
# ny, styring, grupper, forpligtelser, opdateringer.
urlpatterns += [
    path("saerlige-indsatser/", effort_views.effort_list, name="effort-list"),
    path(
        "saerlige-indsatser/grupper/<int:pk>/vaer-med/",
        group_views.group_join,
        name="group-join",
    ),
    path(
        "saerlige-indsatser/grupper/<int:pk>/anmodninger/",
        group_views.group_requests,
        name="group-requests",
    ),
    path(
        "saerlige-indsatser/grupper/<int:pk>/opdatering/",
        group_views.group_update,
        name="group-update",
    ),
    path(
        "saerlige-indsatser/forpligtelser/<int:pk>/kommentar/",
        group_views.commitment_comment,
        name="commitment-comment",
    ),
    path("saerlige-indsatser/<slug:slug>/", effort_views.effort_detail, name="effort-detail"),
    path(
        "saerlige-indsatser/<slug:slug>/opdatering/",
        group_views.effort_update,
        name="effort-update",
    ),
    path("saerlige-indsatser/<slug:slug>/foelg/", effort_views.effort_follow, name="effort-follow"),
]

# Track 3: municipal news and newsletters.
urlpatterns += news_urls.urlpatterns
urlpatterns += newsletter_urls.urlpatterns
urlpatterns += survey_urls.urlpatterns
