import pytest

from holbaek import roles
from lokalfora.models import ForumEditor
from lokalfora.permissions import can_edit_forum, is_forum_editor
from lokalfora.services.forums import forum_editor_add, forum_editor_remove
from tests.factories import make_user

pytestmark = pytest.mark.django_db


def test_an_editor_edits_their_forum_and_no_other(area, other_area):
    user = make_user("frivillig@example.org")
    forum_editor_add(forum=area.forum, user=user)
    assert roles.has_role(user, roles.FORUM_EDITOR)
    assert is_forum_editor(user, area.forum)
    assert can_edit_forum(user, area.forum)
    assert not can_edit_forum(user, other_area.forum)


def test_the_role_follows_the_editorships(area, other_area):
    user = make_user("frivillig@example.org")
    forum_editor_add(forum=area.forum, user=user)
    forum_editor_add(forum=other_area.forum, user=user)
    forum_editor_add(forum=area.forum, user=user)  # twice is once
    assert ForumEditor.objects.filter(user=user).count() == 2

    forum_editor_remove(forum=area.forum, user=user)
    user = type(user).objects.get(pk=user.pk)
    assert roles.has_role(user, roles.FORUM_EDITOR)

    forum_editor_remove(forum=other_area.forum, user=user)
    user = type(user).objects.get(pk=user.pk)
    assert not roles.has_role(user, roles.FORUM_EDITOR)
    assert not can_edit_forum(user, area.forum)


def test_the_group_alone_grants_nothing(area):
    user = make_user("kun-gruppe@example.org", role=roles.FORUM_EDITOR)
    assert not can_edit_forum(user, area.forum)


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        ("anonymous", False),
        ("citizen", False),
        ("editor_this", True),
        ("editor_other", False),
        ("co_creator", False),
        ("process_consultant", False),
        ("committee_staff", False),
        ("staff_admin", True),
        ("admin", True),
    ],
)
def test_who_may_edit_a_forum(make_role_user, area, role, expected):
    from django.contrib.auth.models import AnonymousUser

    user = make_role_user(role) or AnonymousUser()
    assert can_edit_forum(user, area.forum) is expected
