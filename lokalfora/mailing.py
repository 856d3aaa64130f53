"""Mail to the people who follow an area: the service other parts of the portal send through.

Every mail carries its recipient's own unsubscribe link in the text and in the
List-Unsubscribe and List-Unsubscribe-Post headers (RFC 2369 and RFC 8058), so
mail programs can offer one-click unsubscribe. Unsubscribe links never expire.

Other apps call `send_to_followers(...)` (or enqueue `send_to_followers_task`)
with a text template; this module adds the greeting-free footer and the headers.
"""

from collections import defaultdict
from urllib.parse import urlsplit

from django.conf import settings
from django.core import signing
from django.core.mail import EmailMessage, mailers
from django.tasks import task
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from holbaek.links import absolute_url
from lokalfora.models import LocalArea, Subscription

UNSUBSCRIBE_SALT = "lokalfora.subscription.unsubscribe"


def unsubscribe_token(email: str, area_id: int | None = None) -> str:
    """A signed, non-expiring token naming the address and (optionally) one area."""
    return signing.dumps({"e": email, "a": area_id}, salt=UNSUBSCRIBE_SALT, compress=True)


def read_unsubscribe_token(token: str) -> tuple[str, int | None]:
    """The address and area in the token; raises signing.BadSignature if it was changed."""
    data = signing.loads(token, salt=UNSUBSCRIBE_SALT)
    return data["e"], data["a"]


def unsubscribe_url(email: str, area_id: int | None = None) -> str:
    return absolute_url(
        reverse("lokalfora:unsubscribe", kwargs={"token": unsubscribe_token(email, area_id)})
    )


def follower_message(*, email: str, subject: str, body: str, areas) -> EmailMessage:
    """One mail to one follower, with the footer and the one-click unsubscribe headers.

    `areas` are the followed areas the mail is about; the footer offers to
    unsubscribe from each of them, and the headers unsubscribe from all of them.
    """
    areas = list(areas)
    everything = unsubscribe_url(email)
    footer = render_to_string(
        "lokalfora/email/follower_footer.txt",
        {
            "areas": [(area, unsubscribe_url(email, area.pk)) for area in areas],
            "unsubscribe_all": everything,
        },
    )
    return EmailMessage(
        subject=subject,
        body=f"{body.rstrip()}\n\n{footer}",
        to=[email],
        headers={
            "List-Unsubscribe": f"<{everything}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            "List-Id": f"<foelg.{urlsplit(settings.SITE_URL).hostname}>",
            "Auto-Submitted": "auto-generated",
            "Precedence": "bulk",
        },
    )


def followers(area_ids) -> dict[str, list[LocalArea]]:
    """Confirmed followers of any of the areas: each address with the areas it follows."""
    subscriptions = (
        Subscription.objects.confirmed().filter(area_id__in=area_ids).select_related("area")
    )
    by_email = defaultdict(list)
    for subscription in subscriptions.order_by("email", "area__name"):
        by_email[subscription.email].append(subscription.area)
    return dict(by_email)


def send_to_followers(*, area_ids, subject: str, template_name: str, context: dict) -> int:
    """Sends one mail per follower of the given areas (never two to one address).

    The template gets `context` plus `areas` (the recipient's followed areas among
    these). Returns the number of mails sent.
    """
    messages = []
    with translation.override(settings.LANGUAGE_CODE):
        for email, areas in followers(area_ids).items():
            body = render_to_string(template_name, context | {"areas": areas})
            messages.append(follower_message(email=email, subject=subject, body=body, areas=areas))
    if not messages:
        return 0
    return mailers.default.send_messages(messages) or 0


@task()
def send_to_followers_task(*, area_ids, subject, template_name, context) -> int:
    """`send_to_followers` run by the background worker; the arguments must be JSON."""
    return send_to_followers(
        area_ids=area_ids, subject=subject, template_name=template_name, context=context
    )
