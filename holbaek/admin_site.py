from django.conf import settings
from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, resolve_url
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext_lazy as _

from holbaek import permissions


class PortalAdminSite(admin.AdminSite):
    """The Django admin, for municipal staff only, logging in through allauth.

    The admin's own login form is never shown: it would accept a password
    without the second factor and without allauth's rate limits. Its URL
    hands over to allauth's login page instead.
    """

    site_header = _("Holbæk lokalportal – administration")
    site_title = _("Holbæk lokalportal")
    index_title = _("Administration")

    def has_permission(self, request):
        return request.user.is_active and permissions.can_use_admin(request.user)

    def login(self, request, extra_context=None):
        next_url = request.GET.get("next", "")
        if not url_has_allowed_host_and_scheme(
            next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        ):
            next_url = reverse("admin:index", current_app=self.name)
        if request.user.is_authenticated:
            if not self.has_permission(request):
                raise PermissionDenied
            return redirect(next_url)
        return redirect(f"{resolve_url(settings.LOGIN_URL)}?{urlencode({'next': next_url})}")
