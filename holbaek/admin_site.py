from allauth.account.decorators import secure_admin_login
from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from holbaek import permissions


class PortalAdminSite(admin.AdminSite):
    """The Django admin, for municipal staff only, logging in through allauth.

    Going through allauth gives the admin the same rate limits and the same
    second factor as the rest of the portal.
    """

    site_header = _("Holbæk lokalportal – administration")
    site_title = _("Holbæk lokalportal")
    index_title = _("Administration")

    def has_permission(self, request):
        return request.user.is_active and permissions.can_use_admin(request.user)

    def login(self, request, extra_context=None):
        return secure_admin_login(super().login)(request, extra_context)
