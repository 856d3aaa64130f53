"""Municipal news: one function per step of an item's status (kladde → til godkendelse →
publiceret → arkiveret, or afvist with a reason). The cooperation with the forums (offers,
their answers, comments, where an item was shared) is in news_cooperation.py.

Every step that depends on the status locks the item's row first (select_for_update) and
checks the status on the locked row, so two clicks never both move it. The picture is the
forum news's (lokalfora.services.news_pictures): stored with the row, the replaced file
deleted after the commit.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from holbaek import privacy
from holbaek.pagecache import content_changed
from lokalfora.models import Forum, LocalArea
from lokalfora.permissions import is_forum_editor
from lokalfora.services.news_pictures import delete_file_on_commit, save_with_picture
from projektudvalg import news_mails
from projektudvalg.models import (
    MunicipalNews,
    NewsForumShare,
    NewsOrigin,
    NewsStatus,
    ShareDirection,
    ShareState,
)
from projektudvalg.permissions import can_edit_municipal_news

# The text a forum editor may write; staff also set the origin and the decision it reports.
CONTENT_FIELDS = ("title", "summary", "body", "easy_read", "image_alt")
STAFF_FIELDS = (*CONTENT_FIELDS, "origin", "origin_effort", "source_decision")
CHECKED_FIELDS = ("title", "summary", "body", "easy_read", "image_alt")  # the personal-data check
STAFF_EDITABLE = {NewsStatus.DRAFT, NewsStatus.PENDING, NewsStatus.PUBLISHED}

PAST = _("Tidspunktet er passeret. Vælg et senere tidspunkt, eller offentliggør nu.")


class PersonalDataFound(ValidationError):
    """Forum-written text may hold personal data: staff read it and confirm first."""

    def __init__(self, kinds):
        self.kinds = kinds
        super().__init__(
            _("Teksten indeholder måske %(kinds)s. Læs den igennem, før den offentliggøres."),
            code="personal_data",
            params={"kinds": privacy.labels(kinds)},
        )


def _require_staff(user) -> None:
    if not can_edit_municipal_news(user):
        raise PermissionDenied


def locked(item: MunicipalNews) -> MunicipalNews:
    """The item's row, locked until the transaction ends, as it is now."""
    return MunicipalNews.objects.select_for_update().get(pk=item.pk)


def _check_target(item, areas, topics, whole_municipality) -> None:
    errors = {}
    if whole_municipality and areas:
        errors["areas"] = _("Vælg enten hele kommunen eller lokalområder, ikke begge.")
    elif not whole_municipality and not areas:
        errors["areas"] = _("Vælg hele kommunen eller mindst ét lokalområde.")
    kept = set(item.topics.values_list("pk", flat=True)) if item.pk else set()
    retired = [topic.name for topic in topics if not topic.active and topic.pk not in kept]
    if retired:
        errors["topics"] = _("Emnet er ikke længere i brug: %(names)s.") % {
            "names": ", ".join(retired)
        }
    decision = item.source_decision
    if decision is not None and not decision.decision_is_public:
        errors["source_decision"] = _("Vælg et punkt, hvis beslutning er offentliggjort.")
    if errors:
        raise ValidationError(errors)


def _apply_origin(item) -> None:
    """A forum's proposal keeps its forum; otherwise the origin names what it needs."""
    if item.origin_forum_id:
        item.origin = NewsOrigin.FORUM
    elif item.origin == NewsOrigin.FORUM:
        raise ValidationError(
            {"origin": _("Kun et lokalforums forslag har lokalforummet som afsender.")}
        )
    if item.origin != NewsOrigin.EFFORT:
        item.origin_effort = None
    elif item.origin_effort_id is None:
        raise ValidationError({"origin_effort": _("Vælg den særlige indsats.")})


def _scope(item) -> list:
    """The areas whose pages show the item now (every area for the whole municipality)."""
    if not item.pk:
        return []
    if item.whole_municipality:
        return list(LocalArea.objects.values_list("slug", flat=True))
    return list(item.areas.all())


def _write(item, *, data, fields, areas, topics, whole_municipality, image, remove_image):
    # The areas that showed it are told too: a narrower aim takes it off their stored pages
    # (their feeds are stored by area alone), which the save of the new aim does not name.
    content_changed("news", areas=_scope(item))
    for field in fields:
        if field in data:
            setattr(item, field, data[field])
    item.whole_municipality = whole_municipality
    areas, topics = list(areas), list(topics)

    def save():
        _apply_origin(item)
        _check_target(item, areas, topics, whole_municipality)
        item.full_clean()
        item.save()
        item.areas.set(areas)
        item.topics.set(topics)

    save_with_picture(item, image=image, remove_image=remove_image, save=save)
    return item


@transaction.atomic
def news_save(
    *,
    item=None,
    data: dict,
    areas,
    topics,
    whole_municipality: bool,
    image=None,
    remove_image: bool = False,
    by,
) -> MunicipalNews:
    """Staff write a new draft or change a draft, a proposal or a published item; the
    forum editor who proposed an item changes it while it waits (til godkendelse)."""
    if item is None:
        _require_staff(by)
        item = MunicipalNews(created_by=by, status=NewsStatus.DRAFT)
        fields = STAFF_FIELDS
    else:
        item = locked(item)
        fields = _editable_fields(item, by)
    return _write(
        item,
        data=data,
        fields=fields,
        areas=areas,
        topics=topics,
        whole_municipality=whole_municipality,
        image=image,
        remove_image=remove_image,
    )


