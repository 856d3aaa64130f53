"""Links on "Min konto" (see holbaek.account_links), each with its view's permission."""

from django.utils.translation import gettext_lazy as _

from faelles_skabere.permissions import can_manage_assignments, can_see_requests
from holbaek.account_links import AccountLink, register_account_link

register_account_link(
    AccountLink(_("Indbakke for sparring"), "sparring:inbox", can_see_requests, order=10)
)
register_account_link(
    AccountLink(
        _("Tildeling af områder og stedfortrædere"),
        "faelles_skabere:assignments",
        can_manage_assignments,
        order=20,
    )
)
