from django.urls import path

from projektudvalg.views import advice, applicant, meetings, public, review, rounds
from projektudvalg.views import committee as committee_views

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
