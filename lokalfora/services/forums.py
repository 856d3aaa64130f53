"""Writes for a forum: its profile and its volunteer editors."""

from django.contrib.auth.models import Group
from django.db import transaction

from holbaek import roles
from lokalfora.models import Forum, ForumEditor


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


@transaction.atomic
def forum_update(*, forum: Forum, data: dict) -> Forum:
    for field, value in data.items():
        setattr(forum, field, value)
    forum.full_clean()
    forum.save()
    return forum
