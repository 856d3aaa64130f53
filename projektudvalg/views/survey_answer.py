"""PLACEHOLDER (replaced by its builder)."""

from django.http import Http404


def survey_detail(request, **kwargs):
    raise Http404


def survey_answer(request, **kwargs):
    raise Http404


def survey_thanks(request, **kwargs):
    raise Http404


def survey_invitation(request, **kwargs):
    raise Http404


def survey_answer_forum(request, **kwargs):
    raise Http404


def survey_paper(request, **kwargs):
    raise Http404
