from django.urls import path

from tilskud.views import followup, public, scheme

app_name = "tilskud"

urlpatterns = [
    path("tilskud/", public.grant_years, name="years"),
    path("tilskud/befolkningstal/", public.population, name="population"),
    path("tilskud/ny-model/", scheme.scheme_new, name="scheme-new"),
    path("tilskud/<int:year>/", public.grant_year, name="year"),
    path("tilskud/<int:year>/tilskud.csv", public.grant_year_csv, name="year-csv"),
    path("tilskud/<int:year>/tilskud.json", public.grant_year_json, name="year-json"),
    path("tilskud/<int:year>/model/", scheme.scheme_edit, name="scheme"),
    path("tilskud/<int:year>/godkend/", scheme.approve, name="approve"),
    path("tilskud/<int:year>/opfoelgning/", followup.overview, name="overview"),
    path("tilskud/<int:year>/opfoelgning/<slug:slug>/", followup.area_status, name="area-status"),
    path(
        "tilskud/<int:year>/opfoelgning/<slug:slug>/aftale/",
        followup.agreement,
        name="agreement",
    ),
    path(
        "tilskud/<int:year>/opfoelgning/<slug:slug>/udbetaling/",
        followup.payment,
        name="payment",
    ),
    path(
        "tilskud/<int:year>/opfoelgning/<slug:slug>/regnskab/",
        followup.accounts,
        name="accounts",
    ),
    path(
        "tilskud/<int:year>/opfoelgning/<slug:slug>/regnskab/<int:pk>/behandl/",
        followup.review,
        name="review",
    ),
    path(
        "tilskud/<int:year>/opfoelgning/<slug:slug>/regnskab/<int:pk>/hent/",
        followup.accounts_file,
        name="accounts-file",
    ),
]
