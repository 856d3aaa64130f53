"""Reads about forums for staff and editors: what is missing, who edits, who is invited."""

from django.db.models import Count, Q

from lokalfora.models import EditorInvitation, Forum, ForumEditor
from lokalfora.selectors.contacts import stale_contacts


def contact_overview():
    """For staff: forums without an active contact or an editor, and stale contacts."""
    forums = Forum.objects.select_related("area").annotate(
        active_contacts=Count("contacts", filter=Q(contacts__is_active=True), distinct=True),
        editor_count=Count("editors", distinct=True),
    )
    forums = list(forums.order_by("area__name"))
    return {
        "without_contact": [forum for forum in forums if not forum.active_contacts],
        "without_editor": [forum for forum in forums if not forum.editor_count],
        "stale": list(stale_contacts().select_related("forum__area").order_by("last_confirmed")),
    }


def forum_editors(forum):
    return list(ForumEditor.objects.filter(forum=forum).select_related("user"))


def pending_invitations(forum):
    return list(EditorInvitation.objects.filter(forum=forum, accepted_at__isnull=True))
