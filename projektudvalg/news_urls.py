"""Track 3's municipal news: the public pages, the screen pages and the editors' pages
(in the projektudvalg namespace)."""

from django.urls import path  # noqa: F401

urlpatterns = [
    # [public news pages]
    #
    # [editors' news pages]
]
