"""Copies rows with bulk_create: fictional variants of the demo content, for the bench."""

import datetime
import re
from collections import defaultdict
from collections.abc import Callable, Iterable
from contextlib import contextmanager

from dateutil.relativedelta import relativedelta
from django.db import models

Change = Callable[[models.Model, int], None]
# {original pk: [pk of variant 1, pk of variant 2, ...]}
Variants = dict[int, list[int]]

BATCH_SIZE = 1000


@contextmanager
def timestamps_kept(model: type[models.Model]):
    """auto_now(_add) would stamp every copy with now; a copy keeps (or shifts) its own."""
    fields = [
        field
        for field in model._meta.concrete_fields
        if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False)
    ]
    saved = [(field, field.auto_now, field.auto_now_add) for field in fields]
    for field in fields:
        field.auto_now = field.auto_now_add = False
    try:
        yield
    finally:
        for field, auto_now, auto_now_add in saved:
            field.auto_now, field.auto_now_add = auto_now, auto_now_add


def variant_of(row: models.Model) -> models.Model:
    """An unsaved copy of the row: every concrete field but the primary key."""
    values = {
        field.attname: getattr(row, field.attname)
        for field in row._meta.concrete_fields
        if not field.primary_key
    }
    return type(row)(**values)


def copy_rows(
    rows: Iterable[models.Model],
    *,
    copies: int = 0,
    parent: tuple[str, Variants] | None = None,
    change: Change | None = None,
) -> Variants:
    """Saves variants 1..copies of each row, or one per variant of its parent row.

    `parent` is (foreign key attname, the parent's Variants): variant n of a child
    belongs to variant n of its parent. `change(variant, n)` edits variant n before
    it is saved (unique names, shifted dates).
    """
    pending: list[tuple[int, models.Model]] = []
    model = None
    for row in rows:
        model = type(row)
        targets = parent[1].get(getattr(row, parent[0]), []) if parent else [None] * copies
        for number, target in enumerate(targets, start=1):
            variant = variant_of(row)
            if parent:
                setattr(variant, parent[0], target)
            if change:
                change(variant, number)
            pending.append((row.pk, variant))
    if model is None:
        return {}
    with timestamps_kept(model):
        model.objects.bulk_create([variant for _, variant in pending], batch_size=BATCH_SIZE)
    variants: Variants = defaultdict(list)
    for original, variant in pending:
        variants[original].append(variant.pk)
    return dict(variants)


def shift_dates(row: models.Model, delta) -> None:
    """Moves every date and time on the row by `delta` (a timedelta or relativedelta)."""
    for field in row._meta.concrete_fields:
        if isinstance(field, models.DateField):  # DateTimeField is one too
            value = getattr(row, field.attname)
            if isinstance(value, datetime.date):
                setattr(row, field.attname, value + delta)


def years_back(number: int) -> relativedelta:
    return relativedelta(years=-number)


def earlier_years(text: str, number: int) -> str:
    """'Demo-runde 2026' -> 'Demo-runde 2024' for number 2; every four-digit year moves."""
    return re.sub(r"(?<!\d)(19|20)(\d\d)(?!\d)", lambda m: str(int(m.group()) - number), text)


def earlier(row, number):
    """The copy `number` lies that many years before the original."""
    shift_dates(row, years_back(number))


def copy_children(models, fk: str, parents: Variants) -> None:
    """Copies each model's rows of the copied parents, onto the parents' copies."""
    for model in models:
        rows = model.objects.filter(**{f"{fk}__in": list(parents)})
        copy_rows(list(rows), parent=(fk, parents), change=earlier)
