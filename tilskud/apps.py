from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TilskudConfig(AppConfig):
    name = "tilskud"
    verbose_name = _("Tilskud til lokalområderne")

    def ready(self):
        from tilskud import account_links, area_sections  # noqa: F401  (register their parts)
