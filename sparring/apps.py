from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SparringConfig(AppConfig):
    name = "sparring"
    verbose_name = _("Sparring med fælles-skaberne")
