"""Every model of the portal's apps was thought about for the page cache: either public
pages show its rows (registered, so a save or delete invalidates them) or none does."""

import pytest
from django.apps import apps
from django.urls import get_resolver

from holbaek.pagecache import ALL_KINDS, NEVER_PUBLIC, registered_models
from holbaek.pagecache.pages import PAGES, THIS_AREA

APPS = ["holbaek", "lokalfora", "faelles_skabere", "projektudvalg"]
MODELS = [
    model
    for label in APPS
    for model in apps.get_app_config(label).get_models()
    if not model._meta.abstract and not model._meta.proxy
]


@pytest.mark.parametrize("model", MODELS, ids=lambda model: model._meta.label)
def test_every_model_is_registered_or_never_public(model):
    registered = model in registered_models()
    never = model._meta.label in NEVER_PUBLIC
    assert registered != never, (
        f"{model._meta.label}: register it in its app's pagecache.py (register_model) "
        "or list it there with never_public (and not both)"
    )


def test_every_registered_model_names_known_kinds():
    for model, registration in registered_models().items():
        assert set(registration.kinds) <= set(ALL_KINDS), model


def test_every_page_in_the_registry_is_a_url_name_with_known_kinds():
    names = set()
    resolver = get_resolver()
    for namespace, (_prefix, sub) in resolver.namespace_dict.items():
        names |= {f"{namespace}:{name}" for name in sub.reverse_dict if isinstance(name, str)}
    names |= {name for name in resolver.reverse_dict if isinstance(name, str)}
    for url_name, kinds in PAGES.items():
        assert url_name in names, url_name
        assert set(kinds) - {THIS_AREA} <= set(ALL_KINDS), url_name
