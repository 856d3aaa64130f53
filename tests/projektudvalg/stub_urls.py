"""Until the committee's public pages are merged into this branch: the URL names the
meeting pages link to (`meeting-detail`, `committee-document`), answered by a stub. The
`_committee_public_names` fixture (conftest.py) uses this only while they are missing."""

from django.http import HttpResponse
from django.urls import URLResolver, include, path

from holbaek.urls import urlpatterns as root_patterns
from projektudvalg import urls as committee_urls


def _stub(request, pk):
    return HttpResponse("")


_patterns = [
    path("udvalget/moeder/<int:pk>/", _stub, name="meeting-detail"),
    path("udvalget/dokumenter/<int:pk>/", _stub, name="committee-document"),
    *committee_urls.urlpatterns,
]
urlpatterns = [
    pattern
    for pattern in root_patterns
    if not (isinstance(pattern, URLResolver) and pattern.app_name == "projektudvalg")
] + [path("", include((_patterns, "projektudvalg")))]
