from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FaellesSkabereConfig(AppConfig):
    name = "faelles_skabere"
    verbose_name = _("Fælles-skabere")

    def ready(self):
        # Imported here because they register on "Min konto", the area page and the page
        # cache, and their models can only be imported once Django has loaded every app.
        from faelles_skabere import (  # noqa: F401
            account_links,
            area_sections,
            pagecache,
        )
