"""Links that leave the site: in e-mails, feeds and calendar files."""

from django.conf import settings


def absolute_url(path: str) -> str:
    """The portal's public address (SITE_URL) with the path: "/kalender/" -> "https://…/kalender/"."""
    return settings.SITE_URL.rstrip("/") + path
