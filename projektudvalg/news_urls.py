"""Track 3's municipal news: the public pages, the screen pages and the editors' pages
(in the projektudvalg namespace)."""

from django.urls import path

from projektudvalg.views import news_forum, news_staff

urlpatterns = [
    # [public news pages]
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
