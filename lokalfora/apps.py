from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LokalforaConfig(AppConfig):
    name = "lokalfora"
    verbose_name = _("Lokalområder og lokalfora")

    def ready(self):
        # Imported once the app registry is ready: they register their links on "Min konto",
        # the grant and hearing sections of the area page, the hearings in the weekly mail
        # and in search, and their models with the page cache, and need the models loaded.
        from lokalfora import (  # noqa: F401
            account_links,
            grant_section,
            hearing_area_section,
            hearing_digest,
            hearing_search,
            pagecache,
        )
