"""The Django admin of municipal news, their cooperation rows and the info-screen settings.

Read-only: every change of an item, a share, a comment or a share record goes through
services.municipal_news and news_cooperation, on the editors' pages
(/nyheder/kommunen/styring/), where the status rules and the personal-data check apply.
"""

from django.contrib import admin

from holbaek.admin import ReadOnlyAdmin, ReadOnlyInline
from projektudvalg.models import MunicipalNews, NewsComment, NewsForumShare, NewsSharedIn


class ShareInline(ReadOnlyInline):
    model = NewsForumShare
    fields = ["forum", "direction", "state", "decided_at"]


class SharedInInline(ReadOnlyInline):
    model = NewsSharedIn
    fields = ["group", "url", "shared_on"]


@admin.register(MunicipalNews)
class MunicipalNewsAdmin(ReadOnlyAdmin):
    list_display = ["title", "status", "origin", "publish_at", "whole_municipality"]
    list_filter = ["status", "origin", "whole_municipality", "topics"]
    search_fields = ["title", "summary"]
    inlines = [ShareInline, SharedInInline]


@admin.register(NewsForumShare)
class NewsForumShareAdmin(ReadOnlyAdmin):
    list_display = ["news", "forum", "direction", "state", "created_at"]
    list_filter = ["direction", "state"]
    list_select_related = ["news", "forum"]


@admin.register(NewsComment)
class NewsCommentAdmin(ReadOnlyAdmin):
    list_display = ["share", "created_at"]
    list_select_related = ["share__news", "share__forum"]


@admin.register(NewsSharedIn)
class NewsSharedInAdmin(ReadOnlyAdmin):
    list_display = ["news", "group", "shared_on"]
    list_select_related = ["news"]
