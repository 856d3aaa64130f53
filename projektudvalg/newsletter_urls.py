"""Track 3's newsletters: the staff pages and the one-click unsubscribe (in the
projektudvalg namespace)."""

from django.urls import path  # noqa: F401

urlpatterns = [
    # [newsletter pages]
]
