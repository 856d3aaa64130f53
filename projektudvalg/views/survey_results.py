"""PLACEHOLDER (replaced by its builder)."""

from django.http import Http404


def survey_list(request, **kwargs):
    raise Http404


def survey_results(request, **kwargs):
    raise Http404


def survey_results_json(request, **kwargs):
    raise Http404


def survey_results_csv(request, **kwargs):
    raise Http404


def survey_external_file(request, **kwargs):
    raise Http404


def survey_live_results(request, **kwargs):
    raise Http404


def survey_export(request, **kwargs):
    raise Http404
