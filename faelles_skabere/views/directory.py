"""The public directory of fælles-skabere and their photos."""

from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe

from faelles_skabere.models import CoCreator
from faelles_skabere.selectors import assignments as selectors
from holbaek.images import content_type


@require_safe
def directory(request):
    return render(request, "faelles_skabere/directory.html", {"co_creators": selectors.directory()})


@require_safe
def photo(request, pk):
    """Profile photos are public, like the profiles; they are served from private storage."""
    co_creator = get_object_or_404(CoCreator.objects.only("photo"), pk=pk)
    if not co_creator.photo:
        raise Http404
    try:
        file = co_creator.photo.open("rb")
    except FileNotFoundError as missing:
        raise Http404 from missing
    response = FileResponse(file, content_type=content_type(co_creator.photo.name))
    response["Cache-Control"] = "public, max-age=300"
    return response
