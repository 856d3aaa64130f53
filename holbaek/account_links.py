"""The links on "Min konto": each shown only to whom its page lets in.

`holbaek` must not import the apps that build on it, so each app registers its
links here in its AppConfig.ready() (the same way as `lokalfora.sections`), each
with the permission function its view checks. The account page then lists the
links the user may follow: never one that answers 403.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from holbaek import permissions

# Where on the account page a link goes, in this order.
SECTIONS = {
    "work": _("Arbejdet som medarbejder"),
    "applications": _("Dine ansøgninger"),
}


@dataclass(frozen=True)
class AccountLink:
    label: Any  # a lazy translation
    url_name: str
    allowed: Callable[[Any], bool]  # the view's permission function
    section: str = "work"
    order: int = 100


_links: dict[str, AccountLink] = {}


def register_account_link(link: AccountLink) -> None:
    if link.section not in SECTIONS:
        raise ValueError(link.section)
    _links[link.url_name] = link


def account_sections(user) -> list[dict]:
    """The sections with the links the user may follow; a section without any is left out."""
    ordered = sorted(_links.values(), key=lambda link: (link.order, link.url_name))
    sections = []
    for key, heading in SECTIONS.items():
        links = [
            {"label": link.label, "url": reverse(link.url_name)}
            for link in ordered
            if link.section == key and link.allowed(user)
        ]
        if links:
            sections.append({"key": key, "heading": heading, "links": links})
    return sections


register_account_link(
    AccountLink(_("Administration"), "admin:index", permissions.can_use_admin, order=900)
)
