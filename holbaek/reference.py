"""Reference data the core app owns: the role Groups and the site's name."""

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth.models import Group
from django.contrib.sites.models import Site
from django.db import transaction

from holbaek import roles


@transaction.atomic
def load() -> str:
    created = [name for name in roles.ALL_ROLES if Group.objects.get_or_create(name=name)[1]]
    Site.objects.update_or_create(
        id=settings.SITE_ID,
        defaults={"domain": urlsplit(settings.SITE_URL).netloc, "name": "Holbæk lokalportal"},
    )
    return f"{len(roles.ALL_ROLES)} roller ({len(created)} nye)"
