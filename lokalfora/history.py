"""Who changed what on a forum: its page, contact persons and news.

django-simple-history keeps a row per change. This turns the rows of a
forum into readable entries (who, when, which fields from what to what) in
three queries, whatever the number of changes: the diffs are computed in
memory from consecutive rows of the same object.
"""

from dataclasses import dataclass
from datetime import datetime
from itertools import pairwise

from django.utils.translation import gettext_lazy as _

from lokalfora.models import ContactPerson, Forum, NewsPost

ACTIONS = {"+": _("oprettet"), "~": _("ændret"), "-": _("slettet")}


@dataclass(frozen=True)
class Change:
    field: str
    old: str
    new: str


@dataclass(frozen=True)
class HistoryEntry:
    when: datetime
    who: str
    subject: str
    action: str
    action_code: str  # "+", "~" or "-"
    changes: list[Change]
    history_id: int
    admin_url_name: str
    object_id: int


def _display(value) -> str:
    if value in (None, ""):
        return "–"
    return str(value)


def _entries(records, subject_of, admin_url_name) -> list[HistoryEntry]:
    by_object: dict[int, list] = {}
    for record in records:
        by_object.setdefault(record.id, []).append(record)
    entries = []
    for versions in by_object.values():
        versions.sort(key=lambda record: (record.history_date, record.history_id))
        pairs = [(None, versions[0]), *pairwise(versions)]
        for previous, record in pairs:
            changes = []
            if previous is not None:
                model = record.instance_type
                for change in record.diff_against(previous).changes:
                    label = model._meta.get_field(change.field).verbose_name
                    changes.append(Change(str(label), _display(change.old), _display(change.new)))
            entries.append(
                HistoryEntry(
                    when=record.history_date,
                    who=str(record.history_user) if record.history_user else str(_("systemet")),
                    subject=subject_of(record),
                    action=str(ACTIONS[record.history_type]),
                    action_code=record.history_type,
                    changes=changes,
                    history_id=record.history_id,
                    admin_url_name=admin_url_name,
                    object_id=record.id,
                )
            )
    return entries


def forum_history(forum, *, limit: int = 200) -> list[HistoryEntry]:
    """The newest changes first, at most `limit` of them."""
    forum_rows = Forum.history.filter(id=forum.pk).select_related("history_user")
    contact_rows = ContactPerson.history.filter(forum_id=forum.pk).select_related("history_user")
    news_rows = NewsPost.history.filter(forum_id=forum.pk).select_related("history_user")
    entries = [
        *_entries(forum_rows, lambda r: str(_("Lokalforummets side")), "forum"),
        *_entries(contact_rows, lambda r: f"{_('Kontaktperson')}: {r.name}", "contactperson"),
        *_entries(news_rows, lambda r: f"{_('Nyhed')}: {r.title}", "newspost"),
    ]
    entries.sort(key=lambda entry: (entry.when, entry.history_id), reverse=True)
    return entries[:limit]
