from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LokalforaConfig(AppConfig):
    name = "lokalfora"
    verbose_name = _("Lokalområder og lokalfora")
