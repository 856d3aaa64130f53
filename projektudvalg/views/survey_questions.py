"""PLACEHOLDER (replaced by its builder)."""

from django.http import Http404


def survey_questions(request, **kwargs):
    raise Http404


def question_add(request, **kwargs):
    raise Http404


def question_edit(request, **kwargs):
    raise Http404


def question_delete(request, **kwargs):
    raise Http404


def question_move(request, **kwargs):
    raise Http404


def survey_logic(request, **kwargs):
    raise Http404
