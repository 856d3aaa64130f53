"""What each public page shows: its URL name -> the kinds of content it depends on.

THIS_AREA marks a page about one area (its URL's `slug`): it depends on that area's
version, which every area-scoped write bumps. Every page also depends on BASE_KINDS (the
areas menu and lists). A URL name not listed here depends on every kind: listing a page is
an optimisation, forgetting one is safe.
"""

import re

from holbaek.pagecache.versions import ALL_KINDS

THIS_AREA = "this area"
BASE_KINDS = ("areas",)

PAGES = {
    "holbaek:front-page": ("news", "events"),
    "holbaek:about": (),
    "holbaek:accessibility": (),
    "robots-txt": (),
    "lokalfora:area-list": ("events",),  # each area's next event
    # The area page: its forum, contacts, news, events and granted projects come with the
    # area's version; the fælles-skaber section also changes with a stand-in, the granted
    # projects show the pools' names, and this year's grant changes with the scheme (its
    # rates and bands are every area's).
    "lokalfora:area-detail": (
        THIS_AREA,
        "faelles_skabere",
        "pools",
        "grants",
        "committee",
        "efforts",
        "hearings",
        "surveys",  # [survey PAGES] its open surveys and newest results
    ),
    "lokalfora:news-detail": (THIS_AREA,),
    "lokalfora:news-image": (THIS_AREA,),
    "lokalfora:feed-area-rss": (THIS_AREA,),
    "lokalfora:feed-area-atom": (THIS_AREA,),
    "lokalfora:feed-area-ical": (THIS_AREA,),
    "lokalfora:news-list": ("news",),
    "lokalfora:feed-news-rss": ("news",),
    "lokalfora:feed-news-atom": ("news",),
    "lokalfora:calendar": ("events",),
    "lokalfora:event-archive": ("events",),
    "lokalfora:event-detail": ("events",),
    "lokalfora:event-ical": ("events",),
    "lokalfora:feed-all-ical": ("events",),
    "tilskud:years": ("grants",),
    "tilskud:year": ("grants",),
    "tilskud:year-csv": ("grants",),
    "tilskud:year-json": ("grants",),
    "faelles_skabere:directory": ("faelles_skabere",),
    "faelles_skabere:photo": ("faelles_skabere",),
    "sparring:request": ("sparring",),
    "projektudvalg:pool-list": ("pools", "applications"),
    "projektudvalg:pool-detail": ("pools", "applications"),
    "projektudvalg:granted": ("pools", "applications"),
    # Special efforts, the public side (the effort page shows its agenda items too).
    "projektudvalg:effort-list": ("efforts",),
    "projektudvalg:effort-detail": ("efforts", "committee"),
    "projektudvalg:effort-follow": ("efforts",),
    # The committee's public record (committee-public). A meeting page shows pool
    # applications' titles and outcomes; the decisions' pages show the areas' names.
    "projektudvalg:committee": ("committee",),
    "projektudvalg:committee-period": ("committee",),
    "projektudvalg:meeting-list": ("committee",),
    "projektudvalg:meeting-detail": ("committee", "applications"),
    "projektudvalg:meeting-ical": ("committee",),
    "projektudvalg:decision-list": ("committee",),
    "projektudvalg:area-decisions": (THIS_AREA, "committee"),
    # projektudvalg:committee-document is left out: a download, never stored.
    # The hearings' answering pages (lokalfora:hearing-answer, -receipt, -withdraw, -forum)
    # are left out: they are marked private (holbaek.caching.private_page), never stored.
    # Hearings (the public side); an area's hearings show hearings to its forum too, which
    # every hearing write tells by its areas. The downloads are left out (never stored).
    "lokalfora:hearing-list": ("hearings",),
    "lokalfora:hearing-detail": ("hearings", "committee"),  # + the items deciding on it
    "lokalfora:hearing-response": ("hearings",),
    "lokalfora:hearing-note": ("hearings", "committee"),
    "lokalfora:area-hearings": (THIS_AREA, "hearings"),
    "sitemap": ("news", "events", "pools", "grants", "hearings"),
    "sitemap-section": ("news", "events", "pools", "grants", "hearings"),
    # lokalfora:search is left out on purpose: it finds every kind of content.
    # The printable agenda and minutes (a pool item lists its applications' decisions).
    "projektudvalg:meeting-print": ("committee", "applications"),
    # [news PAGES]
    # The municipality's news: an item's page shows its decision's link (committee).
    "projektudvalg:municipal-news-list": ("news",),
    "projektudvalg:municipal-news-detail": ("news", "committee"),
    "projektudvalg:municipal-news-easy-read": ("news", "committee"),
    "projektudvalg:municipal-news-image": ("news",),
    # An area's info screen (page and JSON): its municipal and forum news, the settings.
    "projektudvalg:area-screen": (THIS_AREA, "news"),
    "projektudvalg:area-screen-json": (THIS_AREA, "news"),
    # [survey PAGES]
    # The archive and a survey's published results (page, JSON, CSV): the survey, its
    # questions, options and stored counts; the results page links the decision or news
    # that used them. The results file is left out (a download, never stored).
    "projektudvalg:survey-list": ("surveys",),
    "projektudvalg:survey-results": ("surveys", "committee", "news"),
    "projektudvalg:survey-results-json": ("surveys",),
    "projektudvalg:survey-results-csv": ("surveys",),
}


