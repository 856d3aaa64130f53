"""Public hearing pages (to be built)."""

from django.http import Http404


def _todo(request, **kwargs):
    raise Http404


hearing_list = _todo
hearing_detail = _todo
response_detail = _todo
response_attachment = _todo
hearing_document = _todo
hearing_note = _todo
area_hearings = _todo
