"""EMAIL_URL to Django's MAILERS entry, for every scheme django-environ names.

Kept free of Django imports: settings.py calls it while settings load.

    smtp://, smtps://, smtp+tls://, smtp+ssl://  the mail server (user:password@host:port)
    consolemail://   prints each mail, attachments as one line each (development)
    filemail:///var/spool/portal-mail   writes each mail to a file in that folder
    memorymail://    keeps mails in django.core.mail.outbox
    dummymail://     discards every mail
"""

from urllib.parse import unquote, urlsplit

import environ

CONSOLE_BACKEND = "holbaek.console_mail.EmailBackend"
SMTP_TIMEOUT = 20


def mailer_from_url(url: str) -> dict:
    """The MAILERS["default"] entry for an EMAIL_URL; an unknown scheme is ImproperlyConfigured."""
    config = environ.Env.email_url_config(url)
    backend = config["EMAIL_BACKEND"]
    scheme = urlsplit(url).scheme
    if scheme == "consolemail":
        return {"BACKEND": CONSOLE_BACKEND, "OPTIONS": {}}
    if scheme == "filemail":
        # filemail:///abs/path is an absolute folder, filemail://relative/path a relative one.
        parts = urlsplit(url)
        return {"BACKEND": backend, "OPTIONS": {"file_path": unquote(parts.netloc + parts.path)}}
    if backend.endswith("smtp.EmailBackend"):
        options = {
            "host": config["EMAIL_HOST"],
            "port": config["EMAIL_PORT"],
            "username": config["EMAIL_HOST_USER"],
            "password": config["EMAIL_HOST_PASSWORD"],
            "use_tls": config.get("EMAIL_USE_TLS", False),
            "use_ssl": config.get("EMAIL_USE_SSL", False),
            "timeout": SMTP_TIMEOUT,
        }
        # ?timeout=10&ssl_certfile=... : the backend's own option names.
        options.update({key.lower(): value for key, value in config.get("OPTIONS", {}).items()})
        return {"BACKEND": backend, "OPTIONS": options}
    return {"BACKEND": backend, "OPTIONS": {}}
