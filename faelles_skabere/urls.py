"""Two namespaces: `faelles_skabere:` (the directory, the assignments) and `sparring:` (the
request form, the requester's thread, the staff inbox and overview), so every URL name
kept its name when the sparring app was folded in here. No `app_name`: the two includes
below set the namespaces."""

from django.urls import include, path

from faelles_skabere.views import (
    assignments,
    directory,
    sparring_inbox,
    sparring_overview,
    sparring_public,
)

directory_patterns = [
    path("faelles-skabere/", directory.directory, name="directory"),
    path("faelles-skabere/<int:pk>/foto/", directory.photo, name="photo"),
    path("faelles-skabere/tildeling/", assignments.assignments, name="assignments"),
]

public, inbox, overview = sparring_public, sparring_inbox, sparring_overview
sparring_patterns = [
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

urlpatterns = [
    path("", include((directory_patterns, "faelles_skabere"))),
    path("", include((sparring_patterns, "sparring"))),
]
