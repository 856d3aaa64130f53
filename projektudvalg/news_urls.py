"""Track 3's municipal news: the public pages, the screen pages and the editors' pages
(in the projektudvalg namespace)."""

from django.urls import path

from projektudvalg.views import news_public, news_screen

urlpatterns = [
    # [public news pages]
    # Under /nyheder/kommunen/: lokalfora's /nyheder/ routes are the list and its feeds
    # (nyheder/, nyheder/rss/, nyheder/atom/), none of which this prefix can match.
    path("nyheder/kommunen/", news_public.news_list, name="municipal-news-list"),
    path("nyheder/kommunen/<int:pk>/", news_public.news_detail, name="municipal-news-detail"),
    path(
        "nyheder/kommunen/<int:pk>/let-dansk/",
        news_public.news_easy_read,
        name="municipal-news-easy-read",
    ),
    path("nyheder/kommunen/<int:pk>/billede/", news_public.news_image, name="municipal-news-image"),
    path("lokalomraader/<slug:slug>/skaerm/", news_screen.area_screen, name="area-screen"),
    path(
        "lokalomraader/<slug:slug>/skaerm.json",
        news_screen.area_screen_json,
        name="area-screen-json",
    ),
    #
    # [editors' news pages]
]
