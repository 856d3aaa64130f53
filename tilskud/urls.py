from django.urls import path

from tilskud import views

app_name = "tilskud"

urlpatterns = [
    path("tilskud/befolkningstal/", views.population, name="population"),
]
