"""Inviting volunteers to edit a forum: signed, expiring, single-use links.

The link carries the invitation's id signed with the secret key and a
timestamp (django.core.signing), so it cannot be guessed or altered; it
expires after INVITATION_DAYS; accepting it once marks it used. Only the
person whose verified e-mail address was invited can accept it.
"""

import datetime
import smtplib

from allauth.account.models import EmailAddress
from django.core import signing
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from holbaek import mail
from holbaek.links import absolute_url
from lokalfora.models import EditorInvitation, Forum, ForumEditor
from lokalfora.services.forums import forum_editor_add

INVITATION_DAYS = 14
SALT = "lokalfora.editor-invitation"

INVALID = _("Linket til invitationen er ikke gyldigt. Kopiér hele linket fra e-mailen.")
EXPIRED = _("Invitationen er udløbet. Bed om en ny fra lokalforummet eller kommunen.")
USED = _("Invitationen er allerede brugt.")
WRONG_PERSON = _(
    "Invitationen er sendt til en anden e-mailadresse. Log ind med den adresse, "
    "invitationen blev sendt til."
)
ALREADY_EDITOR = _("%(email)s er allerede redaktør for lokalforummet.")
NOT_SENT = _(
    "Invitationen kunne ikke sendes til %(email)s. Tjek adressen, og prøv igen, eller prøv "
    "igen senere."
)


def invitation_token(invitation: EditorInvitation) -> str:
    return signing.dumps({"invitation": invitation.pk}, salt=SALT)


def invitation_link(invitation: EditorInvitation) -> str:
    path = reverse("lokalfora:invitation", kwargs={"token": invitation_token(invitation)})
    return absolute_url(path)


def invitation_from_token(token: str) -> EditorInvitation:
    """The invitation the token names, or ValidationError with a Danish reason."""
    try:
        data = signing.loads(token, salt=SALT, max_age=datetime.timedelta(days=INVITATION_DAYS))
    except signing.SignatureExpired as error:
        raise ValidationError(EXPIRED, code="expired") from error
    except signing.BadSignature as error:
        raise ValidationError(INVALID, code="invalid") from error
    invitation = (
        EditorInvitation.objects.select_related("forum__area")
        .filter(pk=data.get("invitation"))
        .first()
    )
    if invitation is None:
        raise ValidationError(INVALID, code="invalid")
    if invitation.accepted_at is not None:
        raise ValidationError(USED, code="used")
    return invitation


@transaction.atomic
def invitation_send(*, forum: Forum, email: str, invited_by) -> EditorInvitation:
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
def invitation_accept(*, token: str, user) -> EditorInvitation:
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
