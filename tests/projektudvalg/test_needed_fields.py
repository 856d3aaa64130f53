"""The application form marks exactly what submitting needs: no "(frivilligt)" on a field
whose emptiness refuses the submission, "(frivilligt)" on every field that may stay empty.

Found out by trying: starting from an application that can be submitted, each field of the
form is emptied in turn and services.application_check (what submit refuses on) is asked.
"""

import re
from decimal import Decimal

import pytest
from django import forms
from django.db import models, transaction

from projektudvalg import services
from projektudvalg.forms.applying import NO_ARIA_REQUIRED, form_class
from projektudvalg.models import Application
from tests.factories import complete, login
from tests.projektudvalg.test_review import village_application

pytestmark = pytest.mark.django_db


def _empty(application, name) -> None:
    if name == "criteria":
        application.criteria.clear()
        return
    if name == "files":
        application.files.all().delete()
        return
    field = Application._meta.get_field(name)
    if field.null:
        blank = None
    elif isinstance(field, models.BooleanField):
        blank = False
    elif isinstance(field, (models.CharField, models.TextField)):
        blank = ""
    else:
        blank = 0
    Application.objects.filter(pk=application.pk).update(**{name: blank})


def _refused_without(application, name) -> bool:
    assert services.application_check(application=application).ok, services.application_check(
        application=application
    ).problems
    with transaction.atomic():
        _empty(application, name)
        refused = not services.application_check(
            application=Application.objects.get(pk=application.pk)
        ).ok
        transaction.set_rollback(True)
    return refused


def _check_marking(application, variants=({},)):
    """`variants`: changes that keep the application submittable (the rules that apply only
    in some cases, e.g. in a town, hold in some of them)."""
    pool = application.pool
    form = form_class(pool)(instance=application, pool=pool)
    refusals = []
    for changes in variants:
        current = services.application_save_draft(application=application, values=changes)
        refusals.append({name: _refused_without(current, name) for name in form.fields})
    for name in form.fields:
        refused = [refusal[name] for refusal in refusals]
        html = str(form[name].as_field_group())
        optional = "(frivilligt)" in html
        condition = form.fields[name].needed_when
        if all(refused):
            assert not optional, f"{name} is needed to submit but marked (frivilligt)"
            assert condition is None, name
            if not isinstance(form.fields[name].widget, NO_ARIA_REQUIRED):
                assert 'aria-required="true"' in html, name
        elif any(refused):
            assert condition is not None, f"{name} is needed in some cases: say when"
            assert f"({condition})" in html, name
            assert not optional, name
        else:
            assert condition is None, f"{name} is never needed"
            assert "aria-required" not in html, name
            if not isinstance(form.fields[name].widget, forms.CheckboxInput):  # never marked
                assert optional, f"{name} may stay empty but is not marked (frivilligt)"


def test_the_community_form_marks_what_submitting_needs(draft):
    # No co-financing: it is needed only from 100.000 kr, and then any mix of its parts.
    application = complete(draft, cofinancing_cash=Decimal(0))
    _check_marking(application)


def test_the_village_renewal_form_marks_what_submitting_needs(lbf, applicant):
    application = village_application(lbf, applicant)  # owner-occupied, in the open country
    in_town = {"location": "town", "town_name": "Tølløse", "town_population": 3000,
               "ownership": "rental", "owner_lives_there": False}  # fmt: skip
    _check_marking(application, [{}, in_town])


def test_the_edit_page_marks_needed_fields_without_blocking_a_draft(client, draft, applicant):
    login(client, applicant)
    page = client.get(f"/ansoegninger/{draft.pk}/rediger/").text
    title = page[
        page.index('for="id_title"') : page.index("</label>", page.index('for="id_title"'))
    ]
    assert "(frivilligt)" not in title
    phone = page[page.index('for="id_contact_phone"') :]
    assert "(frivilligt)" in phone[: phone.index("</label>")]
    form = page[page.index('enctype="multipart/form-data"') :]
    form = form[: form.index("</form>")]
    assert not re.search(r"\srequired[\s>=]", form)  # no field stops a draft being saved
