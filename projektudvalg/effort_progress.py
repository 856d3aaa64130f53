"""A special effort's progress: the mean of its actions' progress, weighted when weights
are set (Decidim accountability's roll-up). Weights 2 and 1 with progress 90 and 30 give
70; without weights it is the plain mean. An action without a weight counts as weight 1
when some others have one. No actions: no progress (None), not 0 %."""

from collections.abc import Iterable
from decimal import ROUND_HALF_UP, Decimal


def weighted_progress(actions: Iterable) -> int | None:
    """The effort's progress in whole per cent, from objects with `progress` and `weight`."""
    total_weight = 0
    weighted_sum = 0
    for action in actions:
        weight = action.weight or 1
        total_weight += weight
        weighted_sum += weight * action.progress
    if not total_weight:
        return None
    mean = Decimal(weighted_sum) / Decimal(total_weight)
    return int(mean.quantize(Decimal(1), rounding=ROUND_HALF_UP))
