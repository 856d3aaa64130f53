from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps
from django.utils.translation import gettext_lazy as _

from holbaek import checks  # noqa: F401  (registers the deploy checks)


class HolbaekConfig(AppConfig):
    default = True
    name = "holbaek"
    verbose_name = _("Portal og brugere")

    def ready(self):
        from holbaek import account_links, pagecache_models  # noqa: F401  (registers the admin's link, the page cache's models)


class PortalAdminConfig(admin_apps.AdminConfig):
    default = False
    default_site = "holbaek.admin_site.PortalAdminSite"
