"""Writes for a forum's news posts and their pictures."""

from django.db import transaction
from django.utils import timezone

from lokalfora.models import Forum, NewsPost
from lokalfora.services.news_pictures import delete_file_on_commit, save_with_picture


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
    for field, value in data.items():
        setattr(post, field, value)
    if action == NewsAction.PUBLISH and not post.is_published:
        post.published_at = timezone.now()
    elif action == NewsAction.UNPUBLISH:
        post.published_at = None

    def save():
        post.full_clean()
        post.save()

    save_with_picture(post, image=image, remove_image=remove_image, save=save)
    return post


@transaction.atomic
def news_delete(*, post: NewsPost) -> None:
    if post.image:
        delete_file_on_commit(post.image.storage, post.image.name)
    post.delete()
