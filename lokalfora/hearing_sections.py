"""Extension point for the hearing page (placeholder until the public pages land)."""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class HearingSection:
    key: str
    order: int
    template: str
    context: Callable[[Any, Any], dict | None]


_sections: dict[str, HearingSection] = {}


def register_hearing_section(section: HearingSection) -> None:
    _sections[section.key] = section


def hearing_sections(hearing, user) -> list[dict]:
    rendered = []
    for section in sorted(_sections.values(), key=lambda s: (s.order, s.key)):
        context = section.context(hearing, user)
        if context is not None:
            rendered.append({"key": section.key, "template": section.template, "context": context})
    return rendered
