from django.urls import path

from faelles_skabere import views

app_name = "faelles_skabere"

urlpatterns = [
    path("faelles-skabere/", views.directory, name="directory"),
    path("faelles-skabere/<int:pk>/foto/", views.photo, name="photo"),
    path("faelles-skabere/tildeling/", views.assignments, name="assignments"),
]
