from django.conf import settings
from django.contrib import admin
from django.urls import include, path
from django.views.generic import RedirectView

from holbaek import views
from lokalfora.views.public import front_page

# This module is the composition root: it may import every app.

core_patterns = (
    [
        path("", front_page, name="front-page"),
        path("om-dialogmodellen/", views.about, name="about"),
        path("tilgaengelighedserklaering/", views.accessibility_statement, name="accessibility"),
        path("konto/", views.account, name="account"),
    ],
    "holbaek",
)

urlpatterns = [
    path("", include(core_patterns)),
    path("", include("lokalfora.urls")),
    path("", include("faelles_skabere.urls")),
    path("", include("projektudvalg.urls")),
    path("", include("sparring.urls")),
    path("", include("tilskud.urls")),
    path("konto/", include("allauth.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
    path("favicon.ico", RedirectView.as_view(url=settings.STATIC_URL + "img/favicon.svg")),
]

handler500 = "holbaek.errors.server_error"
