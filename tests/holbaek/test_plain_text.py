"""Every text field has a maximum, and free text is plain text without bidi controls (issue 11).

The walks fail for a new model or form field without a max_length, and for a new form with
free-text fields that does not use PlainTextFormMixin.
"""

import importlib
import pkgutil

import pytest
from django import forms
from django.apps import apps
from django.db import models

from holbaek.forms import PlainTextFormMixin
from holbaek.validators import plain_text

PROJECT_APPS = ("holbaek", "lokalfora", "faelles_skabere", "projektudvalg")
# Filters of lists and searches: nothing they take is stored or shown to others.
NOT_STORED = {"lokalfora.forms.public.SearchForm"}


def project_form_classes():
    for app in PROJECT_APPS:
        package = importlib.import_module(app)
        for module in pkgutil.walk_packages(package.__path__, f"{app}."):
            if ".migrations" not in module.name and ".management" not in module.name:
                importlib.import_module(module.name)
    found, todo = set(), [forms.BaseForm]
    while todo:
        for subclass in todo.pop().__subclasses__():
            todo.append(subclass)
            if subclass.__module__.split(".")[0] in PROJECT_APPS:
                found.add(subclass)
    return sorted(found, key=lambda cls: f"{cls.__module__}.{cls.__qualname__}")


FORM_CLASSES = project_form_classes()


def test_the_walks_see_the_project():
    names = {f"{cls.__module__}.{cls.__name__}" for cls in FORM_CLASSES}
    assert {
        "projektudvalg.forms.applying.CommunityForm",
        "faelles_skabere.forms.sparring.MessageForm",
    } <= names
    assert apps.get_model("projektudvalg", "Application") in apps.get_models()


def test_every_text_field_of_every_model_has_a_maximum():
    missing = [
        f"{model._meta.label}.{field.name}"
        for model in apps.get_models()
        if model._meta.app_label in PROJECT_APPS
        for field in model._meta.get_fields()
        if isinstance(field, models.CharField | models.TextField) and field.max_length is None
    ]
    assert missing == []


def test_every_text_field_of_every_form_has_a_maximum():
    missing = [
        f"{cls.__module__}.{cls.__name__}.{name}"
        for cls in FORM_CLASSES
        for name, field in cls.base_fields.items()
        if isinstance(field, forms.CharField) and field.max_length is None
    ]
    assert missing == []


def test_every_form_with_free_text_takes_plain_text():
    missing = [
        f"{cls.__module__}.{cls.__name__}"
        for cls in FORM_CLASSES
        if f"{cls.__module__}.{cls.__name__}" not in NOT_STORED
        and any(type(field) is forms.CharField for field in cls.base_fields.values())
        and not issubclass(cls, PlainTextFormMixin)
    ]
    assert missing == []


class NoteForm(PlainTextFormMixin, forms.Form):
    markdown_fields = ("body",)

    title = forms.CharField(max_length=20)
    body = forms.CharField(max_length=100, required=False)
    email = forms.EmailField(required=False)


@pytest.mark.parametrize(
    "control",
    ["\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069",
     "\u200e", "\u200f", "\u061c"],
)  # fmt: skip
def test_bidi_controls_are_removed_from_every_text_field(control):
    form = NoteForm({"title": f"{control}Fest{control}", "body": f"**Fest**{control} <x>"})
    assert form.is_valid(), form.errors
    assert form.cleaned_data["title"] == "Fest"
    assert form.cleaned_data["body"] == "**Fest** <x>"  # Markdown keeps its <…>


def test_a_title_made_only_of_controls_is_empty():
    form = NoteForm({"title": " \u202e\u202c "})
    assert not form.is_valid()
    assert form.errors["title"] == ["Dette felt er påkrævet."]


def test_the_length_is_counted_without_the_controls():
    assert NoteForm({"title": "\u202e" * 10 + "x" * 20}).is_valid()
    form = NoteForm({"title": "x" * 21})
    assert form.errors["title"] == ["Skriv højst 20 tegn. Teksten har 21."]


def test_html_is_still_refused_and_other_text_kept():
    assert NoteForm({"title": "<b>Fest</b>"}).errors["title"]
    assert plain_text("børn < 12 år\r\n‮") == "børn < 12 år\n"
    assert plain_text(None) is None
