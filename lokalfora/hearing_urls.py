"""The hearings' URLs (in the `lokalfora` namespace): public, answering, and staff."""

from django.urls import path

from lokalfora.views import hearings_answer, hearings_public, hearings_review, hearings_staff

hearing_patterns = [
    # Public: the archive, a hearing, its answers, material and høringsnotat.
    path("hoeringer/", hearings_public.hearing_list, name="hearing-list"),
    path("hoeringer/<int:pk>/", hearings_public.hearing_detail, name="hearing-detail"),
    path(
        "hoeringer/<int:pk>/svar/<int:number>/",
        hearings_public.response_detail,
        name="hearing-response",
    ),
    path(
        "hoeringer/<int:pk>/svar/<int:number>/bilag/<int:attachment>/",
        hearings_public.response_attachment,
        name="hearing-attachment",
    ),
    path(
        "hoeringer/<int:pk>/dokumenter/<int:document>/",
        hearings_public.hearing_document,
        name="hearing-document",
    ),
    path("hoeringer/<int:pk>/hoeringsnotat/", hearings_public.hearing_note, name="hearing-note"),
    path(
        "lokalomraader/<slug:slug>/hoeringer/", hearings_public.area_hearings, name="area-hearings"
    ),
    # Answering: a forum's shared draft, the public's form, the receipt, withdrawing.
    path(
        "hoeringer/<int:pk>/forum/<slug:slug>/", hearings_answer.forum_answer, name="hearing-forum"
    ),
    path("hoeringer/<int:pk>/afgiv-svar/", hearings_answer.public_answer, name="hearing-answer"),
    path("hoeringer/<int:pk>/kvittering/", hearings_answer.receipt, name="hearing-receipt"),
    path("hoeringer/tilbagetraek/<uuid:key>/", hearings_answer.withdraw, name="hearing-withdraw"),
    # Staff.
    path("hoeringer/styring/", hearings_staff.hearing_admin, name="hearing-admin"),
    path("hoeringer/styring/oversigt/", hearings_staff.hearing_matrix, name="hearing-matrix"),
    path("hoeringer/ny/", hearings_staff.hearing_form, name="hearing-create"),
    path("hoeringer/<int:pk>/rediger/", hearings_staff.hearing_form, name="hearing-edit"),
    path(
        "hoeringer/<int:pk>/materiale/", hearings_staff.hearing_documents, name="hearing-documents"
    ),
    path("hoeringer/<int:pk>/status/", hearings_staff.hearing_status, name="hearing-status"),
    path("hoeringer/<int:pk>/kontrol/", hearings_review.hearing_review, name="hearing-review"),
    path(
        "hoeringer/<int:pk>/kontrol/<int:number>/",
        hearings_review.response_review,
        name="hearing-review-response",
    ),
    path("hoeringer/<int:pk>/notat/", hearings_review.hearing_note_edit, name="hearing-note-edit"),
    path("hoeringer/<int:pk>/eksport/", hearings_review.hearing_export, name="hearing-export"),
    path(
        "hoeringer/invitationer/<int:invitation>/gensend/",
        hearings_staff.invitation_resend,
        name="hearing-resend",
    ),
]
