"""Who a newsletter goes to, and the staff pages' reads.

`recipients(newsletter)` is the one answer: the preview shows it, the test of the
segment counts it, and `newsletter_queue` freezes it into NewsletterRecipient rows, so
the count staff see is the count queued. Each address is there once (compared in lower
case), with every reason it is there.

The roles of a segment:
- followers: confirmed subscriptions (lokalfora.Subscription) to the segment's areas
  ("hele kommunen": all 18). A follower who set the frequency to "aldrig" still gets
  newsletters: the frequency is about the area's own mails (Frequency.OFF says so). When
  the newsletter has topics, only subscriptions that chose one of them count;
- contact persons: the active contact persons with an e-mail address of the areas'
  forums (as hearing invitations reach them), minus those who unsubscribed the area
  (NewsletterOptOut, role contacts);
- editors: the accounts of the forums' editors (their account address, verified, as
  the portal mails them elsewhere), minus opt-outs (role editors);
- followers of a special effort: following an effort in this portal IS following its
  areas (projektudvalg/views/efforts_public.py effort_follow makes an area subscription
  for each), so they are the confirmed followers of the effort's areas, topics applied
  as above.

A fixed number of queries, whatever the number of people.
"""

import hashlib
from dataclasses import dataclass, field

from allauth.account.models import EmailAddress
from django.db.models import Count, Exists, OuterRef, Q
from django.utils.translation import gettext as _

from lokalfora.models import ContactPerson, ForumEditor, LocalArea, NewsTopic, Subscription
from projektudvalg.models import (
    MunicipalNews,
    Newsletter,
    NewsletterOptOut,
    NewsletterRecipient,
    OptOutRole,
    RecipientStatus,
    SpecialEffort,
)

# The kinds of reason, as kept in NewsletterRecipient.reasons ("f:3 t:2 c:3").
FOLLOWER, TOPIC, CONTACT, EDITOR, EFFORT = "f", "t", "c", "r", "e"
REASONS_LENGTH = 500  # NewsletterRecipient.reasons
RECENT_ITEMS = 50  # the published news items the form offers


@dataclass(frozen=True)
class Reason:
    kind: str  # FOLLOWER, TOPIC, CONTACT, EDITOR or EFFORT
    pk: int  # the area's id (the topic's for TOPIC, the effort's for EFFORT)
    area_id: int | None = None  # for EFFORT: the effort's area the address follows

    @property
    def code(self) -> str:
        return f"{self.kind}:{self.pk}" + (f".{self.area_id}" if self.area_id else "")

    @property
    def follows_area(self) -> int | None:
        """The area whose subscription put the address here (followers, effort followers)."""
        return {FOLLOWER: self.pk, EFFORT: self.area_id}.get(self.kind)


@dataclass
class Recipient:
    email: str
    # What the one-click header unsubscribes from: the topic if the newsletter reached the
    # address by a topic it chose, else the first area (as a follower, contact or editor).
    area: LocalArea | None = None
    topic: NewsTopic | None = None
    reasons: list[Reason] = field(default_factory=list)

    @property
    def codes(self) -> str:
        """The reasons as kept on the row, cut at a whole reason to fit the column."""
        text = ""
        for reason in self.reasons:
            if len(text) + len(reason.code) + 1 > REASONS_LENGTH:
                break
            text = f"{text} {reason.code}".strip()
        return text


def parse_reasons(codes: str) -> list[Reason]:
    found = []
    for part in codes.split():
        kind, _sep, ids = part.partition(":")
        pk, _sep, area_id = ids.partition(".")
        if kind in (FOLLOWER, TOPIC, CONTACT, EDITOR, EFFORT) and pk.isdigit():
            found.append(Reason(kind, int(pk), int(area_id) if area_id.isdigit() else None))
    return found


def segment_areas(newsletter: Newsletter) -> list[LocalArea]:
    if newsletter.whole_municipality:
        return list(LocalArea.objects.order_by("name"))
    return list(newsletter.areas.order_by("name"))


def recipients(newsletter: Newsletter) -> list[Recipient]:
    """Every address the newsletter goes to, once, ordered by address."""
    areas = {area.pk: area for area in segment_areas(newsletter)}
    topics = {topic.pk: topic for topic in newsletter.topics.all()}
    efforts = list(newsletter.efforts.prefetch_related("areas"))
    found: dict[str, Recipient] = {}

    effort_areas = {area.pk: area for effort in efforts for area in effort.areas.all()}
    # The row's area and topic: the first by name (by the topics' order) of its reasons.
    rank = {pk: (area.name, pk) for pk, area in (effort_areas | areas).items()}
    topic_rank = {pk: number for number, pk in enumerate(topics)}

    def add(email, reason, area=None, topic=None):
        email = email.strip().lower()
        recipient = found.setdefault(email, Recipient(email=email))
        if area is not None and (recipient.area is None or rank[area.pk] < rank[recipient.area.pk]):
            recipient.area = area
        if topic is not None and (
            recipient.topic is None or topic_rank[topic.pk] < topic_rank[recipient.topic.pk]
        ):
            recipient.topic = topic
        if reason not in recipient.reasons:
            recipient.reasons.append(reason)

    follow_areas = (set(areas) if newsletter.to_followers else set()) | set(effort_areas)
    everywhere = areas | effort_areas
    for email, area_id, topic_id in _followers(follow_areas, set(topics)):
        area = everywhere[area_id]
        if newsletter.to_followers and area_id in areas:
            add(email, Reason(FOLLOWER, area_id), area=area)
        for effort in efforts:
            if any(effort_area.pk == area_id for effort_area in effort.areas.all()):
                add(email, Reason(EFFORT, effort.pk, area_id), area=area)
        if topic_id is not None:
            add(email, Reason(TOPIC, topic_id), topic=topics[topic_id])
    opted_out = _opt_outs(set(areas))
    if newsletter.to_contacts:
        for email, area_id in _contacts(set(areas)):
            if (email.lower(), area_id, OptOutRole.CONTACTS) not in opted_out:
                add(email, Reason(CONTACT, area_id), area=areas[area_id])
    if newsletter.to_editors:
        for email, area_id in _editors(set(areas)):
            if (email.lower(), area_id, OptOutRole.EDITORS) not in opted_out:
                add(email, Reason(EDITOR, area_id), area=areas[area_id])
    return [found[email] for email in sorted(found)]


