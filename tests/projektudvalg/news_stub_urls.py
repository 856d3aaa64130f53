"""Until the public municipal news pages are merged into this branch: the URL names the
editors' pages link to (`municipal-news-detail`, `municipal-news-image`), answered by a
stub. tests/projektudvalg/news_helpers.py `public_news_names` uses it only while missing."""

from django.http import HttpResponse
from django.urls import URLResolver, include, path

from holbaek.urls import urlpatterns as root_patterns
from projektudvalg import urls as committee_urls


def _stub(request, pk):
    return HttpResponse("")


_patterns = [
    path("nyheder/kommunen/<int:pk>/", _stub, name="municipal-news-detail"),
    path("nyheder/kommunen/<int:pk>/billede/", _stub, name="municipal-news-image"),
    *committee_urls.urlpatterns,
]
urlpatterns = [
    pattern
    for pattern in root_patterns
    if not (isinstance(pattern, URLResolver) and pattern.app_name == "projektudvalg")
] + [path("", include((_patterns, "projektudvalg")))]
