"""PLACEHOLDER (replaced by its builder)."""

from django.http import Http404


def survey_admin(request, **kwargs):
    raise Http404


def survey_create(request, **kwargs):
    raise Http404


def survey_external_create(request, **kwargs):
    raise Http404


def survey_manage(request, **kwargs):
    raise Http404


def survey_edit(request, **kwargs):
    raise Http404


def survey_status(request, **kwargs):
    raise Http404


def survey_publish(request, **kwargs):
    raise Http404
