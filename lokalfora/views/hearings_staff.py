"""Staff pages for hearings (to be built)."""

from django.http import Http404


def _todo(request, **kwargs):
    raise Http404


hearing_admin = _todo
hearing_matrix = _todo
hearing_form = _todo
hearing_documents = _todo
hearing_status = _todo
hearing_review = _todo
response_review = _todo
hearing_note_edit = _todo
hearing_export = _todo
invitation_resend = _todo
