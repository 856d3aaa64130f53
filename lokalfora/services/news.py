"""Writes for a forum's news posts and their pictures."""

from django.db import transaction
from django.utils import timezone

from lokalfora.models import Forum, NewsPost


class NewsAction:
    """What the editor asked for when saving a post."""

    DRAFT = "draft"  # Save; a new post stays a draft, a published one stays published.
    PUBLISH = "publish"
    UNPUBLISH = "unpublish"


@transaction.atomic
def news_save(
    *,
    forum: Forum,
    data: dict,
    post: NewsPost | None = None,
    image=None,
    remove_image: bool = False,
    action: str = NewsAction.DRAFT,
) -> NewsPost:
    """Creates or updates a post; the picture must already be checked (holbaek.images).

    A replaced or removed picture's file is deleted once the transaction commits.
    """
    post = post or NewsPost(forum=forum)
    old_file = post.image.name if post.image else ""
    for field, value in data.items():
        setattr(post, field, value)
    if remove_image and not image:
        post.image = ""
        post.image_alt = ""
    if action == NewsAction.PUBLISH and not post.is_published:
        post.published_at = timezone.now()
    elif action == NewsAction.UNPUBLISH:
        post.published_at = None
    if image:
        post.image.save(image.name, image, save=False)
    try:
        post.full_clean()
        post.save()
    except Exception:
        if image:
            post.image.storage.delete(post.image.name)
        raise
    if old_file and old_file != post.image.name:
        _delete_file_on_commit(post.image.storage, old_file)
    return post


@transaction.atomic
def news_delete(*, post: NewsPost) -> None:
    if post.image:
        _delete_file_on_commit(post.image.storage, post.image.name)
    post.delete()


def _delete_file_on_commit(storage, name: str) -> None:
    transaction.on_commit(lambda: storage.delete(name))
