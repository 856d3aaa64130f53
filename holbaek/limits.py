"""Size limits for what people send, in one place: the forms, Django and the body check share them.

Kept free of Django imports, so settings.py can derive its limits from them.
"""

MEBIBYTE = 1024 * 1024

# One uploaded document (holbaek.uploads) and the most files one request may carry:
# the application form takes up to 10 attachments (projektudvalg.services.applying.MAX_FILES).
MAX_FILE_BYTES = 10 * MEBIBYTE
MAX_FILES_PER_REQUEST = 10
# Everything in a request that is not a file (Django's DATA_UPLOAD_MAX_MEMORY_SIZE).
MAX_FIELDS_BYTES = 2_621_440
# Multipart boundaries and part headers.
MARGIN_BYTES = 1 * MEBIBYTE

# The largest request body any form can legitimately need; a larger one is refused
# with 413 before it is read (holbaek.middleware.RequestBodyLimitMiddleware).
# 108,527,616 bytes (103.5 MiB); the README's nginx advice rounds it up to 104m.
MAX_REQUEST_BYTES = MAX_FILES_PER_REQUEST * MAX_FILE_BYTES + MAX_FIELDS_BYTES + MARGIN_BYTES
