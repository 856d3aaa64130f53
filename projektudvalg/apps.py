from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProjektudvalgConfig(AppConfig):
    name = "projektudvalg"
    verbose_name = _("Projektudvalget")

    def ready(self):
        from projektudvalg import area_sections  # noqa: F401  (registers the area page section)
