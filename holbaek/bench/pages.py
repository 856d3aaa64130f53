"""The pages `make bench` measures. A new page is one line here.

A path may name a value the bench looks up in the grown database: {news} and
{event} (a published news item, an upcoming event), {event_day} (that event's day),
{grant_year} (the newest approved grant year), {meeting} (the id of the demo's meeting with
published minutes, else the newest with a published agenda), {effort} (a public special
effort's page, or the efforts' list if there is none), {hearing} (the id of the public
hearing with most answers), {survey} and {survey_open} (a published and an open
survey: projektudvalg/bench_surveys.py) and {static} (the portal's CSS, as
whitenoise serves it).

A staff page is requested as the demo user whose role uses it (holbaek/demo.py and
faelles_skabere/demo.py make them), in a session that passed its second factor.
"""

from dataclasses import dataclass

COMMITTEE_STAFF = "sekretariat@example.org"  # Udvalgssekretariat: pools, grants
CO_CREATOR = "faelles-skaber@example.org"  # Fælles-skaber: the sparring inbox
ADMINISTRATOR = "admin@example.org"
FORUM_EDITOR = "redaktoer@example.org"  # Tølløse's forum: its news, proposals and offers


@dataclass(frozen=True)
class Page:
    path: str
    status: int = 200
    user: str = ""  # the e-mail address of the demo user who requests it; "" is anonymous

    def url_path(self, values: dict[str, str]) -> str:
        return self.path.format(**values)

    @property
    def anonymous(self) -> bool:
        return not self.user


# The static file the pages are compared with; measured first and again last.
STATIC = Page("{static}")

