"""Links on "Min konto" (see holbaek.account_links), each with its view's permission."""

from django.utils.translation import gettext_lazy as _

from holbaek.account_links import AccountLink, register_account_link
from lokalfora.permissions import (
    can_import_population,
    can_manage_hearings,
    can_see_contact_overview,
    can_see_overview,
)

register_account_link(
    AccountLink(
        _("Overblik over lokalfora"), "lokalfora:overview", can_see_contact_overview, order=30
    )
)
register_account_link(
    AccountLink(_("Befolkningstal"), "tilskud:population", can_import_population, order=40)
)
# The years' pages are public; the link is for the staff who work with them.
register_account_link(
    AccountLink(
        _("Tilskud til lokalområderne: model, godkendelse og opfølgning"),
        "tilskud:years",
        can_see_overview,
        order=50,
    )
)
# The hearings the municipality sends to the forums: run by committee staff.
register_account_link(
    AccountLink(_("Styring af høringer"), "lokalfora:hearing-admin", can_manage_hearings, order=55)
)
