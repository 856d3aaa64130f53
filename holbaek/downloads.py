from django.http import FileResponse, Http404


def download(attachment) -> FileResponse:
    """Always a download, never shown in the browser, with the type found on upload."""
    if attachment is None:
        raise Http404
    try:
        file = attachment.file.open("rb")
    except FileNotFoundError as missing:
        raise Http404 from missing
    response = FileResponse(
        file, as_attachment=True, filename=attachment.name, content_type=attachment.content_type
    )
    response["Cache-Control"] = "private, no-store"
    return response
