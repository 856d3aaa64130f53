"""What citizens, group contacts and forum contacts do on a special effort's page:
ask to join a working group, accept or decline the requests, post updates, and comment
on a forum's commitments.

Privacy: a declined request is deleted when it is declined, name and message with it
(nothing of it is needed afterwards; the requester gets a mail and may ask again). A
member who leaves, or withdraws a request, is deleted too. A member's name shows
publicly only when they ticked "Mit navn må vises på siden" (`show_name`).
"""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from projektudvalg import effort_mails
from projektudvalg.models import (
    CommitmentComment,
    CommitmentParty,
    EffortCommitment,
    EffortUpdate,
    MembershipStatus,
    SpecialEffort,
    WorkingGroup,
    WorkingGroupMember,
)


def _checked(obj):
    obj.full_clean()
    obj.save()
    return obj


@transaction.atomic
def working_group_join(
    *, group: WorkingGroup, user, name: str, show_name: bool, message: str = ""
) -> WorkingGroupMember:
    """A signed-in citizen asks to join the group ("Jeg vil være med"); the group's
    contact accepts or declines. Refused for a closed group and for a second request."""
    group = WorkingGroup.objects.select_for_update().get(pk=group.pk)
    if not group.open_for_new_members:
        raise ValidationError(_("Gruppen tager ikke imod nye medlemmer lige nu."))
    existing = WorkingGroupMember.objects.filter(group=group, user=user).first()
    if existing is not None:
        if existing.status == MembershipStatus.ACCEPTED:
            raise ValidationError(_("Du er allerede med i gruppen."))
        raise ValidationError(_("Du har allerede bedt om at være med. Kontaktpersonen svarer dig."))
    member = WorkingGroupMember(
        group=group,
        user=user,
        name=name.strip(),
        show_name=show_name,
        message=message.strip(),
    )
    try:
        with transaction.atomic():
            return _checked(member)
    except IntegrityError as error:  # the same request sent twice at once
        raise ValidationError(_("Du har allerede bedt om at være med.")) from error


@transaction.atomic
def working_group_request_decide(*, member: WorkingGroupMember, accept: bool) -> None:
    """The group contact (or committee staff) accepts or declines a request. A declined
    request is deleted at once (see the module's docstring); the requester is told by
    mail either way, after the commit."""
    member = WorkingGroupMember.objects.select_for_update().get(pk=member.pk)
    if member.status != MembershipStatus.REQUESTED:
        raise ValidationError(_("Anmodningen er allerede besvaret."))
    email = member.user.email if member.user_id else ""
    group = WorkingGroup.objects.select_related("effort").get(pk=member.group_id)
    if accept:
        member.status = MembershipStatus.ACCEPTED
        member.decided_at = timezone.now()
        member.save(update_fields=["status", "decided_at"])
    else:
        member.delete()
    if email:
        transaction.on_commit(
            lambda: effort_mails.group_decision(email=email, group=group, accepted=accept)
        )


@transaction.atomic
def working_group_leave(*, group: WorkingGroup, user) -> None:
    """A member leaves the group, or withdraws their request: the row (and the name) goes."""
    deleted, _by_model = WorkingGroupMember.objects.filter(group=group, user=user).delete()
    if not deleted:
        raise ValidationError(_("Du er ikke med i gruppen."))


@transaction.atomic
def effort_update_post(
    *, effort: SpecialEffort, author, text: str, group: WorkingGroup | None = None
) -> EffortUpdate:
    """A status update: the effort's (by a project lead or staff) or a group's (by its
    contact). Who may is the view's question (permissions.can_post_*_update)."""
    if group is not None and group.effort_id != effort.pk:
        raise ValidationError(_("Gruppen hører ikke til indsatsen."))
    return _checked(EffortUpdate(effort=effort, group=group, author=author, text=text.strip()))


@transaction.atomic
def commitment_comment_add(*, commitment: EffortCommitment, author, text: str) -> CommitmentComment:
    """A forum contact's comment on a commitment of their forum, on the forum's behalf."""
    if commitment.party != CommitmentParty.FORUM or commitment.forum_id is None:
        raise ValidationError(_("Kun et lokalforums forpligtelser kan kommenteres."))
    comment = CommitmentComment(
        commitment=commitment, forum_id=commitment.forum_id, author=author, text=text.strip()
    )
    return _checked(comment)