def _editable_fields(item, by) -> tuple[str, ...]:
    if can_edit_municipal_news(by):
        if item.status not in STAFF_EDITABLE:
            raise ValidationError(_("En arkiveret eller afvist nyhed kan ikke ændres."))
        return STAFF_FIELDS
    if item.origin_forum is not None and is_forum_editor(by, item.origin_forum):
        if item.status != NewsStatus.PENDING:
            raise ValidationError(_("Forslaget er afgjort og kan ikke længere ændres."))
        return CONTENT_FIELDS
    raise PermissionDenied


@transaction.atomic
def news_propose(
    *, forum: Forum, data: dict, areas, topics, whole_municipality: bool = False, image=None, by
) -> MunicipalNews:
    """A forum's editor proposes an item to the municipality's editors (til godkendelse)."""
    if not is_forum_editor(by, forum):
        raise PermissionDenied
    item = MunicipalNews(
        origin=NewsOrigin.FORUM, origin_forum=forum, status=NewsStatus.PENDING, created_by=by
    )
    _write(
        item,
        data=data,
        fields=CONTENT_FIELDS,
        areas=areas,
        topics=topics,
        whole_municipality=whole_municipality,
        image=image,
        remove_image=False,
    )
    share = NewsForumShare.objects.create(news=item, forum=forum, direction=ShareDirection.PROPOSED)
    news_mails.on_commit(news_mails.proposal_received, share=share)
    return item


def personal_data_kinds(item) -> list[str]:
    """The kinds of personal data the check finds in the item's text, field by field."""
    found = set()
    for field in CHECKED_FIELDS:
        found.update(privacy.findings(getattr(item, field)))
    return [kind for kind in privacy.KIND_LABELS if kind in found]


def _decide_proposal(item, *, state, by) -> NewsForumShare | None:
    share = (
        NewsForumShare.objects.select_for_update()
        .filter(news=item, direction=ShareDirection.PROPOSED)
        .select_related("forum", "news")
        .first()
    )
    if share is None:
        return None
    share.state, share.decided_by, share.decided_at = state, by, timezone.now()
    share.save(update_fields=["state", "decided_by", "decided_at"])
    return share


@transaction.atomic
def news_publish(*, item, publish_at=None, by, confirmed_checked: bool = False) -> MunicipalNews:
    """Publishes now (publish_at None) or at a later time (Danish time, stored as UTC).
    A forum's text passes the personal-data check first, or staff confirm they read it."""
    _require_staff(by)
    item = locked(item)
    if item.status not in (NewsStatus.DRAFT, NewsStatus.PENDING) and not item.is_scheduled:
        raise ValidationError(_("Nyheden er allerede offentliggjort, arkiveret eller afvist."))
    now = timezone.now()
    if publish_at is not None and publish_at < now.replace(second=0, microsecond=0):
        raise ValidationError({"publish_at": PAST})
    if item.origin == NewsOrigin.FORUM and not confirmed_checked:
        kinds = personal_data_kinds(item)
        if kinds:
            raise PersonalDataFound(kinds)
    was_proposal = item.status == NewsStatus.PENDING
    item.status = NewsStatus.PUBLISHED
    item.publish_at = max(publish_at or now, now)
    item.rejection_reason = ""
    item.full_clean()
    item.save()
    if was_proposal:
        share = _decide_proposal(item, state=ShareState.ACCEPTED, by=by)
        if share is not None:
            news_mails.on_commit(news_mails.proposal_decided, share=share)
    return item


@transaction.atomic
def news_reject(*, item, reason: str, by) -> MunicipalNews:
    """A proposal is turned down, with the reason the forum reads."""
    _require_staff(by)
    item = locked(item)
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("Skriv, hvorfor nyheden er afvist.")})
    if item.status != NewsStatus.PENDING:
        raise ValidationError(_("Kun et forslag, der venter på godkendelse, kan afvises."))
    item.status, item.rejection_reason = NewsStatus.REJECTED, reason
    item.full_clean()
    item.save()
    share = _decide_proposal(item, state=ShareState.PASSED, by=by)
    if share is not None:
        news_mails.on_commit(news_mails.proposal_decided, share=share)
    return item


@transaction.atomic
def news_archive(*, item, by) -> MunicipalNews:
    """Off the lists and feeds; its address still answers."""
    _require_staff(by)
    item = locked(item)
    if not item.is_published:
        raise ValidationError(_("Kun en offentliggjort nyhed kan arkiveres."))
    item.status = NewsStatus.ARCHIVED
    item.save(update_fields=["status", "updated_at"])
    return item


@transaction.atomic
def news_unpublish(*, item, by) -> MunicipalNews:
    """A scheduled item goes back before its time comes: a forum's proposal waits again,
    any other item is a draft."""
    _require_staff(by)
    item = locked(item)
    if not item.is_scheduled:
        raise ValidationError(
            _("Kun en planlagt nyhed, der ikke er offentlig endnu, kan trækkes tilbage.")
        )
    item.publish_at = None
    if item.origin == NewsOrigin.FORUM:
        item.status = NewsStatus.PENDING
        item.shares.filter(direction=ShareDirection.PROPOSED).update(
            state=ShareState.OPEN, decided_by=None, decided_at=None
        )
    else:
        item.status = NewsStatus.DRAFT
    item.save(update_fields=["status", "publish_at", "updated_at"])
    return item


@transaction.atomic
def news_delete(*, item, by) -> None:
    """Only a draft is deleted; its picture's file goes after the commit."""
    _require_staff(by)
    item = locked(item)
    if item.status != NewsStatus.DRAFT:
        raise ValidationError(_("Kun en kladde kan slettes."))
    if item.image:
        delete_file_on_commit(item.image.storage, item.image.name)
    item.delete()
