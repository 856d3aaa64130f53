from django.urls import path

from sparring.views import inbox, overview, public

app_name = "sparring"

urlpatterns = [
    path("sparring/", public.request_form, name="request"),
    path("sparring/bekraeft/<str:token>/", public.confirm, name="confirm"),
    path("sparring/traad/<str:token>/", public.thread, name="thread"),
    path("sparring/traad/<str:token>/slet/", public.delete, name="delete"),
    path("sparring/traad/<str:token>/filer/<int:pk>/", public.attachment, name="thread-attachment"),
    path("sparring/indbakke/", inbox.inbox, name="inbox"),
    path("sparring/oversigt/", overview.overview, name="overview"),
    path("sparring/oversigt/sparring.csv", overview.overview_csv, name="overview-csv"),
    path("sparring/indbakke/<int:pk>/", inbox.detail, name="inbox-detail"),
    path("sparring/indbakke/<int:pk>/besked/", inbox.message, name="inbox-message"),
    path("sparring/indbakke/<int:pk>/status/", inbox.status, name="inbox-status"),
    path("sparring/indbakke/<int:pk>/overdrag/", inbox.transfer, name="inbox-transfer"),
    path(
        "sparring/indbakke/<int:pk>/filer/<int:attachment_pk>/",
        inbox.attachment,
        name="inbox-attachment",
    ),
]