def _followers(area_ids: set[int], topic_ids: set[int]):
    """(address, area id, topic id or None) of the confirmed subscriptions to the areas;
    with topics, only those that chose one, a row per chosen topic."""
    if not area_ids:
        return []
    subscriptions = Subscription.objects.confirmed().filter(area_id__in=area_ids)
    if not topic_ids:
        rows = subscriptions.order_by("email", "area_id").values_list("email", "area_id")
        return [(email, area_id, None) for email, area_id in rows]
    rows = Subscription.topics.through.objects.filter(
        subscription__in=subscriptions, newstopic_id__in=topic_ids
    ).order_by("subscription__email", "subscription__area_id", "newstopic_id")
    return rows.values_list("subscription__email", "subscription__area_id", "newstopic_id")


def _contacts(area_ids: set[int]):
    rows = ContactPerson.objects.active().filter(forum__area_id__in=area_ids).exclude(email="")
    return rows.order_by("forum__area_id", "order", "pk").values_list("email", "forum__area_id")


def _editors(area_ids: set[int]):
    verified = EmailAddress.objects.filter(
        user=OuterRef("user"), email__iexact=OuterRef("user__email"), verified=True
    )
    rows = ForumEditor.objects.filter(forum__area_id__in=area_ids, user__is_active=True)
    rows = rows.filter(Exists(verified)).exclude(user__email="")
    return rows.order_by("forum__area_id", "pk").values_list("user__email", "forum__area_id")


def _opt_outs(area_ids: set[int]) -> set[tuple[str, int, str]]:
    rows = NewsletterOptOut.objects.filter(area_id__in=area_ids)
    return set(rows.values_list("email", "area_id", "role"))


# --- The staff pages ----------------------------------------------------------------


def newsletters_for_staff():
    """Every newsletter, newest first, with its queued and sent rows counted."""
    return Newsletter.objects.annotate(
        queued_count=Count("recipients"),
        sent_count=Count("recipients", filter=Q(recipients__status=RecipientStatus.SENT)),
    ).order_by("-created_at", "-id")


def status_counts(newsletter: Newsletter) -> list[tuple[str, int]]:
    """(status label, count) of the send log's rows, every status, in the status order."""
    counts = dict(
        newsletter.recipients.order_by()
        .values("status")
        .annotate(count=Count("pk"))
        .values_list("status", "count")
    )
    return [(label, counts.get(value, 0)) for value, label in RecipientStatus.choices]


def log_rows(newsletter: Newsletter):
    return NewsletterRecipient.objects.filter(newsletter=newsletter).order_by("email", "pk")


def reason_names() -> tuple[dict, dict, dict]:
    """The areas, topics and efforts by id, to name the reasons of a page of rows."""
    return (
        {area.pk: area.name for area in LocalArea.objects.all()},
        {topic.pk: topic.name for topic in NewsTopic.objects.all()},
        dict(SpecialEffort.objects.values_list("pk", "title")),
    )


def describe(reasons: list[Reason], names: tuple[dict, dict, dict]) -> str:
    """The reasons in words: "følger Tølløse; kontaktperson i Tølløse; emnet trafik"."""
    areas, topics, efforts = names
    words = {
        FOLLOWER: lambda pk: _("følger %(name)s") % {"name": areas.get(pk, "?")},
        TOPIC: lambda pk: _("har valgt emnet %(name)s") % {"name": topics.get(pk, "?")},
        CONTACT: lambda pk: _("kontaktperson i %(name)s") % {"name": areas.get(pk, "?")},
        EDITOR: lambda pk: _("redaktør i %(name)s") % {"name": areas.get(pk, "?")},
        EFFORT: lambda pk: _("følger indsatsen %(name)s") % {"name": efforts.get(pk, "?")},
    }
    return "; ".join(
        words[reason.kind](reason.pk)
        + (f" ({areas.get(reason.area_id, '?')})" if reason.kind == EFFORT else "")
        for reason in reasons
    )


def offered_items(newsletter: Newsletter | None):
    """The news items the form offers: the newest published, and those already chosen."""
    recent = MunicipalNews.objects.published().order_by("-publish_at", "-pk")
    ids = list(recent.values_list("pk", flat=True)[:RECENT_ITEMS])
    chosen = Q(pk__in=newsletter.items.all()) if newsletter and newsletter.pk else Q(pk__in=[])
    return MunicipalNews.objects.filter(Q(pk__in=ids) | chosen).order_by("-publish_at", "-pk")


def recipients_digest(found: list[Recipient]) -> str:
    """The SHA-256 of the sorted addresses with their reasons: the preview's send form
    carries it, and the send is refused when the list has changed since, whatever its count."""
    lines = sorted(f"{recipient.email} {recipient.codes}" for recipient in found)
    return hashlib.sha256("\n".join(lines).encode()).hexdigest()
