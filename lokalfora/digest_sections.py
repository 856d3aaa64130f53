"""Extension point for the weekly digest (services/digest.py).

`lokalfora` must not import the apps that build on it, yet a follower of an area wants
their news too (the committee's decisions about the area, a special effort's updates).
Those apps register a section here in their AppConfig.ready(); the digest asks every
section, once per run, for its lines by area id, and renders them under each area.

A section's `lines` function runs a fixed number of queries (`queries`) whatever the
number of areas and followers, so the digest's query count stays constant. A line with a
`once_key` appears once per mail, under the first of the follower's areas it belongs to:
an effort covering two areas someone follows is told about once.

Each section has a `kind`, the Subscription field that says whether the follower wants it
(CONTENT_KINDS: "wants_decisions", ...); a follower who turned it off does not get it. A
line's `at` is when it happened (published, announced): the immediate mails
(services/digest_immediate.py) send only lines newer than the follower's last mail, so a
line without `at` (a coming milestone) is for the weekly mail only.
"""

import datetime
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from lokalfora.models import CONTENT_KINDS

KINDS = frozenset(field for field, _label in CONTENT_KINDS)


@dataclass(frozen=True)
class DigestWindow:
    now: datetime.datetime
    since: datetime.datetime  # what happened after this (the news window's start)
    until: datetime.datetime  # what is coming before this (the events window's end)


@dataclass(frozen=True)
class DigestLine:
    text: Any  # a str or a lazy translation, made in the mail's language
    url: str  # a path on the portal; the digest makes it absolute
    once_key: str = ""
    at: datetime.datetime | None = None  # when it happened; None: weekly mail only


@dataclass(frozen=True)
class DigestSection:
    key: str
    order: int
    heading: Any
    lines: Callable[[set, DigestWindow], dict[int, list[DigestLine]]]
    queries: int
    kind: str  # the Subscription field saying whether a follower wants it


_sections: dict[str, DigestSection] = {}


def register_digest_section(section: DigestSection) -> None:
    if section.kind not in KINDS:
        raise ValueError(f"A digest section's kind is one of {sorted(KINDS)}.")
    _sections[section.key] = section


def digest_sections() -> list[DigestSection]:
    return sorted(_sections.values(), key=lambda s: (s.order, s.key))


def section_queries() -> int:
    """The queries every registered section runs together, once a digest run."""
    return sum(section.queries for section in _sections.values())


def lines_by_section(area_ids, window: DigestWindow) -> list[tuple[DigestSection, dict]]:
    """Each section with its lines by area id, for the run's areas."""
    return [(section, section.lines(set(area_ids), window)) for section in digest_sections()]


def area_extras(
    area_id: int, by_section, seen: set, subscription=None, since=None, *, keep_undated=False
) -> list[dict]:
    """One area's extra parts of one mail: [{"heading", "lines"}]; `seen` holds the once-keys
    already in the mail (and is updated). Only the kinds the `subscription` wants, and with
    `since` only the lines that happened after it (and, if `keep_undated`, those without a
    time)."""
    extras = []
    for section, by_area in by_section:
        if subscription is not None and not getattr(subscription, section.kind):
            continue
        lines = []
        for line in by_area.get(area_id, []):
            if since is not None and line.at is None and not keep_undated:
                continue
            if since is not None and line.at is not None and line.at <= since:
                continue
            if line.once_key:
                if line.once_key in seen:
                    continue
                seen.add(line.once_key)
            lines.append(line)
        if lines:
            extras.append({"heading": section.heading, "lines": lines})
    return extras


def lines_for_areas(rows, area_ids, *, through, row_field: str, line) -> dict[int, list]:
    """Each row's line (`line(row)`) under the followed areas it is for: under every one for
    a row of the whole municipality (`row.whole_municipality`), else under its own among
    them, read from its areas' `through` table (`row_field`: the row's column there) in
    one query. The mail shows a line once (`DigestLine.once_key`)."""
    areas_of = defaultdict(list)
    targeted = [row.pk for row in rows if not row.whole_municipality]
    for row_id, area_id in through.objects.filter(
        **{f"{row_field}__in": targeted, "localarea_id__in": area_ids}
    ).values_list(row_field, "localarea_id"):
        areas_of[row_id].append(area_id)
    lines = defaultdict(list)
    for row in rows:
        made = line(row)
        for area_id in sorted(area_ids) if row.whole_municipality else areas_of[row.pk]:
            lines[area_id].append(made)
    return lines
