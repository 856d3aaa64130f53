from django.conf import settings
from django.contrib import admin
from django.contrib.sitemaps import views as sitemap_views
from django.urls import include, path, re_path
from django.views.generic import RedirectView

from holbaek import views
from holbaek.sitemaps import StaticPagesSitemap
from lokalfora.sitemaps import (
    AreaSitemap,
    EventSitemap,
    GrantYearSitemap,
    HearingSitemap,
    NewsSitemap,
)
from lokalfora.views.public import front_page
from projektudvalg.sitemaps import MunicipalNewsSitemap, PoolSitemap

# This module is the composition root: it may import every app.

core_patterns = (
    [
        path("", front_page, name="front-page"),
        path("om-dialogmodellen/", views.about, name="about"),
        path("tilgaengelighedserklaering/", views.accessibility_statement, name="accessibility"),
        path("konto/", views.account, name="account"),
        path("sprog/<str:code>/", views.language, name="language"),
    ],
    "holbaek",
)

# Public, published content only; /sitemap.xml is the index of every section's pages, each
# at most holbaek.sitemaps.SECTION_LIMIT addresses.
sitemaps = {
    "sider": StaticPagesSitemap,
    "lokalomraader": AreaSitemap,
    "nyheder": NewsSitemap,
    "arrangementer": EventSitemap,
    "puljer": PoolSitemap,
    "tilskud": GrantYearSitemap,
    "hoeringer": HearingSitemap,
    "kommunenyheder": MunicipalNewsSitemap,
}

urlpatterns = [
    path("robots.txt", views.robots_txt, name="robots-txt"),
    path(
        "sitemap.xml",
        sitemap_views.index,
        {"sitemaps": sitemaps, "sitemap_url_name": "sitemap-section"},
        name="sitemap",
    ),
    path(
        "sitemap-<section>.xml",
        sitemap_views.sitemap,
        {"sitemaps": sitemaps},
        name="sitemap-section",
    ),
    path("", include(core_patterns)),
    path("", include("lokalfora.urls")),
    path("", include("faelles_skabere.urls")),
    path("", include("projektudvalg.urls")),
    path("konto/", include("allauth.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    # The admin pages of the former sparring and tilskud apps (issue 12) moved with them.
    re_path(
        r"^admin/sparring/(?P<rest>.*)$",
        RedirectView.as_view(url="/admin/faelles_skabere/%(rest)s"),
    ),
    re_path(r"^admin/tilskud/(?P<rest>.*)$", RedirectView.as_view(url="/admin/lokalfora/%(rest)s")),
    path("admin/", admin.site.urls),
    path("favicon.ico", RedirectView.as_view(url=settings.STATIC_URL + "img/favicon.svg")),
]

handler500 = "holbaek.errors.server_error"
