"""Links on "Min konto" (see holbaek.account_links), each with its view's permission."""

from django.utils.translation import gettext_lazy as _

from holbaek.account_links import AccountLink, register_account_link
from lokalfora.permissions import can_see_contact_overview

register_account_link(
    AccountLink(
        _("Overblik over lokalfora"), "lokalfora:overview", can_see_contact_overview, order=30
    )
)
