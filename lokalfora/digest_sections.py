"""Extension point for the weekly digest (services/digest.py).

`lokalfora` must not import the apps that build on it, yet a follower of an area wants
their news too (the committee's decisions about the area, a special effort's updates).
Those apps register a section here in their AppConfig.ready(); the digest asks every
section, once per run, for its lines by area id, and renders them under each area.

A section's `lines` function runs a fixed number of queries (`queries`) whatever the
number of areas and followers, so the digest's query count stays constant. A line with a
`once_key` appears once per mail, under the first of the follower's areas it belongs to:
an effort covering two areas someone follows is told about once.
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any


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


@dataclass(frozen=True)
class DigestSection:
    key: str
    order: int
    heading: Any
    lines: Callable[[set, DigestWindow], dict[int, list[DigestLine]]]
    queries: int


_sections: dict[str, DigestSection] = {}


def register_digest_section(section: DigestSection) -> None:
    _sections[section.key] = section


def digest_sections() -> list[DigestSection]:
    return sorted(_sections.values(), key=lambda s: (s.order, s.key))


def section_queries() -> int:
    """The queries every registered section runs together, once a digest run."""
    return sum(section.queries for section in _sections.values())


def lines_by_section(area_ids, window: DigestWindow) -> list[tuple[DigestSection, dict]]:
    """Each section with its lines by area id, for the run's areas."""
    return [(section, section.lines(set(area_ids), window)) for section in digest_sections()]


def area_extras(area_id: int, by_section, seen: set) -> list[dict]:
    """One area's extra parts of one mail: [{"heading", "lines"}]; `seen` holds the once-keys
    already in the mail (and is updated)."""
    extras = []
    for section, by_area in by_section:
        lines = []
        for line in by_area.get(area_id, []):
            if line.once_key:
                if line.once_key in seen:
                    continue
                seen.add(line.once_key)
            lines.append(line)
        if lines:
            extras.append({"heading": section.heading, "lines": lines})
    return extras
