from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProjektudvalgConfig(AppConfig):
    name = "projektudvalg"
    verbose_name = _("Projektudvalget")

    def ready(self):
        # Imported in ready(), as Django needs: these modules register this app's account
        # links, area sections, hearing section, page-cache models, follow-mail lines and
        # searched kinds with holbaek and lokalfora, and they import models, which cannot
        # be imported before the app registry is ready.
        from projektudvalg import (  # noqa: F401
            account_links,
            area_sections,
            digest_sections,
            effort_sections,
            hearing_sections,
            news_digest,
            news_registrations,
            pagecache,
            search_kinds,
            survey_digest,
            survey_sections,
        )
