"""Inviting volunteers to edit a forum: the invitation mail, and accepting it once.

The link itself (signed, expiring after INVITATION_DAYS, naming the invitation) is made
and read in lokalfora.invitation_tokens. Only the person whose verified e-mail address
was invited can accept it.
"""

import smtplib

from allauth.account.models import EmailAddress
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from holbaek import mail
from lokalfora.invitation_tokens import (
    INVITATION_DAYS,
    USED,
    invitation_from_token,
    invitation_link,
)
from lokalfora.models import EditorInvitation, Forum, ForumEditor
from lokalfora.services.forums import forum_editor_add

WRONG_PERSON = _(
    "Invitationen er sendt til en anden e-mailadresse. Log ind med den adresse, "
    "invitationen blev sendt til."
)
ALREADY_EDITOR = _("%(email)s er allerede redaktør for lokalforummet.")
NOT_SENT = _(
    "Invitationen kunne ikke sendes til %(email)s. Tjek adressen, og prøv igen, eller prøv "
    "igen senere."
)


@transaction.atomic
def editor_invitation_send(*, forum: Forum, email: str, invited_by) -> EditorInvitation:
    email = email.strip().lower()
    if ForumEditor.objects.filter(forum=forum, user__email__iexact=email).exists():
        raise ValidationError(ALREADY_EDITOR % {"email": email}, code="already_editor")
    invitation = EditorInvitation.objects.create(forum=forum, email=email, invited_by=invited_by)
    link = invitation_link(invitation)
    try:
        _mail_invitation(email=email, forum=forum, invited_by=invited_by, link=link)
    except (smtplib.SMTPException, OSError) as error:
        # The form shows why, with the address as typed; the invitation is not kept.
        raise ValidationError(NOT_SENT % {"email": email}, code="not_sent") from error
    return invitation


def _mail_invitation(*, email, forum, invited_by, link) -> None:
    mail.send(
        to=[email],
        subject=_("Du er inviteret til at redigere %(name)s"),
        subject_params={"name": forum.name},
        body=_(
            "Hej\n\n%(inviter)s har inviteret dig til at hjælpe med at holde siden for "
            "%(name)s på Holbæk Kommunes lokalportal opdateret.\n\nTryk på linket for at "
            "tage imod invitationen. Har du ikke en konto, kan du oprette en med denne "
            "e-mailadresse. Linket virker i %(days)d dage og kan kun bruges én gang.\n\n"
            "%(link)s\n\nVenlig hilsen\nHolbæk Kommune"
        ),
        body_params={
            "inviter": invited_by,
            "name": forum.name,
            "days": INVITATION_DAYS,
            "link": link,
        },
    )


@transaction.atomic
def editor_invitation_accept(*, token: str, user) -> EditorInvitation:
    invitation = invitation_from_token(token)
    # Lock the row: a link opened twice at once is still used only once.
    invitation = EditorInvitation.objects.select_for_update().get(pk=invitation.pk)
    if invitation.accepted_at is not None:
        raise ValidationError(USED, code="used")
    verified = EmailAddress.objects.filter(
        user=user, email__iexact=invitation.email, verified=True
    ).exists()
    if not verified:
        raise ValidationError(WRONG_PERSON, code="wrong_person")
    forum_editor_add(forum=invitation.forum, user=user)
    invitation.accepted_at = timezone.now()
    invitation.accepted_by = user
    invitation.save(update_fields=["accepted_at", "accepted_by"])
    return invitation


@transaction.atomic
def editor_invitation_delete(*, invitation: EditorInvitation) -> None:
    """Staff withdraw an invitation (in the admin): its link stops working."""
    invitation.delete()
