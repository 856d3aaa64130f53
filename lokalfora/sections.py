"""Extension point for the area page.

`lokalfora` must not import the apps that build on it, yet the area page
shows their facts too (the area's fælles-skaber, projects ...). Those apps,
and lokalfora's own grant section (grant_section.py), register a section here
in their AppConfig.ready(); the area page renders every registered section in
order. A section's `context` function must run a fixed number of queries.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class AreaSection:
    key: str
    order: int
    template: str
    context: Callable[[Any, Any], dict | None]


_sections: dict[str, AreaSection] = {}


def register_area_section(section: AreaSection) -> None:
    _sections[section.key] = section


def area_sections(area, user) -> list[dict]:
    """Each registered section's template and context; a section returning None is left out."""
    rendered = []
    for section in sorted(_sections.values(), key=lambda s: (s.order, s.key)):
        context = section.context(area, user)
        if context is not None:
            rendered.append({"key": section.key, "template": section.template, "context": context})
    return rendered
