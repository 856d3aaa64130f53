from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SparringConfig(AppConfig):
    name = "sparring"
    verbose_name = _("Sparring med fælles-skaberne")

    def ready(self):
        from sparring import account_links  # noqa: F401  (registers its links on "Min konto")
