"""Links on "Min konto" (see holbaek.account_links), each with its view's permission."""

from django.utils.translation import gettext_lazy as _

from holbaek.account_links import AccountLink, register_account_link
from sparring.permissions import can_see_requests

register_account_link(
    AccountLink(_("Indbakke for sparring"), "sparring:inbox", can_see_requests, order=10)
)
