from django.urls import path

from tilskud import views

app_name = "tilskud"

urlpatterns = [
    path("tilskud/", views.grant_years, name="years"),
    path("tilskud/befolkningstal/", views.population, name="population"),
    path("tilskud/<int:year>/", views.grant_year, name="year"),
    path("tilskud/<int:year>/tilskud.csv", views.grant_year_csv, name="year-csv"),
    path("tilskud/<int:year>/tilskud.json", views.grant_year_json, name="year-json"),
]
