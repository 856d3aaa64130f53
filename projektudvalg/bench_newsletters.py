"""The bench's newsletters (holbaek/bench: `make bench`): a draft to the whole municipality
for the preview and the form, and sent newsletters whose send logs grow with the bench,
written directly as the bench writes its copies (no mail is sent)."""

from django.urls import reverse
from django.utils import timezone

from lokalfora.models import LocalArea, Subscription
from projektudvalg import newsletter_tokens
from projektudvalg.models import (
    Newsletter,
    NewsletterRecipient,
    NewsletterStatus,
    RecipientStatus,
)

ROWS_PER_COPY = 200
DRAFT_SUBJECT = "Nyt fra kommunen (bench)"
SENT_SUBJECT = "Sendt nyhedsbrev (bench)"


def grow(*, copies: int) -> dict[str, int]:
    now = timezone.now()
    if not Newsletter.objects.filter(subject=DRAFT_SUBJECT).exists():
        Newsletter.objects.create(
            subject=DRAFT_SUBJECT,
            intro="Nyheder fra hele kommunen.",
            whole_municipality=True,
            to_followers=True,
            to_contacts=True,
            to_editors=True,
        )
    areas = list(LocalArea.objects.order_by("pk").values_list("pk", flat=True))
    for number in range(copies + 1):
        newsletter = Newsletter.objects.create(
            subject=f"{SENT_SUBJECT} {number + 1}",
            whole_municipality=True,
            status=NewsletterStatus.SENT,
            queued_at=now,
            finished_at=now,
        )
        NewsletterRecipient.objects.bulk_create(
            NewsletterRecipient(
                newsletter=newsletter,
                email=f"modtager{row}@example.org",
                area_id=areas[row % len(areas)] if areas else None,
                reasons=f"f:{areas[row % len(areas)]}" if areas else "",
                status=RecipientStatus.SENT,
                sent_at=now,
            )
            for row in range(ROWS_PER_COPY * (copies + 1))
        )
    return {
        "nyhedsbreve": Newsletter.objects.count(),
        "modtagere af nyhedsbreve": NewsletterRecipient.objects.count(),
    }


def page_values() -> dict[str, str]:
    """{newsletter}: the send log of the sent newsletter finished last; {newsletter_draft}
    and {newsletter_edit}: the newest draft's recipients (the preview) and its form. Before
    the bench grows any (the demo has none), the list and the new newsletter's form."""
    sent = (
        Newsletter.objects.filter(status=NewsletterStatus.SENT)
        .order_by("-finished_at", "-pk")
        .first()
    )
    draft = Newsletter.objects.filter(status=NewsletterStatus.DRAFT).order_by("-pk").first()

    def path(name, newsletter, fallback):
        if newsletter is None:
            return reverse(fallback)
        return reverse(f"projektudvalg:{name}", kwargs={"pk": newsletter.pk})

    return {
        "newsletter_unsubscribe": _unsubscribe_path(),
        "newsletter": path("newsletter-log", sent, "projektudvalg:newsletter-list"),
        "newsletter_draft": path("newsletter-recipients", draft, "projektudvalg:newsletter-list"),
        "newsletter_edit": path("newsletter-edit", draft, "projektudvalg:newsletter-create"),
    }


def _unsubscribe_path() -> str:
    """{newsletter_unsubscribe}: a one-click page of the demo's follower of Mørkøv (the GET,
    which only shows the button); the newsletters' list's path if the demo has no follower."""
    subscription = Subscription.objects.confirmed().order_by("pk").first()
    if subscription is None:
        return reverse("projektudvalg:newsletter-list")
    token = newsletter_tokens.make(
        email=subscription.email, kind=newsletter_tokens.AREA, pk=subscription.area_id
    )
    return reverse("projektudvalg:newsletter-unsubscribe", kwargs={"token": token})
