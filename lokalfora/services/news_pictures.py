"""A news item's picture, saved with the item: the forum news's and the municipality's.

One rule for both: the new picture (already checked by holbaek.images) is stored with
the row; if saving the row fails, the new file is deleted again; a replaced or removed
picture's file is deleted once the transaction commits (never before: a rollback would
leave the row pointing at nothing).
"""

from collections.abc import Callable

from django.core.files.base import ContentFile
from django.db import transaction


def save_with_picture(item, *, image=None, remove_image: bool = False, save: Callable) -> None:
    """Puts `image` on `item` (or removes its picture and alt text), then calls `save()`."""
    old_file = item.image.name if item.image else ""
    if remove_image and not image:
        item.image = ""
        item.image_alt = ""
    if image:
        item.image.save(image.name, image, save=False)
    try:
        save()
    except Exception:
        if image:
            item.image.storage.delete(item.image.name)
        raise
    if old_file and old_file != item.image.name:
        delete_file_on_commit(item.image.storage, old_file)


def picture_copy(source) -> ContentFile | None:
    """A copy of `source`'s picture file, to save on another item through its service, so
    deleting one item never removes the other's file; None without a picture."""
    if not source.image:
        return None
    try:
        with source.image.open("rb") as file:
            content = file.read()
    except FileNotFoundError:
        return None
    return ContentFile(content, name=source.image.name.rsplit("/", 1)[-1])


def delete_file_on_commit(storage, name: str) -> None:
    transaction.on_commit(lambda: storage.delete(name))
