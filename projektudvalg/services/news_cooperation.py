"""The cooperation about municipal news with the forums: staff offer an item to forums,
a forum takes it into its own news or lets it pass, both sides comment; and the share
kit's record of where staff shared an item ("delt i <gruppe>").

The state is per forum (NewsForumShare, one row per item and forum: a database rule).
Each answer locks its share row and checks the state on the locked row.
"""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lokalfora.permissions import is_forum_editor
from lokalfora.services import news as forum_news
from lokalfora.services.news_pictures import picture_copy
from projektudvalg import news_mails
from projektudvalg.models import (
    NewsComment,
    NewsForumShare,
    NewsSharedIn,
    NewsStatus,
    ShareDirection,
    ShareState,
)
from projektudvalg.permissions import can_comment, can_edit_municipal_news
from projektudvalg.services.municipal_news import locked

OFFERABLE = {NewsStatus.DRAFT, NewsStatus.PUBLISHED}
NOT_PUBLIC_YET = _(
    "Nyheden er ikke offentliggjort endnu. I kan tage den med, når kommunen har offentliggjort den."
)


def _require_staff(user) -> None:
    if not can_edit_municipal_news(user):
        raise PermissionDenied


@transaction.atomic
def news_offer(*, item, forums, by) -> list[NewsForumShare]:
    """Offers the item to forums it is not shared with yet; returns the new rows."""
    _require_staff(by)
    item = locked(item)
    if item.status not in OFFERABLE:
        raise ValidationError(_("Kun en kladde eller en offentliggjort nyhed kan tilbydes."))
    taken = set(item.shares.values_list("forum_id", flat=True))
    created = []
    for forum in forums:
        if forum.pk in taken:
            continue
        try:
            with transaction.atomic():  # a second click at the same moment: the row exists
                share = NewsForumShare.objects.create(
                    news=item, forum=forum, direction=ShareDirection.OFFERED
                )
        except IntegrityError:
            continue
        created.append(share)
        news_mails.on_commit(news_mails.offer_made, share=share)
    return created


def _open_offer(share, by) -> NewsForumShare:
    share = (
        NewsForumShare.objects.select_for_update().select_related("news", "forum").get(pk=share.pk)
    )
    if share.direction != ShareDirection.OFFERED or not is_forum_editor(by, share.forum):
        raise PermissionDenied
    if share.state != ShareState.OPEN:
        raise ValidationError(_("Tilbuddet er allerede besvaret."))
    return share


def _decide(share, *, state, by, post=None) -> NewsForumShare:
    share.state, share.post = state, post
    share.decided_by, share.decided_at = by, timezone.now()
    share.full_clean()
    share.save()
    news_mails.on_commit(news_mails.offer_decided, share=share)
    return share


@transaction.atomic
def offer_accept(*, share, by) -> NewsForumShare:
    """The forum takes the item into its own news: a published post of the forum's, with
    the item's text and a copy of its picture (the forum's own file)."""
    share = _open_offer(share, by)
    item = locked(share.news)
    if not item.is_published:
        # A draft or a planned item may be offered and discussed, but its text is not
        # public before its time: the forum takes it once the municipality published it.
        raise ValidationError(NOT_PUBLIC_YET)
    image = picture_copy(item)
    data = {
        "title": item.title,
        "summary": item.summary,
        "body": item.body,
        "image_alt": item.image_alt if image else "",
    }
    post = forum_news.news_save(
        forum=share.forum, data=data, image=image, action=forum_news.NewsAction.PUBLISH
    )
    return _decide(share, state=ShareState.ACCEPTED, by=by, post=post)


@transaction.atomic
def offer_pass(*, share, by) -> NewsForumShare:
    return _decide(_open_offer(share, by), state=ShareState.PASSED, by=by)


@transaction.atomic
def comment_add(*, share, author, text: str) -> NewsComment:
    """A comment in the thread between the forum and the municipality's editors; the other
    side is told by mail."""
    if not can_comment(author, share):
        raise PermissionDenied
    comment = NewsComment(share=share, author=author, text=(text or "").strip())
    if not comment.text:
        raise ValidationError({"text": _("Skriv en kommentar.")})
    comment.full_clean()
    comment.save()
    from_staff = can_edit_municipal_news(author) and not is_forum_editor(author, share.forum)
    news_mails.on_commit(news_mails.comment_posted, comment=comment, to_forum=from_staff)
    return comment


@transaction.atomic
def shared_in_record(
    *, item, group: str, url: str = "", shared_on: datetime.date, by
) -> NewsSharedIn:
    """Staff note that they shared the item in a Facebook group (or elsewhere)."""
    _require_staff(by)
    item = locked(item)
    if not item.is_public:
        raise ValidationError(_("Del først nyheden, når den er offentliggjort."))
    if shared_on > timezone.localdate():
        raise ValidationError({"shared_on": _("Datoen ligger i fremtiden.")})
    record = NewsSharedIn(
        news=item, group=(group or "").strip(), url=url, shared_on=shared_on, by=by
    )
    record.full_clean()
    record.save()
    return record


@transaction.atomic
def shared_in_delete(*, record, by) -> None:
    _require_staff(by)
    record.delete()
