from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HolbaekConfig(AppConfig):
    name = "holbaek"
    verbose_name = _("Portal og brugere")
