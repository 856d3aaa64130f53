"""Answering a hearing (to be built)."""

from django.http import Http404


def _todo(request, **kwargs):
    raise Http404


forum_answer = _todo
public_answer = _todo
receipt = _todo
withdraw = _todo
