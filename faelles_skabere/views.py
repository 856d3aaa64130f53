from django.shortcuts import render
from django.views.decorators.http import require_safe

from faelles_skabere import selectors


@require_safe
def directory(request):
    return render(request, "faelles_skabere/directory.html", {"co_creators": selectors.directory()})
