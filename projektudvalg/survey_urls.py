"""Track 3's surveys (undersøgelser): the public pages, answering, the results, and the
staff's pages (in the projektudvalg namespace). Fixed words come before `<int:pk>`."""

from django.urls import path

from projektudvalg.views import survey_answer as answer
from projektudvalg.views import survey_people as people
from projektudvalg.views import survey_questions as questions
from projektudvalg.views import survey_results as results
from projektudvalg.views import surveys_staff as staff

urlpatterns = [
    # [survey public pages]
    path("undersoegelser/", results.survey_list, name="survey-list"),
    path("undersoegelser/<int:pk>/", answer.survey_detail, name="survey-detail"),
    path("undersoegelser/<int:pk>/svar/", answer.survey_answer, name="survey-answer"),
    path(
        "undersoegelser/<int:pk>/svar/<int:page>/", answer.survey_answer, name="survey-answer-page"
    ),
    path("undersoegelser/<int:pk>/tak/", answer.survey_thanks, name="survey-thanks"),
    path(
        "undersoegelser/invitation/<str:token>/",
        answer.survey_invitation,
        name="survey-invitation",
    ),
    path(
        "undersoegelser/<int:pk>/lokalforum/<slug:slug>/",
        answer.survey_answer_forum,
        name="survey-answer-forum",
    ),
    path("undersoegelser/<int:pk>/resultater/", results.survey_results, name="survey-results"),
    path(
        "undersoegelser/<int:pk>/resultater.json",
        results.survey_results_json,
        name="survey-results-json",
    ),
    path(
        "undersoegelser/<int:pk>/resultater.csv",
        results.survey_results_csv,
        name="survey-results-csv",
    ),
    path(
        "undersoegelser/<int:pk>/resultatfil/",
        results.survey_external_file,
        name="survey-external-file",
    ),
    path(
        "lokalomraader/<slug:slug>/undersoegelser/foreslaa/",
        people.survey_propose,
        name="survey-propose",
    ),
    #
    # [survey staff pages]
    path("undersoegelser/styring/", staff.survey_admin, name="survey-admin"),
    path("undersoegelser/ny/", staff.survey_create, name="survey-create"),
    path(
        "undersoegelser/andetsteds/ny/",
        staff.survey_external_create,
        name="survey-external-create",
    ),
    path("undersoegelser/<int:pk>/oversigt/", staff.survey_manage, name="survey-manage"),
    path("undersoegelser/<int:pk>/rediger/", staff.survey_edit, name="survey-edit"),
    path("undersoegelser/<int:pk>/status/", staff.survey_status, name="survey-status"),
    path("undersoegelser/<int:pk>/offentliggoer/", staff.survey_publish, name="survey-publish"),
    path(
        "undersoegelser/<int:pk>/spoergsmaal/", questions.survey_questions, name="survey-questions"
    ),
    path(
        "undersoegelser/<int:pk>/spoergsmaal/ny/",
        questions.question_add,
        name="survey-question-add",
    ),
    path(
        "undersoegelser/<int:pk>/spoergsmaal/<int:question_pk>/",
        questions.question_edit,
        name="survey-question-edit",
    ),
    path(
        "undersoegelser/<int:pk>/spoergsmaal/<int:question_pk>/slet/",
        questions.question_delete,
        name="survey-question-delete",
    ),
    path(
        "undersoegelser/<int:pk>/spoergsmaal/<int:question_pk>/flyt/",
        questions.question_move,
        name="survey-question-move",
    ),
    path("undersoegelser/<int:pk>/logik/", questions.survey_logic, name="survey-logic"),
    path(
        "undersoegelser/<int:pk>/resultater/styring/",
        results.survey_live_results,
        name="survey-live-results",
    ),
    path("undersoegelser/<int:pk>/eksport.<str:fmt>", results.survey_export, name="survey-export"),
    path("undersoegelser/<int:pk>/indtast/", answer.survey_paper, name="survey-paper"),
    path(
        "undersoegelser/<int:pk>/invitationer/",
        people.survey_invitations,
        name="survey-invitations",
    ),
    path("undersoegelser/<int:pk>/gennemsyn/", people.survey_held, name="survey-held"),
    path("undersoegelser/<int:pk>/noegle/", people.survey_key_lookup, name="survey-key-lookup"),
    path("undersoegelser/<int:pk>/forslag/", people.survey_proposal, name="survey-proposal"),
]
