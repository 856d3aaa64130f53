from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FaellesSkabereConfig(AppConfig):
    name = "faelles_skabere"
    verbose_name = _("Fælles-skabere")

    def ready(self):
        from faelles_skabere import account_links, area_sections  # noqa: F401  (register their parts)
