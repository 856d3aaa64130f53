"""Track 3's demo: the issue's path, through the services, at the times it would happen.

Mørkøv's forum editor proposes a news item about the traffic plan; the committee's
staff publish it for Mørkøv and Regstrup with the topic trafik, linked to the committee's
decision; it is offered to Tuse Næs's forum, shared in a Facebook group and sent as a
newsletter to the followers of both areas (one of whom follows both, and gets one mail).
A whole-municipality item with an easy-Danish version, and one planned for next week.
"""

import datetime

from django.utils import timezone

from holbaek.demo import demo_user
from lokalfora import follow_tokens
from lokalfora.models import LocalArea, NewsTopic
from lokalfora.services import subscriptions
from lokalfora.services.forums import forum_editor_add
from projektudvalg.models import AgendaItem, MunicipalNews
from projektudvalg.selectors.newsletters import recipients, recipients_digest
from projektudvalg.services import municipal_news, news_cooperation, newsletter_sending
from projektudvalg.services import newsletters as newsletter_services

TRAFFIC_TITLE = "(Demo) Trafikplanen: ny krydsningshelle og 40 km/t i landsbyerne"
DECISION_TITLE = "Trafiksikkerhedsplan for landsbyerne efter høring"  # demo_meetings
FOLLOWERS = {
    "foelger1@example.org": ("morkov", "regstrup"),
    "foelger2@example.org": ("morkov",),
    "foelger3@example.org": ("regstrup",),
    "foelger4@example.org": ("tuse-naes",),
}


def _areas(*slugs):
    return list(LocalArea.objects.filter(slug__in=slugs).select_related("forum"))


def _traffic_item(staff, editor, morkov, regstrup):
    """Proposed by Mørkøv's editor, published by staff for both areas, with the decision."""
    trafik = NewsTopic.objects.filter(slug="trafik")
    data = {
        "title": TRAFFIC_TITLE,
        "summary": "(Demotekst) Udvalget har anbefalet trafiksikkerhedsplanen. Her er, hvad "
        "den betyder for Mørkøv og Regstrup.",
        "body": "(Demotekst) Efter høringen anbefalede Projektudvalget planen.\n\n"
        "## Det sker i Mørkøv og Regstrup\n\n- 40 km/t gennem byerne\n- en ny "
        "krydsningshelle ved skolevejen",
        "easy_read": "",
        "image_alt": "",
    }
    item = municipal_news.news_propose(
        forum=morkov.forum, data=data, areas=[morkov], topics=trafik, by=editor
    )
    decision = AgendaItem.objects.filter(title__contains=DECISION_TITLE).first()
    municipal_news.news_save(
        item=item, data={**data, "source_decision": decision, "origin_effort": None},
        areas=[morkov, regstrup], topics=trafik, whole_municipality=False, by=staff,
    )  # fmt: skip
    share = item.shares.get()
    news_cooperation.comment_add(
        share=share, author=staff,
        text="(Demotekst) Tak! Vi sender den også til Regstrup og linker til beslutningen.",
    )  # fmt: skip
    return municipal_news.news_publish(item=item, by=staff)


def _municipal_items(staff):
    politik = NewsTopic.objects.filter(slug="politik")
    data = {
        "title": "(Demo) Budgettet for 2027 er vedtaget",
        "summary": "(Demotekst) Kommunalbestyrelsen har vedtaget budgettet. Se, hvad det "
        "betyder for lokalområderne.",
        "body": "(Demotekst) Budgettet giver blandt andet flere penge til landsbyfornyelse.",
        "easy_read": "(Demotekst) Kommunen har lagt en plan for pengene i 2027. Der kommer "
        "flere penge til landsbyerne.",
        "image_alt": "",
    }
    whole = municipal_news.news_save(
        data=data, areas=[], topics=politik, whole_municipality=True, by=staff
    )
    municipal_news.news_publish(item=whole, by=staff)
    news_cooperation.news_offer(item=whole, forums=[_areas("tuse-naes")[0].forum], by=staff)
    planned = municipal_news.news_save(
        data={**data, "title": "(Demo) Åbent hus på rådhuset", "easy_read": "",
              "summary": "(Demotekst) Kom og mød udvalget."},
        areas=_areas("holbaek-by"), topics=politik, whole_municipality=False, by=staff,
    )  # fmt: skip
    later = timezone.now().replace(second=0, microsecond=0) + datetime.timedelta(days=7)
    municipal_news.news_publish(item=planned, publish_at=later, by=staff)


def _followers() -> None:
    for email, slugs in FOLLOWERS.items():
        for area in _areas(*slugs):
            subscription = subscriptions.subscription_create(area=area, email=email)
            subscriptions.subscription_confirm(token=follow_tokens.confirm_token(subscription))


def _newsletter(staff, item, morkov, regstrup) -> int:
    newsletter = newsletter_services.newsletter_save(
        newsletter=None, by=staff,
        data={"subject": "(Demo) Nyt om trafikken i Mørkøv og Regstrup",
              "intro": "(Demotekst) Her er nyt fra kommunen om jeres område.",
              "whole_municipality": False, "to_followers": True, "to_contacts": False,
              "to_editors": False},
        areas=[morkov, regstrup], topics=[], efforts=[], items=[item],
    )  # fmt: skip
    found = recipients(newsletter)
    count = len(found)
    newsletter_services.newsletter_queue(
        newsletter=newsletter, by=staff, expected_count=count,
        expected_digest=recipients_digest(found),
    )  # fmt: skip
    newsletter_sending.newsletters_send_batch()
    return count


def load(staff) -> str:
    if MunicipalNews.objects.exists():
        return "kommunale nyheder findes allerede"
    morkov, regstrup = (_areas(slug)[0] for slug in ("morkov", "regstrup"))
    editor = demo_user("redaktoer-morkov@example.org", "Demo Redaktør Mørkøv")
    forum_editor_add(forum=morkov.forum, user=editor)
    item = _traffic_item(staff, editor, morkov, regstrup)
    news_cooperation.shared_in_record(
        item=item, group="Regstrup Borgerforening på Facebook", url="",
        shared_on=timezone.localdate(), by=staff,
    )  # fmt: skip
    _municipal_items(staff)
    _followers()
    sent = _newsletter(staff, item, morkov, regstrup)
    return (
        f"3 kommunale nyheder (en foreslået af Mørkøvs redaktør redaktoer-morkov@example.org), "
        f"{len(FOLLOWERS)} følgere og et nyhedsbrev til {sent} modtagere"
    )
