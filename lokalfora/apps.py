from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LokalforaConfig(AppConfig):
    name = "lokalfora"
    verbose_name = _("Lokalområder og lokalfora")

    def ready(self):
        from lokalfora import account_links  # noqa: F401  (registers its links on "Min konto")
