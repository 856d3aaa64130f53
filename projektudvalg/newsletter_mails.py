"""The newsletter mail: its subject, the staff's text, the chosen news items with their
links, and a footer saying why the person gets it, with a one-click unsubscribe link for
each area, topic or role that put them in the segment.

Every mail carries `List-Unsubscribe` and `List-Unsubscribe-Post` (RFC 2369, RFC 8058,
lokalfora.mailing.unsubscribe_headers). The header's link ends ONE thing: the topic the
newsletter reached the address by, otherwise the row's area (the follower's subscription
to it, or the contact person's or editor's newsletters about it). Recipients get Danish.
"""

from dataclasses import dataclass
from urllib.parse import urlsplit

from django.conf import settings
from django.core.mail import EmailMessage
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from holbaek import mail
from holbaek.links import absolute_url
from lokalfora.mailing import unsubscribe_headers
from projektudvalg import newsletter_tokens as tokens
from projektudvalg.models import Newsletter
from projektudvalg.selectors.newsletters import (
    CONTACT,
    EDITOR,
    TOPIC,
    Reason,
    describe,
    parse_reasons,
    reason_names,
)

TEMPLATE = "projektudvalg/newsletters/email/newsletter.txt"
TEST_MARK = "[PRØVE]"


@dataclass
class Edition:
    """What every mail of one newsletter shares, read once for a batch."""

    newsletter: Newsletter
    items: list[dict]
    names: tuple[dict, dict, dict]


def edition(newsletter: Newsletter, names=None) -> Edition:
    items = [
        {
            "title": item.title,
            "summary": item.summary,
            "link": absolute_url(item.get_absolute_url()),
        }
        for item in newsletter.items.order_by("-publish_at", "-pk")
    ]
    return Edition(newsletter=newsletter, items=items, names=names or reason_names())


def unsubscribe_url(*, email: str, kind: int, pk: int) -> str:
    token = tokens.make(email=email, kind=kind, pk=pk)
    return absolute_url(reverse("projektudvalg:newsletter-unsubscribe", kwargs={"token": token}))


def _target(reason: Reason) -> tuple[int, int]:
    """What the reason's own unsubscribe link ends: (token kind, area or topic id)."""
    if reason.kind == TOPIC:
        return tokens.TOPIC, reason.pk
    if reason.kind == CONTACT:
        return tokens.CONTACT, reason.pk
    if reason.kind == EDITOR:
        return tokens.EDITOR, reason.pk
    return tokens.AREA, reason.follows_area


LINK_LABELS = {
    tokens.AREA: gettext_lazy("Stop med at følge %(name)s"),
    tokens.TOPIC: gettext_lazy("Fravælg emnet %(name)s"),
    tokens.CONTACT: gettext_lazy("Ingen nyhedsbreve som kontaktperson i %(name)s"),
    tokens.EDITOR: gettext_lazy("Ingen nyhedsbreve som redaktør i %(name)s"),
}


def _links(email: str, reasons: list[Reason], names) -> list[tuple[tuple[int, int], str, str]]:
    """((kind, id), label, url) for each thing that put the address here, each once."""
    areas, topics, _efforts = names
    links, seen = [], set()
    for reason in reasons:
        target = _target(reason)
        if target in seen or target[1] is None:
            continue
        seen.add(target)
        name = (topics if target[0] == tokens.TOPIC else areas).get(target[1], "?")
        label = str(LINK_LABELS[target[0]]) % {"name": name}
        links.append((target, label, unsubscribe_url(email=email, kind=target[0], pk=target[1])))
    return links


def _header_target(area_id, topic_id, reasons: list[Reason]) -> tuple[int, int] | None:
    if topic_id is not None:
        return tokens.TOPIC, topic_id
    for reason in reasons:  # the role that put the row's area there, in the reasons' order
        target = _target(reason)
        if target[0] != tokens.TOPIC and target[1] == area_id:
            return target
    return None


def newsletter_message(*, edition: Edition, email: str, area_id, topic_id, codes: str):
    """The mail to one row of the send log."""
    reasons = parse_reasons(codes)
    links = _links(email, reasons, edition.names)
    header = _header_target(area_id, topic_id, reasons)
    header_url = next((url for target, _l, url in links if target == header), None)
    if header_url is None and links:
        header_url = links[0][2]
    context = {
        "newsletter": edition.newsletter,
        "items": edition.items,
        "why": describe(reasons, edition.names),
        "links": [(label, url) for _target, label, url in links],
    }
    headers = {
        "List-Id": f"<nyhedsbrev.{urlsplit(settings.SITE_URL).hostname}>",
        "Auto-Submitted": "auto-generated",
        "Precedence": "bulk",
    }
    if header_url:
        headers |= unsubscribe_headers(header_url)
    return mail.compose(
        to=[email],
        subject=edition.newsletter.subject,
        template=TEMPLATE,
        context=context,
        headers=headers,
    )


def trial_message(*, edition: Edition, to: str) -> EmailMessage:
    """The test to the staff member: marked as a test, with no real recipient's links."""
    return mail.compose(
        to=[to],
        subject=f"{TEST_MARK} {edition.newsletter.subject}",
        template=TEMPLATE,
        context={
            "newsletter": edition.newsletter,
            "items": edition.items,
            "test": True,
            "why": _("eksempel: følger et lokalområde"),
        },
        headers={"Auto-Submitted": "auto-generated"},
    )
