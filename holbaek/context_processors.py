from django.conf import settings
from django.urls import reverse

MUNICIPALITY = {
    "name": "Holbæk Kommune",
    "address": "Kanalstræde 2, 4300 Holbæk",
    "phone": "72 36 36 36",
    "email": "holbaek@holbaek.dk",
}


# The main menu's pages (templates/includes/nav_items.html), in its order.
MENU = (
    "lokalfora:area-list",
    "projektudvalg:pool-list",
    "faelles_skabere:directory",
    "lokalfora:calendar",
    "lokalfora:news-list",
    "lokalfora:search",
)


def menu_state(path: str) -> str:
    """Per menu item 2 (this page), 1 (a page in its section) or 0, as nav_link.html marks
    them: the key under which the rendered menu is kept (holbaek/templatetags/fragments.py)."""
    states = []
    for name in MENU:
        href = reverse(name)
        states.append("2" if path == href else "1" if href in path else "0")
    return "".join(states)


def portal(request):
    """Values every page needs: the municipality's contact, the languages, the menu's state."""
    return {
        "MUNICIPALITY": MUNICIPALITY,
        "LANGUAGES": settings.LANGUAGES,
        "MENU_STATE": menu_state(request.path),
    }