# The query parameters each page takes, and what a value must look like to be stored.
# A request with any other parameter or value is answered fresh and not stored, so
# made-up query strings cannot fill the cache: at most a page per real filter and page.
VALUE = {
    "side": re.compile(r"[1-9][0-9]{0,3}"),
    "p": re.compile(r"[1-9][0-9]{0,3}"),
    "q": re.compile(r".{1,100}", re.S),
    "maaned": re.compile(r"[0-9]{4}-[0-9]{2}"),
    "omraade": re.compile(r"[a-z0-9-]{1,60}"),
    "pulje": re.compile(r"[a-z0-9-]{1,60}"),
    "type": re.compile(r"[a-z_]{1,30}"),
    "aar": re.compile(r"[0-9]{4}"),
    "format": re.compile(r"pdf"),
    "skaerm": re.compile(r"1"),
    "status": re.compile(r"[a-z]{1,12}"),
    "sagstype": re.compile(r"[a-z]{1,20}"),
    "emne": re.compile(r"[a-z0-9-]{1,80}"),
    "afsender": re.compile(r"[a-z]{1,20}"),
}
QUERIES = {
    "lokalfora:news-list": ("side",),
    "lokalfora:search": ("q", "side"),
    "lokalfora:calendar": ("maaned", "omraade", "type"),
    "lokalfora:calendar-day": ("omraade", "type", "side"),
    "lokalfora:event-archive": ("side",),
    "projektudvalg:granted": ("pulje", "aar", "omraade", "side"),
    "projektudvalg:meeting-list": ("aar", "side"),
    "projektudvalg:decision-list": ("q", "omraade", "sagstype", "aar", "side"),
    "projektudvalg:area-decisions": ("side",),
    "sitemap-section": ("p",),
    "projektudvalg:meeting-print": ("format",),
    "projektudvalg:effort-list": ("status", "omraade", "aar", "side"),
    "lokalfora:hearing-list": ("status", "type", "omraade", "aar", "side"),
    "lokalfora:hearing-detail": ("side",),
    "lokalfora:hearing-note": ("format",),
    "lokalfora:area-hearings": ("side",),
    # [news QUERIES]
    "projektudvalg:area-screen": ("skaerm",),
    "projektudvalg:municipal-news-list": ("omraade", "emne", "afsender", "side"),
    # [survey QUERIES]
    "projektudvalg:survey-list": ("omraade", "status", "side"),
}


def storable_query(url_name: str | None, query) -> bool:
    """Whether a request's query string (a QueryDict) is one the page takes, each value
    once and well-formed."""
    taken = QUERIES.get(url_name, ())
    return all(
        key in taken and len(values) == 1 and VALUE[key].fullmatch(values[0])
        for key, values in query.lists()
    )


def dependencies(url_name: str | None, kwargs: dict) -> tuple[tuple[str, ...], str | None]:
    """The kinds a page depends on and the slug of its area (None if it has none)."""
    declared = PAGES.get(url_name) if url_name else None
    if declared is None:
        return ALL_KINDS, None
    kinds = tuple(dict.fromkeys(BASE_KINDS + tuple(k for k in declared if k != THIS_AREA)))
    area = kwargs.get("slug") if THIS_AREA in declared else None
    return kinds, area
