"""PLACEHOLDER (replaced by its builder)."""

from django.http import Http404


def survey_propose(request, **kwargs):
    raise Http404


def survey_invitations(request, **kwargs):
    raise Http404


def survey_held(request, **kwargs):
    raise Http404


def survey_key_lookup(request, **kwargs):
    raise Http404


def survey_proposal(request, **kwargs):
    raise Http404