PAGES = [
    Page("/"),
    Page("/lokalomraader/"),
    Page("/lokalomraader/tollose/"),
    Page("/nyheder/"),
    Page("{news}"),
    Page("/kalender/"),
    Page("{event_day}"),
    Page("/kalender/arkiv/"),
    Page("{event}"),
    Page("/soeg/?q=m%C3%B8de"),
    Page("/soeg/?q=m%C3%B8de&side=2"),
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
    Page("/saerlige-indsatser/"),
    Page("{effort}"),
    Page("/om-dialogmodellen/"),
    # Hearings, the public side.
    Page("/hoeringer/"),
    Page("/hoeringer/{hearing}/"),
    Page("/lokalomraader/jyderup/hoeringer/"),
    # The committee's public record (committee-public)
    Page("/udvalget/"),
    Page("/udvalget/moeder/"),
    Page("/udvalget/moeder/{meeting}/"),
    Page("/udvalget/moeder.ics"),
    Page("/udvalget/beslutninger/"),
    Page("/udvalget/beslutninger/?q=lokalomr%C3%A5de"),
    Page("/lokalomraader/tollose/beslutninger/"),
    Page("/sitemap.xml"),
    Page("/findes-ikke/", status=404),
    # Staff, each as the role that works there
    Page("/sparring/indbakke/", user=CO_CREATOR),
    Page("/puljer/behandling/", user=COMMITTEE_STAFF),
    Page("/tilskud/{grant_year}/opfoelgning/", user=COMMITTEE_STAFF),
    Page("/tilskud/befolkningstal/", user=COMMITTEE_STAFF),
    # Track 2, staff: the overview and an effort's edit pages (the demo's Knabstrup effort)
    Page("/saerlige-indsatser/styring/", user=COMMITTEE_STAFF),
    Page("/saerlige-indsatser/knabstrup-saetter-kurs/rediger/", user=COMMITTEE_STAFF),
    Page("/saerlige-indsatser/knabstrup-saetter-kurs/milepaele/", user=COMMITTEE_STAFF),
    Page("/konto/", user=ADMINISTRATOR),
    # The committee's meetings: staff pages and the printable minutes ({meeting}: the demo's
    # held meeting with its minutes published).
    Page("/udvalget/moeder/styring/", user=COMMITTEE_STAFF),
    Page("/udvalget/moeder/{meeting}/rediger/", user=COMMITTEE_STAFF),
    Page("/udvalget/moeder/{meeting}/udskrift/"),
    Page("/udvalget/moeder/{meeting}/udskrift/", user=COMMITTEE_STAFF),
    # The hearings' staff pages ({hearing}: the newest public hearing).
    Page("/hoeringer/styring/", user=COMMITTEE_STAFF),
    Page("/hoeringer/styring/oversigt/", user=COMMITTEE_STAFF),
    Page("/hoeringer/{hearing}/kontrol/", user=COMMITTEE_STAFF),
    # [news bench public]
    # The municipality's news ({municipal_news}: the newest published item) and the screens.
    Page("/nyheder/kommunen/"),
    Page("/nyheder/kommunen/?omraade=morkov&emne=trafik"),
    Page("/nyheder/kommunen/{municipal_news}/"),
    Page("/lokalomraader/morkov/skaerm/"),
    Page("/lokalomraader/morkov/skaerm/?skaerm=1"),
    Page("/lokalomraader/morkov/skaerm.json"),
    Page("/nyheder/kommunen/?side=2"),
    Page("{newsletter_unsubscribe}"),
    Page("{follow_preferences}"),
    #
    # [news bench staff]
    Page("/nyheder/kommunen/styring/", user=COMMITTEE_STAFF),
    Page("/nyheder/kommunen/{municipal_news}/rediger/", user=COMMITTEE_STAFF),
    Page("/nyheder/kommunen/{municipal_news}/del/", user=COMMITTEE_STAFF),
    Page("/nyheder/kommunen/{municipal_news}/tilbyd/", user=COMMITTEE_STAFF),
    Page("/lokalomraader/tollose/nyheder/kommunen/", user=FORUM_EDITOR),
    Page("/lokalomraader/tollose/nyheder/kommunen/foreslaa/", user=FORUM_EDITOR),
    #
    # [newsletter bench]
    # Newsletters ({newsletter}: a sent one's send log; {newsletter_draft}, {newsletter_edit}:
    # a draft to all 18, its recipients and its form; projektudvalg/bench_newsletters.py).
    Page("/nyhedsbreve/", user=COMMITTEE_STAFF),
    Page("/nyhedsbreve/ny/", user=COMMITTEE_STAFF),
    Page("{newsletter_edit}", user=COMMITTEE_STAFF),
    Page("{newsletter_draft}", user=COMMITTEE_STAFF),
    Page("{newsletter}", user=COMMITTEE_STAFF),
    #
    # [follow bench]
    #
    # [survey bench]
    # Surveys ({survey}: the published bench survey of 40 questions whose answers grow with
    # the bench, {survey_open}: an open one of the same questions; projektudvalg/bench_surveys.py).
    Page("/undersoegelser/"),
    Page("/undersoegelser/?status=resultater&omraade=tollose"),
    Page("/undersoegelser/{survey}/"),
    Page("/undersoegelser/{survey}/resultater/"),
    Page("/undersoegelser/{survey}/resultater.json"),
    Page("/undersoegelser/{survey}/resultater.csv"),
    Page("/undersoegelser/{survey_open}/"),
    Page("/undersoegelser/{survey_open}/svar/"),
    Page("/undersoegelser/styring/", user=COMMITTEE_STAFF),
    Page("/undersoegelser/{survey}/oversigt/", user=COMMITTEE_STAFF),
    Page("/undersoegelser/{survey_open}/rediger/", user=COMMITTEE_STAFF),
    Page("/undersoegelser/{survey}/spoergsmaal/", user=COMMITTEE_STAFF),
    Page("/undersoegelser/{survey}/logik/", user=COMMITTEE_STAFF),
    Page("/undersoegelser/{survey}/resultater/styring/", user=COMMITTEE_STAFF),
    Page("/undersoegelser/{survey}/resultater/styring/", user=CO_CREATOR),
    Page("/undersoegelser/{survey}/gennemsyn/", user=COMMITTEE_STAFF),
    Page("/undersoegelser/{survey_open}/indtast/", user=COMMITTEE_STAFF),
    Page("/lokalomraader/tollose/undersoegelser/foreslaa/", user=FORUM_EDITOR),
]

PUBLIC = [page for page in PAGES if page.anonymous]
STAFF = [page for page in PAGES if not page.anonymous]
