"""Writes and business rules for forums. Plain functions, keyword-only, atomic."""

from django.contrib.auth.models import Group
from django.db import transaction

from holbaek import roles
from lokalfora.models import ForumEditor


@transaction.atomic
def forum_editor_add(*, forum, user) -> ForumEditor:
    """Makes the user an editor of this forum (and only this one).

    The ForumEditor rows decide what a volunteer may edit; the Forum-redaktør
    Group mirrors "edits at least one forum" so roles read the same everywhere.
    """
    editor, _created = ForumEditor.objects.get_or_create(forum=forum, user=user)
    user.groups.add(Group.objects.get(name=roles.FORUM_EDITOR))
    return editor


@transaction.atomic
def forum_editor_remove(*, forum, user) -> None:
    ForumEditor.objects.filter(forum=forum, user=user).delete()
    if not ForumEditor.objects.filter(user=user).exists():
        user.groups.remove(Group.objects.get(name=roles.FORUM_EDITOR))
