"""Calls a function that each installed app may offer in a module of its own.

Core must not import the apps that build on it, yet `load_reference_data`
and `demo` must reach all of them: each app that has, say, a `reference.py`
with a `load()` function takes part, in INSTALLED_APPS order (which follows
the dependency direction).
"""

from importlib import import_module
from importlib.util import find_spec

from django.apps import apps


def call_app_hooks(module_name: str, function_name: str, **kwargs) -> list[tuple[str, object]]:
    results = []
    for app_config in apps.get_app_configs():
        dotted = f"{app_config.name}.{module_name}"
        if find_spec(dotted) is None:
            continue
        module = import_module(dotted)
        results.append((app_config.label, getattr(module, function_name)(**kwargs)))
    return results
