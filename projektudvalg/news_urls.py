"""Track 3's municipal news: the public pages, the screen pages and the editors' pages
(in the projektudvalg namespace)."""

from django.urls import path

from projektudvalg.views import news_forum, news_public, news_screen, news_staff

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
    path("nyheder/kommunen/styring/", news_staff.news_staff_list, name="news-staff-list"),
    path("nyheder/kommunen/ny/", news_staff.news_staff_form, name="news-staff-add"),
    path("nyheder/kommunen/<int:pk>/rediger/", news_staff.news_staff_form, name="news-staff-edit"),
    path(
        "nyheder/kommunen/<int:pk>/status/", news_staff.news_staff_status, name="news-staff-status"
    ),
    path("nyheder/kommunen/<int:pk>/tilbyd/", news_staff.news_staff_offer, name="news-staff-offer"),
    path("nyheder/kommunen/<int:pk>/del/", news_staff.news_staff_share, name="news-staff-share"),
    path(
        "lokalomraader/<slug:slug>/nyheder/kommunen/",
        news_forum.news_forum_list,
        name="news-forum-list",
    ),
    path(
        "lokalomraader/<slug:slug>/nyheder/kommunen/foreslaa/",
        news_forum.news_forum_propose,
        name="news-forum-propose",
    ),
    path(
        "lokalomraader/<slug:slug>/nyheder/kommunen/<int:pk>/",
        news_forum.news_forum_thread,
        name="news-forum-thread",
    ),
    path(
        "lokalomraader/<slug:slug>/nyheder/kommunen/<int:pk>/rediger/",
        news_forum.news_forum_propose,
        name="news-forum-edit",
    ),
]
