"""Which models' rows public pages show: model -> (kinds, the areas of a row).

Each app registers its models in its own `pagecache.py` (imported from AppConfig.ready):
a save, a delete or an m2m change of a registered model calls content_changed on commit.
A model whose rows no public page shows is listed with `never_public` instead, so
tests/holbaek/test_pagecache_registry.py can insist that every model was thought about.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.core.exceptions import ObjectDoesNotExist
from django.db.models.signals import m2m_changed, post_delete, post_save

from holbaek.pagecache.versions import content_changed

# "app_label.ModelName" of models no public page shows (filled by the apps).
NEVER_PUBLIC: set[str] = set()


@dataclass(frozen=True)
class Registration:
    kinds: tuple[str, ...]
    areas: Callable | None  # row -> the LocalArea(s) or slugs it belongs to
    when: Callable | None  # row -> whether public pages can show it at all (None: always)


_REGISTRY: dict[type, Registration] = {}


def registered_models() -> dict[type, Registration]:
    return dict(_REGISTRY)


def never_public(*labels: str) -> None:
    NEVER_PUBLIC.update(labels)


def register_model(
    model, *kinds: str, areas: Callable | None = None, when: Callable | None = None
) -> None:
    """Public pages of these kinds (and of the row's areas) show rows of this model; with
    `when`, only the rows for which it is true (a draft nobody else sees evicts nothing)."""
    _REGISTRY[model] = Registration(kinds=tuple(kinds), areas=areas, when=when)
    uid = f"pagecache:{model._meta.label}"
    post_save.connect(_saved, sender=model, dispatch_uid=uid)
    post_delete.connect(_saved, sender=model, dispatch_uid=uid)
    for field in model._meta.many_to_many:
        m2m_changed.connect(_m2m, sender=field.remote_field.through, dispatch_uid=uid)


def _areas_of(registration: Registration, instance) -> tuple[list, bool]:
    """The row's areas, and whether they could be found (a cascade may have taken them)."""
    if registration.areas is None:
        return [], True
    try:
        found = registration.areas(instance)
    except ObjectDoesNotExist:
        return [], False
    if found is None:
        return [], True
    return (list(found) if isinstance(found, (list, tuple, set)) else [found]), True


def row_changed(instance) -> None:
    """What a save of this row would say: for a write that sends no signal (update())."""
    registration = _REGISTRY.get(type(instance))
    if registration is None or (registration.when and not registration.when(instance)):
        return
    areas, found = _areas_of(registration, instance)
    # Without its area the row's area page cannot be named: every area page goes instead.
    kinds = registration.kinds if found else (*registration.kinds, "areas")
    content_changed(*kinds, areas=areas)


def _saved(sender, instance, **kwargs):
    row_changed(instance)


def _m2m(sender, instance, action, **kwargs):
    # Before a removal too: the row's areas then still include the ones it leaves.
    if action.startswith("post_") or action in ("pre_remove", "pre_clear"):
        row_changed(instance)
        model = kwargs.get("model")
        if model in _REGISTRY and type(instance) not in _REGISTRY:
            content_changed(*_REGISTRY[model].kinds, "areas")
