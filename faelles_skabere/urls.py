from django.urls import path

from faelles_skabere import views

app_name = "faelles_skabere"

urlpatterns = [
    path("faelles-skabere/", views.directory, name="directory"),
]
