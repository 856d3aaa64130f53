"""Extension point for the hearing page and the høringsnotat.

`lokalfora` must not import the apps that build on it, yet a hearing's page shows their
facts too (the committee's "Behandlet i udvalget"). Those apps register a section here in
their AppConfig.ready(); the hearing page and the høringsnotat render every registered
section in order. A section's `context(hearing, user)` must run a fixed number of queries
and return None to be left out.
"""

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
    """Each registered section's template and context; a section returning None is left out."""
    rendered = []
    for section in sorted(_sections.values(), key=lambda s: (s.order, s.key)):
        context = section.context(hearing, user)
        if context is not None:
            rendered.append({"key": section.key, "template": section.template, "context": context})
    return rendered
