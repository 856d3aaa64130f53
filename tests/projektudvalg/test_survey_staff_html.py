"""The survey staff's pages are valid HTML in each of their states, with and without form
errors (the demo has no survey, so the crawl of tests/holbaek/test_html_validity.py does
not reach them)."""

from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from holbaek import roles
from projektudvalg.models import Survey
from projektudvalg.services import survey_steps as steps
from tests.factories import give_mfa, login, make_user
from tests.holbaek.test_html_validity import _java_or_skip, vnu_errors
from tests.projektudvalg.survey_helpers import build_survey
from tests.projektudvalg.test_survey_staff_pages import answer, closed, form_data

pytestmark = pytest.mark.django_db


def _url(name, survey=None):
    return reverse(f"projektudvalg:{name}", kwargs={"pk": survey.pk} if survey else None)


def test_every_state_of_the_staff_pages_is_valid_html(reference_data, tmp_path):
    _java_or_skip()
    staff = login(Client(), give_mfa(make_user("s@example.org", role=roles.COMMITTEE_STAFF)))
    locked = build_survey()
    answer(locked, "a")
    done = closed(anonymity="pseudonymous")
    published = closed()
    steps.survey_publish(survey=published, public_question_ids=[], by=None)
    bad_file = SimpleUploadedFile("x.exe", b"MZ")
    pages = {
        "list": staff.get(_url("survey-admin")),
        "form": staff.get(_url("survey-create")),
        "form, refused": staff.post(
            _url("survey-create"),
            form_data(
                areas=None,
                title="",
                opens_at="2027-03-01T09:00",
                closes_at="2027-03-31T23:59",
                retention_until="2027-09-01",
            ),
        ),
        "form, locked": staff.get(_url("survey-edit", locked)),
        "external": staff.get(_url("survey-external-create")),
        "external, refused": staff.post(_url("survey-external-create"), {"results_file": bad_file}),
        "manage, open": staff.get(_url("survey-manage", locked)),
        "manage, closed": staff.get(_url("survey-manage", done)),
        "status": staff.get(_url("survey-status", locked)),
        "publish": staff.get(_url("survey-publish", done)),
        "publish, refused": staff.post(_url("survey-publish", done), {"questions": ["x"]}),
        "publish, published": staff.get(_url("survey-publish", published)),
    }
    csv = SimpleUploadedFile("a.csv", b"a;b")
    data = {"title": "Panel", "purpose": "x", "whole_municipality": "on",
            "external_summary": "y", "results_file": csv}  # fmt: skip
    staff.post(_url("survey-external-create"), data)
    external = Survey.objects.get(kind="external")
    pages["external, edit"] = staff.get(_url("survey-edit", external))
    pages["manage, external"] = staff.get(_url("survey-manage", external))
    files = {}
    for number, (name, response) in enumerate(pages.items()):
        assert response.status_code in (200, 400), (name, response.status_code)
        path = tmp_path / f"page-{number}.html"
        path.write_text(response.content.decode(), encoding="utf-8")
        files[path.name] = name
    errors = vnu_errors(sorted(tmp_path.glob("*.html"), key=lambda path: path.name))
    report = [f"{files[Path(e['url']).name]}: {e['message']}" for e in errors]
    assert report == [], "\n".join(report)
