"""The pages `make bench` measures. A new page is one line here.

A path may name a value the bench looks up in the grown database: {news} and
{event} (a published news item, an upcoming event), {grant_year} (the newest
approved grant year) and {static} (the portal's CSS, as whitenoise serves it).
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Page:
    path: str
    status: int = 200
    staff: bool = False  # requested in a signed-in staff session that passed MFA

    def url_path(self, values: dict[str, str]) -> str:
        return self.path.format(**values)


# The static file the pages are compared with; measured first and again last.
STATIC = Page("{static}")

PAGES = [
    Page("/"),
    Page("/lokalomraader/"),
    Page("/lokalomraader/tollose/"),
    Page("/nyheder/"),
    Page("{news}"),
    Page("/kalender/"),
    Page("/kalender/arkiv/"),
    Page("{event}"),
    Page("/soeg/?q=m%C3%B8de"),
    Page("/soeg/?q=Soderup"),  # an area by one of its other names
    Page("/nyheder/rss/"),
    Page("/nyheder/atom/"),
    Page("/lokalomraader/tollose/nyheder/rss/"),
    Page("/lokalomraader/tollose/nyheder/atom/"),
    Page("/kalender/holbaek.ics"),
    Page("/lokalomraader/tollose/kalender.ics"),
    Page("/faelles-skabere/"),
    Page("/sparring/"),
    Page("/tilskud/"),
    Page("/tilskud/{grant_year}/"),
    Page("/puljer/"),
    Page("/puljer/rum-til-faellesskab/"),
    Page("/puljer/bevillinger/"),
    Page("/om-dialogmodellen/"),
    Page("/sitemap.xml"),
    Page("/findes-ikke/", status=404),
    # Staff
    Page("/sparring/indbakke/", staff=True),
    Page("/puljer/behandling/", staff=True),
    Page("/tilskud/{grant_year}/opfoelgning/", staff=True),
    Page("/tilskud/befolkningstal/", staff=True),
    Page("/konto/", staff=True),
]
