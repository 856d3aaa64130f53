"""Links on "Min konto" (see holbaek.account_links), each with its view's permission."""

from django.utils.translation import gettext_lazy as _

from holbaek.account_links import AccountLink, register_account_link
from projektudvalg import permissions

register_account_link(
    AccountLink(
        _("Ansøgninger, der venter på din rådgivende bemærkning"),
        "projektudvalg:advice-list",
        permissions.can_see_advice_list,
        order=15,
    )
)
register_account_link(
    AccountLink(
        _("Ansøgninger til puljerne"), "projektudvalg:queue", permissions.can_review, order=60
    )
)
register_account_link(
    AccountLink(
        _("Mine ansøgninger til udvalgets puljer"),
        "projektudvalg:my-applications",
        permissions.can_apply,
        section="applications",
    )
)
# Track 2: the committee staff's overview of the special efforts.
register_account_link(
    AccountLink(
        _("Styring af særlige indsatser"),
        "projektudvalg:effort-admin",
        permissions.can_manage_efforts,
        order=65,
    )
)
# Track 3: the municipality's news and the newsletters.
register_account_link(
    AccountLink(
        _("Kommunens nyheder til lokalområderne"),
        "projektudvalg:news-staff-list",
        permissions.can_edit_municipal_news,
        order=67,
    )
)
register_account_link(
    AccountLink(
        _("Nyhedsbreve"),
        "projektudvalg:newsletter-list",
        permissions.can_manage_newsletters,
        order=68,
    )
)
# Track 3: surveys.
register_account_link(
    AccountLink(
        _("Undersøgelser"),
        "projektudvalg:survey-admin",
        permissions.can_manage_surveys,
        order=69,
    )
)
