"""The surveys' mails: the personal invitation and its reminders to invitees, and the
notices about a forum's proposal (to the committee staff, then to the forum's editors).

The invitation carries the invitee's personal link; its token exists only in the mail
(the database keeps its SHA-256). A reminder carries a new link: the old one stops
working, and the mail says so. Invitees and forums get Danish. No mail holds more
personal data than its recipient may see anyway; a refused address is logged without
it (projektudvalg/newsletter_delivery.py).
"""

from django.contrib.auth import get_user_model
from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from holbaek import mail, roles
from holbaek.links import absolute_url
from projektudvalg import newsletter_delivery as delivery
from projektudvalg.news_mails import forum_addresses

INVITATION = "projektudvalg/surveys/people/email/invitation.txt"
PROPOSAL = "projektudvalg/surveys/people/email/proposal.txt"
DECIDED = "projektudvalg/surveys/people/email/proposal_decided.txt"


def invitation_link(token: str) -> str:
    return absolute_url(reverse("projektudvalg:survey-invitation", kwargs={"token": token}))


def invitation_message(*, survey, invitation, token: str, reminder: bool):
    """The mail to one invitee, with the personal link made from `token`."""
    subject = (
        _("Påmindelse: %(title)s")
        if reminder
        else _("Du er inviteret til at svare på en undersøgelse: %(title)s")
    )
    return mail.compose(
        to=[invitation.email],
        subject=subject,
        subject_params={"title": survey.title},
        template=INVITATION,
        context={
            "survey": survey,
            "name": invitation.name,
            "link": invitation_link(token),
            "reminder": reminder,
        },
    )


def staff_addresses() -> list[str]:
    """The committee staff's own addresses (the Udvalgssekretariat group)."""
    staff = get_user_model().objects.filter(is_active=True, groups__name=roles.COMMITTEE_STAFF)
    return sorted(set(staff.exclude(email="").values_list("email", flat=True)))


def _send(to, subject, template, context) -> None:
    """One mail to each address, after the commit; a failing server is logged, never raised."""
    messages = [
        mail.compose(
            to=[address],
            language=mail.STAFF_LANGUAGE,
            subject=subject,
            subject_params={"title": context["survey"].title},
            template=template,
            context=context,
        )
        for address in to
    ]
    if messages:
        delivery.deliver_each(messages)


def proposal_received(*, survey) -> None:
    """The committee staff hear of a forum's proposal, with the link to its page."""
    link = absolute_url(reverse("projektudvalg:survey-proposal", kwargs={"pk": survey.pk}))
    context = {"survey": survey, "forum": survey.proposed_by_forum.name, "link": link}
    transaction.on_commit(
        lambda: _send(
            staff_addresses(), _("Forslag til en undersøgelse: %(title)s"), PROPOSAL, context
        )
    )


def proposal_decided(*, survey) -> None:
    """The proposing forum's editors hear whether it was approved, and why not."""
    forum = survey.proposed_by_forum
    path = reverse("projektudvalg:survey-propose", kwargs={"slug": forum.area.slug})
    context = {"survey": survey, "link": absolute_url(path)}
    to = forum_addresses(forum)
    transaction.on_commit(
        lambda: _send(to, _("Svar på jeres forslag: %(title)s"), DECIDED, context)
    )
