"""Track 3's newsletters: the staff pages and the one-click unsubscribe (in the
projektudvalg namespace)."""

from django.urls import path

from projektudvalg.views import newsletter_unsubscribe as unsubscribe_views
from projektudvalg.views import newsletters as newsletter_views

urlpatterns = [
    # [newsletter pages]
    path("nyhedsbreve/", newsletter_views.newsletter_list, name="newsletter-list"),
    path("nyhedsbreve/ny/", newsletter_views.newsletter_form, name="newsletter-create"),
    path("nyhedsbreve/<int:pk>/", newsletter_views.newsletter_log, name="newsletter-log"),
    path("nyhedsbreve/<int:pk>/rediger/", newsletter_views.newsletter_form, name="newsletter-edit"),
    path(
        "nyhedsbreve/<int:pk>/modtagere/",
        newsletter_views.newsletter_recipients,
        name="newsletter-recipients",
    ),
    path(
        "nyhedsbreve/afmeld/<str:token>/",
        unsubscribe_views.newsletter_unsubscribe,
        name="newsletter-unsubscribe",
    ),
]
