from types import SimpleNamespace

import pytest

from projektudvalg.effort_progress import weighted_progress


def _actions(*pairs):
    return [SimpleNamespace(progress=progress, weight=weight) for progress, weight in pairs]


@pytest.mark.parametrize(
    ("pairs", "expected"),
    [
        (((90, 2), (30, 1)), 70),  # TRACKS A(d) 6
        (((90, None), (30, None)), 60),  # the plain mean
        (((100, 3), (0, None)), 75),  # an unweighted action counts as 1
        (((33, None), (34, None)), 34),  # 33.5 rounds half up
        ((), None),  # no actions: no figure
    ],
)
def test_progress_is_the_weighted_mean_of_the_actions(pairs, expected):
    assert weighted_progress(_actions(*pairs)) == expected
