"""Mail to the people who follow an area: the service other parts of the portal send through.

Every mail carries its recipient's own unsubscribe link in the text and in the
List-Unsubscribe and List-Unsubscribe-Post headers (RFC 2369 and RFC 8058), so
mail programs can offer one-click unsubscribe; `unsubscribe_headers` makes them
for every mail to a follower, the confirmation mail too. Unsubscribe links never
expire and hold no address (lokalfora.follow_tokens).

Other apps call `send_to_followers(...)` (or enqueue `send_to_followers_task`)
with a text template; this module adds the greeting-free footer and the headers.
"""

from collections import defaultdict
from urllib.parse import urlsplit

from django.conf import settings
from django.core.mail import EmailMessage
from django.tasks import task
from django.template.loader import render_to_string
from django.urls import reverse

from holbaek import mail
from holbaek.links import absolute_url
from lokalfora import follow_tokens
from lokalfora.models import Subscription


def unsubscribe_url(subscriptions, *, everything: bool) -> str:
    token = follow_tokens.unsubscribe_token(subscriptions, everything=everything)
    return absolute_url(reverse("lokalfora:unsubscribe", kwargs={"token": token}))


def unsubscribe_headers(url: str) -> dict[str, str]:
    """The one-click unsubscribe headers (RFC 2369, RFC 8058) every mail to a follower has."""
    return {
        "List-Unsubscribe": f"<{url}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }


def follower_message(
    *,
    subscriptions,
    subject,
    template: str,
    context: dict,
    subject_params: dict | None = None,
) -> EmailMessage:
    """One mail to one follower, with the footer and the one-click unsubscribe headers.

    `subscriptions` are the address's subscriptions to the areas the mail is
    about (with their areas); the footer offers to unsubscribe from each of
    them, and the headers unsubscribe from all areas. Followers get Danish.
    """
    subscriptions = list(subscriptions)
    everything = unsubscribe_url(subscriptions, everything=True)
    footer_context = {
        "areas": [
            (subscription.area, unsubscribe_url([subscription], everything=False))
            for subscription in subscriptions
        ],
        "unsubscribe_all": everything,
    }

    def body() -> str:
        text = render_to_string(template, context)
        footer = render_to_string("lokalfora/email/follower_footer.txt", footer_context)
        return f"{text.rstrip()}\n\n{footer}"

    return mail.compose(
        to=[subscriptions[0].email],
        subject=subject,
        subject_params=subject_params,
        body=body,
        headers={
            **unsubscribe_headers(everything),
            "List-Id": f"<foelg.{urlsplit(settings.SITE_URL).hostname}>",
            "Auto-Submitted": "auto-generated",
            "Precedence": "bulk",
        },
    )


def followers(area_ids) -> dict[str, list[Subscription]]:
    """Confirmed followers of any of the areas: each address with its subscriptions to them."""
    subscriptions = (
        Subscription.objects.confirmed().filter(area_id__in=area_ids).select_related("area")
    )
    by_email = defaultdict(list)
    for subscription in subscriptions.order_by("email", "area__name"):
        by_email[subscription.email].append(subscription)
    return dict(by_email)


def send_to_followers(*, area_ids, subject: str, template_name: str, context: dict) -> int:
    """Sends one mail per follower of the given areas (never two to one address).

    The template gets `context` plus `areas` (the recipient's followed areas among
    these). Returns the number of mails sent.
    """
    messages = [
        follower_message(
            subscriptions=subscriptions,
            subject=subject,
            template=template_name,
            context=context | {"areas": [subscription.area for subscription in subscriptions]},
        )
        for subscriptions in followers(area_ids).values()
    ]
    return sum(mail.send_each(messages))


@task()
def send_to_followers_task(*, area_ids, subject, template_name, context) -> int:
    """`send_to_followers` run by the background worker; the arguments must be JSON."""
    return send_to_followers(
        area_ids=area_ids, subject=subject, template_name=template_name, context=context
    )
