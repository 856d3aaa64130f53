"""Snapshots of what was submitted, and what changed between two submissions."""

from django.utils.text import capfirst
from django.utils.translation import gettext as _

from holbaek.text import kroner
from projektudvalg.models import Application

FIELDS = [
    "title", "description", "area", "amount_applied", "timeline", "contact_name",
    "contact_email", "contact_phone", "organisation", "applicant_type", "cvr",
    "cofinancing_cash", "volunteer_hours", "cofinancing_materials", "other_municipal",
    "co_creator_consulted", "property_address", "construction_year", "location", "town_name",
    "town_population", "ownership", "owner_lives_there", "work_description", "craftsman_name",
    "craftsman_cvr", "craftsman_vat_registered",
]  # fmt: skip


def _display(application: Application, name: str) -> str:
    value = getattr(application, name)
    if value is None or value == "":
        return ""
    if isinstance(value, bool):
        return _("ja") if value else _("nej")
    display = getattr(application, f"get_{name}_display", None)
    if display is not None:
        return str(display())
    return str(value)


def snapshot(application: Application) -> dict:
    """Every field as the applicant would read it, with budget lines, criteria and files."""
    fields = {
        name: {
            "label": capfirst(str(Application._meta.get_field(name).verbose_name)),
            "value": _display(application, name),
        }
        for name in FIELDS
    }
    return {
        "fields": fields,
        "criteria": sorted(c.name for c in application.criteria.all()),
        "budget": [[line.description, str(line.amount)] for line in application.budget_lines.all()],
        "files": sorted(f.name for f in application.files.all()),
    }


def changes(older: dict, newer: dict) -> list[tuple[str, str, str]]:
    """(what, before, after) for everything that differs between two snapshots."""
    found = []
    for name, new in newer["fields"].items():
        old = older["fields"].get(name, {"value": ""})
        if old["value"] != new["value"]:
            found.append((new["label"], old["value"], new["value"]))
    for key, label in (("criteria", _("Kriterier")), ("files", _("Bilag"))):
        if older.get(key) != newer.get(key):
            found.append((label, ", ".join(older.get(key, [])), ", ".join(newer.get(key, []))))
    if older.get("budget") != newer.get("budget"):
        found.append(
            (
                _("Budget"),
                "; ".join(f"{d}: {kroner(a)}" for d, a in older.get("budget", [])),
                "; ".join(f"{d}: {kroner(a)}" for d, a in newer.get("budget", [])),
            )
        )
    return found
