from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProjektudvalgConfig(AppConfig):
    name = "projektudvalg"
    verbose_name = _("Projektudvalget")

    def ready(self):
        from projektudvalg import account_links, area_sections  # noqa: F401  (register their parts)
