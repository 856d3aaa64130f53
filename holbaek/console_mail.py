"""The development mail backend (EMAIL_URL=consolemail://): mails readable in the terminal.

Headers and the plain-text body as they are; an HTML alternative and every
attachment become one line each (name, type, size), so a mailed PDF is not
hundreds of lines of base64.
"""

from django.core.mail.backends.console import EmailBackend as DjangoConsoleBackend

SKIPPED = {"content-type", "content-transfer-encoding", "mime-version"}


def _size(part) -> int:
    return len(part.get_payload(decode=True) or b"")


class EmailBackend(DjangoConsoleBackend):
    def write_message(self, message):
        mime = message.message()
        headers = [(name, value) for name, value in mime.items()]
        lines = [f"{name}: {value}" for name, value in headers if name.lower() not in SKIPPED]
        body = mime.get_body(preferencelist=("plain",))
        lines += ["", body.get_content().rstrip("\n") if body is not None else ""]
        html = mime.get_body(preferencelist=("html",))
        if html is not None:
            lines.append(f"[HTML-udgave: text/html, {_size(html)} bytes]")
        for part in mime.iter_attachments():
            name = part.get_filename() or "(uden navn)"
            lines.append(f"[Vedhæftet: {name}, {part.get_content_type()}, {_size(part)} bytes]")
        self.stream.write("\n".join(lines) + "\n")
        self.stream.write("-" * 79 + "\n")
