"""The forums' URLs in the `lokalfora` namespace, the grant's in `tilskud` (its own since
the grant was an app of its own: `{% url 'tilskud:year' %}` and the paths stay as they were)."""

from django.urls import include, path, re_path

from lokalfora import feeds
from lokalfora.hearing_urls import hearing_patterns
from lokalfora.views import (
    calendar,
    editing,
    editors,
    follow_preferences,
    following,
    grant_followup,
    grant_scheme,
    grants,
    news,
    population,
    public,
)

forum_patterns = [
    path("lokalomraader/", public.area_list, name="area-list"),
    path("lokalomraader/overblik/", editing.overview, name="overview"),
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
    path(
        "lokalomraader/<slug:slug>/kontaktpersoner/bekraeft/",
        editing.contacts_confirm,
        name="contacts-confirm",
    ),
    path("lokalomraader/<slug:slug>/redaktoerer/", editors.editor_list, name="editor-list"),
    path(
        "lokalomraader/<slug:slug>/redaktoerer/<int:user_id>/fjern/",
        editors.editor_remove,
        name="editor-remove",
    ),
    path("invitation/<str:token>/", editors.invitation, name="invitation"),
    path("lokalomraader/<slug:slug>/historik/", editing.history, name="forum-history"),
    path("lokalomraader/<slug:slug>/arrangementer/ny/", editing.event_form, name="event-add"),
    path(
        "lokalomraader/<slug:slug>/arrangementer/<int:pk>/", editing.event_form, name="event-edit"
    ),
    path("lokalomraader/<slug:slug>/kalender.ics", calendar.feed_area, name="feed-area-ical"),
    path("kalender/", calendar.calendar, name="calendar"),
    path("kalender/arkiv/", calendar.archive, name="event-archive"),
    re_path(r"^kalender/(?P<day>\d{4}-\d{2}-\d{2})/$", calendar.calendar_day, name="calendar-day"),
    path("kalender/holbaek.ics", calendar.feed_all, name="feed-all-ical"),
    path("kalender/<int:pk>/", calendar.event_detail, name="event-detail"),
    path("kalender/<int:pk>/arrangement.ics", calendar.event_ical, name="event-ical"),
    path("lokalomraader/<slug:slug>/nyheder/rss/", feeds.area_news_rss, name="feed-area-rss"),
    path("lokalomraader/<slug:slug>/nyheder/atom/", feeds.area_news_atom, name="feed-area-atom"),
    path("nyheder/rss/", feeds.news_rss, name="feed-news-rss"),
    path("nyheder/atom/", feeds.news_atom, name="feed-news-atom"),
    path("nyheder/", public.news_list, name="news-list"),
    path("lokalomraader/<slug:slug>/nyheder/", news.news_manage, name="news-manage"),
    path("lokalomraader/<slug:slug>/nyheder/ny/", news.news_form, name="news-add"),
    path("lokalomraader/<slug:slug>/nyheder/<int:pk>/", news.news_detail, name="news-detail"),
    path("lokalomraader/<slug:slug>/nyheder/<int:pk>/billede/", news.news_image, name="news-image"),
    path("lokalomraader/<slug:slug>/nyheder/<int:pk>/rediger/", news.news_form, name="news-edit"),
    path("lokalomraader/<slug:slug>/nyheder/<int:pk>/slet/", news.news_delete, name="news-delete"),
    path("soeg/", public.search, name="search"),
    path("lokalomraader/<slug:slug>/foelg/", following.follow, name="follow"),
    path("foelg/bekraeft/<str:token>/", following.follow_confirm, name="follow-confirm"),
    path("foelg/afmeld/<str:token>/", following.unsubscribe, name="unsubscribe"),
    path(
        "foelg/indstillinger/<str:token>/",
        follow_preferences.follow_preferences,
        name="follow-preferences",
    ),
]

grant_patterns = [
    path("tilskud/", grants.grant_years, name="years"),
    path("tilskud/befolkningstal/", population.population, name="population"),
    path("tilskud/ny-model/", grant_scheme.scheme_new, name="scheme-new"),
    path("tilskud/<int:year>/", grants.grant_year, name="year"),
    path("tilskud/<int:year>/tilskud.csv", grants.grant_year_csv, name="year-csv"),
    path("tilskud/<int:year>/tilskud.json", grants.grant_year_json, name="year-json"),
    path("tilskud/<int:year>/model/", grant_scheme.scheme_edit, name="scheme"),
    path("tilskud/<int:year>/godkend/", grant_scheme.approve, name="approve"),
    path("tilskud/<int:year>/opfoelgning/", grant_followup.overview, name="overview"),
    path(
        "tilskud/<int:year>/opfoelgning/<slug:slug>/",
        grant_followup.area_status,
        name="area-status",
    ),
    path(
        "tilskud/<int:year>/opfoelgning/<slug:slug>/aftale/",
        grant_followup.agreement,
        name="agreement",
    ),
    path(
        "tilskud/<int:year>/opfoelgning/<slug:slug>/udbetaling/",
        grant_followup.payment,
        name="payment",
    ),
    path(
        "tilskud/<int:year>/opfoelgning/<slug:slug>/regnskab/",
        grant_followup.accounts,
        name="accounts",
    ),
    path(
        "tilskud/<int:year>/opfoelgning/<slug:slug>/regnskab/<int:pk>/behandl/",
        grant_followup.review,
        name="review",
    ),
    path(
        "tilskud/<int:year>/opfoelgning/<slug:slug>/regnskab/<int:pk>/hent/",
        grant_followup.accounts_file,
        name="accounts-file",
    ),
]

urlpatterns = [
    path("", include((forum_patterns + hearing_patterns, "lokalfora"))),
    path("", include((grant_patterns, "tilskud"))),
]
