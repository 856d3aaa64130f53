"""The links that invite volunteers to edit a forum: signed, expiring, single-use.

The link carries the invitation's id signed with the secret key and a
timestamp (django.core.signing), so it cannot be guessed or altered; it
expires after INVITATION_DAYS; accepting it once marks it used. Only the
person whose verified e-mail address was invited can accept it
(services.invitations sends and accepts them).
"""

import datetime

from django.core import signing
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from holbaek.links import absolute_url
from lokalfora.models import EditorInvitation

INVITATION_DAYS = 14
SALT = "lokalfora.editor-invitation"

INVALID = _("Linket til invitationen er ikke gyldigt. Kopiér hele linket fra e-mailen.")
EXPIRED = _("Invitationen er udløbet. Bed om en ny fra lokalforummet eller kommunen.")
USED = _("Invitationen er allerede brugt.")


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
