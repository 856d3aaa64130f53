from django.urls import path

from lokalfora.views import editing, public

app_name = "lokalfora"

urlpatterns = [
    path("lokalomraader/", public.area_list, name="area-list"),
    path("lokalomraader/<slug:slug>/", public.area_detail, name="area-detail"),
    path("lokalomraader/<slug:slug>/rediger/", editing.forum_edit, name="forum-edit"),
    path("lokalomraader/<slug:slug>/kontaktpersoner/", editing.contact_list, name="contact-list"),
    path("lokalomraader/<slug:slug>/kontaktpersoner/ny/", editing.contact_form, name="contact-add"),
    path(
        "lokalomraader/<slug:slug>/kontaktpersoner/<int:pk>/",
        editing.contact_form,
        name="contact-edit",
    ),
    path(
        "lokalomraader/<slug:slug>/kontaktpersoner/<int:pk>/fjern/",
        editing.contact_remove,
        name="contact-remove",
    ),
    path("lokalomraader/<slug:slug>/historik/", editing.history, name="forum-history"),
    path("nyheder/", public.news_list, name="news-list"),
    path("soeg/", public.search, name="search"),
]
