"""Mail to the people who follow an area: the service other parts of the portal send through.

Every mail carries its recipient's own unsubscribe link in the text and in the
List-Unsubscribe and List-Unsubscribe-Post headers (RFC 2369 and RFC 8058), so
mail programs can offer one-click unsubscribe; `unsubscribe_headers` makes them
for every mail to a follower, the confirmation mail too. Unsubscribe links never
expire and hold no address (lokalfora.follow_tokens).

`follower_message` builds one mail to one follower from a text template, adding the
greeting-free footer (with the link to the follower's choices, "Vælg hvad og hvor
ofte") and the headers; the weekly digest and the immediate mails send through it.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse

from holbaek import mail
from holbaek.links import absolute_url
from lokalfora import follow_tokens


def unsubscribe_url(subscriptions, *, everything: bool) -> str:
    token = follow_tokens.unsubscribe_token(subscriptions, everything=everything)
    return absolute_url(reverse("lokalfora:unsubscribe", kwargs={"token": token}))


def unsubscribe_link(subscription) -> str:
    """The one-click link that ends this one subscription, from the first mail on."""
    return unsubscribe_url([subscription], everything=False)


def preferences_url(subscriptions) -> str:
    """The follower's preferences page ("Vælg hvad og hvor ofte"); the link names the
    subscriptions and holds no address."""
    token = follow_tokens.manage_token(subscriptions)
    return absolute_url(reverse("lokalfora:follow-preferences", kwargs={"token": token}))


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
        "preferences": preferences_url(subscriptions),
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
